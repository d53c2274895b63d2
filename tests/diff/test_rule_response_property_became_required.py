"""Rule ``response-property-became-required``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_response_property_becoming_required_is_not_breaking() -> None:
    # BC: a response-only property becoming required is not breaking
    changes = changes_for("response_property_became_required")
    assert summary(changes) == {
        ("response-property-became-required", "non-breaking", None, "contact", "email"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`email` became required" in text
