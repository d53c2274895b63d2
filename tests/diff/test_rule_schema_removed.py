"""Rule ``schema-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_removing_a_component_schema_is_breaking() -> None:
    # BC: removing a component schema is breaking
    changes = changes_for("schema_removed")
    assert summary(changes) == {
        ("schema-removed", "breaking", None, "tag", None),
    }
    text = "\n".join(c.message for c in changes)
    assert "schema `tag` removed" in text
