"""Rule ``response-status-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_new_response_status_is_info() -> None:
    # BC: a newly documented response status is info
    changes = changes_for("response_status_added")
    assert summary(changes) == {
        ("response-status-added", "info", "GET /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "response status 404 added" in text
