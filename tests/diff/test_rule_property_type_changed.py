"""Rule ``property-type-changed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_changing_a_property_type_is_breaking() -> None:
    # BC: changing a property's type is breaking
    changes = changes_for("property_type_changed")
    assert summary(changes) == {
        ("property-type-changed", "breaking", None, "contact", "id"),
    }
    text = "\n".join(c.message for c in changes)
    assert "from `string` to `integer`" in text
