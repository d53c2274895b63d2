"""Rule ``required-parameter-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_a_required_parameter_is_breaking() -> None:
    # BC: adding a required parameter is breaking
    changes = changes_for("required_parameter_added")
    assert summary(changes) == {
        ("required-parameter-added", "breaking", "GET /contacts/{id}", None, "fields"),
    }
    text = "\n".join(c.message for c in changes)
    assert "query parameter `fields` added as required" in text
