"""Rule ``parameter-type-changed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_changing_a_parameter_type_is_breaking() -> None:
    # BC: changing a parameter's type is breaking
    changes = changes_for("parameter_type_changed")
    assert summary(changes) == {
        ("parameter-type-changed", "breaking", "GET /contacts/{id}", None, "id"),
    }
    text = "\n".join(c.message for c in changes)
    assert "from `string` to `integer`" in text
