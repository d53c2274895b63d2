"""Rule ``request-body-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_removing_the_request_body_is_breaking() -> None:
    # BC: removing the request body is breaking
    changes = changes_for("request_body_removed")
    assert summary(changes) == {
        ("request-body-removed", "breaking", "PUT /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "request body removed" in text
