"""Rule ``request-body-became-optional``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_request_body_becoming_optional_is_not_breaking() -> None:
    # BC: a required request body becoming optional is not breaking
    changes = changes_for("request_body_became_optional")
    assert summary(changes) == {
        ("request-body-became-optional", "non-breaking", "PUT /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "request body became optional" in text
