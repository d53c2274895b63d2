"""Rule ``operation-id-respelled``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_an_operation_id_keeping_the_method_name_is_info() -> None:
    # BC: an operationId respelled without renaming the generated method is info
    changes = changes_for("operation_id_respelled")
    assert summary(changes) == {
        ("operation-id-respelled", "info", "GET /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "`showContact` is now `ShowContact`" in text
    assert "still `show_contact`" in text
