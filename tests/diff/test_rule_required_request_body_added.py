"""Rule ``required-request-body-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_a_required_request_body_is_breaking() -> None:
    # BC: adding a required request body is breaking
    changes = changes_for("required_request_body_added")
    assert summary(changes) == {
        ("required-request-body-added", "breaking", "PUT /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "required request body added" in text
