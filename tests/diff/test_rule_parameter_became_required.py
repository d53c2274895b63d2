"""Rule ``parameter-became-required``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_parameter_becoming_required_is_breaking() -> None:
    # BC: an optional parameter becoming required is breaking
    changes = changes_for("parameter_became_required")
    assert summary(changes) == {
        ("parameter-became-required", "breaking", "GET /contacts/{id}", None, "include"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`include` became required" in text
