"""Rule ``parameter-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_removing_a_parameter_is_breaking() -> None:
    # BC: removing a parameter is breaking
    changes = changes_for("parameter_removed")
    assert summary(changes) == {
        ("parameter-removed", "breaking", "GET /contacts/{id}", None, "include"),
    }
    text = "\n".join(c.message for c in changes)
    assert "query parameter `include` removed" in text
