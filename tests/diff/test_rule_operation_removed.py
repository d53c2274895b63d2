"""Rule ``operation-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_removing_an_operation_is_breaking() -> None:
    # BC: removing an operation is breaking
    changes = changes_for("operation_removed")
    assert summary(changes) == {
        ("operation-removed", "breaking", "DELETE /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "`DELETE /contacts/{id}` removed" in text
    assert "delete_contact" in text
