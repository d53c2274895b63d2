"""Rule ``response-enum-value-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_removing_an_enum_value_from_a_response_is_not_breaking() -> None:
    # BC: removing an enum value from a response-only property is not breaking
    changes = changes_for("response_enum_value_removed")
    assert summary(changes) == {
        ("response-enum-value-removed", "non-breaking", None, "contact", "role"),
    }
    text = "\n".join(c.message for c in changes)
    assert "enum value 'lead' removed" in text
