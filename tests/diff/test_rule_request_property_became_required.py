"""Rule ``request-property-became-required``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_request_property_becoming_required_is_breaking() -> None:
    # BC: a request property becoming required is breaking
    changes = changes_for("request_property_became_required")
    assert summary(changes) == {
        ("request-property-became-required", "breaking", None, "create_contact_request", "name"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`name` became required" in text
