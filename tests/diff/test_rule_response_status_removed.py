"""Rule ``response-status-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_response_status_no_longer_documented_is_info() -> None:
    # BC: a response status no longer documented is info
    changes = changes_for("response_status_removed")
    assert summary(changes) == {
        ("response-status-removed", "info", "GET /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "response status 404 removed" in text
