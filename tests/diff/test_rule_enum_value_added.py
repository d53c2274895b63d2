"""Rule ``enum-value-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_an_enum_value_is_not_breaking() -> None:
    # BC: adding an enum value (to a response property or a request parameter) is not breaking
    changes = changes_for("enum_value_added")
    assert summary(changes) == {
        ("enum-value-added", "non-breaking", None, "contact", "role"),
        ("enum-value-added", "non-breaking", "GET /contacts/{id}", None, "include"),
    }
    text = "\n".join(c.message for c in changes)
    assert "enum value 'visitor' added" in text
    assert "enum value 'notes' added" in text
