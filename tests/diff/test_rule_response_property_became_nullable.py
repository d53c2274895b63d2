"""Rule ``response-property-became-nullable``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_response_property_becoming_nullable_is_breaking() -> None:
    # BC: a response property becoming nullable is breaking for a reader
    changes = changes_for("response_property_became_nullable")
    assert summary(changes) == {
        ("response-property-became-nullable", "breaking", None, "contact", "email"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`email` became nullable" in text


def test_a_shared_schema_is_judged_as_a_response() -> None:
    # BC: a property of a schema both sent and returned becoming nullable is breaking (for its readers)
    assert summary(changes_for("shared_property_became_nullable")) == {
        ("response-property-became-nullable", "breaking", None, "contact", "email")
    }
