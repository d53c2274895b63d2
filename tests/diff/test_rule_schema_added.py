"""Rule ``schema-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_a_component_schema_is_not_breaking() -> None:
    # BC: adding a component schema is not breaking
    changes = changes_for("schema_added")
    assert summary(changes) == {
        ("schema-added", "non-breaking", None, "tag", None),
    }
    text = "\n".join(c.message for c in changes)
    assert "schema `tag` added" in text
