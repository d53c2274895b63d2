"""Rule ``request-property-became-nullable``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_request_property_becoming_nullable_is_not_breaking() -> None:
    # BC: a request-only property becoming nullable is not breaking
    changes = changes_for("request_property_became_nullable")
    assert summary(changes) == {
        ("request-property-became-nullable", "non-breaking", None, "create_contact_request", "name"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`name` became nullable" in text
