"""Rule ``request-property-became-not-nullable``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_request_property_no_longer_nullable_is_breaking() -> None:
    # BC: a request property no longer accepting null is breaking
    changes = changes_for("request_property_became_not_nullable")
    assert summary(changes) == {
        ("request-property-became-not-nullable", "breaking", None, "create_contact_request", "name"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`name` is no longer nullable" in text
