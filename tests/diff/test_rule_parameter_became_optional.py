"""Rule ``parameter-became-optional``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_parameter_becoming_optional_is_not_breaking() -> None:
    # BC: a required parameter becoming optional is not breaking
    changes = changes_for("parameter_became_optional")
    assert summary(changes) == {
        ("parameter-became-optional", "non-breaking", "GET /contacts/{id}", None, "include"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`include` became optional" in text
