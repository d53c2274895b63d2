"""Rule ``parameter-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_an_optional_parameter_is_not_breaking() -> None:
    # BC: adding an optional parameter is not breaking
    changes = changes_for("parameter_added")
    assert summary(changes) == {
        ("parameter-added", "non-breaking", "GET /contacts/{id}", None, "fields"),
    }
    text = "\n".join(c.message for c in changes)
    assert "query parameter `fields` added" in text
