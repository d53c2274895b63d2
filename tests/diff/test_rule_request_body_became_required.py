"""Rule ``request-body-became-required``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_request_body_becoming_required_is_breaking() -> None:
    # BC: an optional request body becoming required is breaking
    changes = changes_for("request_body_became_required")
    assert summary(changes) == {
        ("request-body-became-required", "breaking", "PUT /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "request body became required" in text
