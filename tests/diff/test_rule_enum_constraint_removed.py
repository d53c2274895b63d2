"""Rule ``enum-constraint-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_dropping_an_enum_constraint_is_not_breaking() -> None:
    # BC: dropping an enum constraint is not breaking
    changes = changes_for("enum_constraint_removed")
    assert summary(changes) == {
        ("enum-constraint-removed", "non-breaking", None, "contact", "role"),
    }
    text = "\n".join(c.message for c in changes)
    assert "no longer restricted to the values 'lead', 'user'" in text
