"""Rule ``required-request-property-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_a_required_request_property_is_breaking() -> None:
    # BC: adding a required property to a request is breaking
    changes = changes_for("required_request_property_added")
    assert summary(changes) == {
        ("required-request-property-added", "breaking", None, "create_contact_request", "phone"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`phone` added as required" in text
