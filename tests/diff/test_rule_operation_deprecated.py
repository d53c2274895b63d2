"""Rule ``operation-deprecated``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_deprecating_an_operation_is_info() -> None:
    # BC: deprecating an operation is info
    changes = changes_for("operation_deprecated")
    assert summary(changes) == {
        ("operation-deprecated", "info", "GET /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "deprecated" in text
