"""Rule ``response-property-became-not-nullable``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_response_property_no_longer_nullable_is_not_breaking() -> None:
    # BC: a response-only property no longer being null is not breaking
    changes = changes_for("response_property_became_not_nullable")
    assert summary(changes) == {
        ("response-property-became-not-nullable", "non-breaking", None, "contact", "email"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`email` is no longer nullable" in text
