"""Rule ``request-body-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_an_optional_request_body_is_not_breaking() -> None:
    # BC: adding an optional request body is not breaking
    changes = changes_for("request_body_added")
    assert summary(changes) == {
        ("request-body-added", "non-breaking", "PUT /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "optional request body added" in text
