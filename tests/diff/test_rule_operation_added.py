"""Rule ``operation-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_an_operation_is_not_breaking() -> None:
    # BC: adding an operation is not breaking
    changes = changes_for("operation_added")
    assert summary(changes) == {
        ("operation-added", "non-breaking", "DELETE /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "`DELETE /contacts/{id}` added" in text
    assert "delete_contact" in text
