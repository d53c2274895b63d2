"""Rule ``operation-resource-changed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_an_operation_changing_tag_is_breaking() -> None:
    # BC: an operation moving to another tag is breaking: its method moves to another resource
    changes = changes_for("operation_resource_changed")
    assert summary(changes) == {
        ("operation-resource-changed", "breaking", "GET /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "`client.contacts.show_contact` to `client.people.show_contact`" in text
