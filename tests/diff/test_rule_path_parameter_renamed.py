"""Rule ``path-parameter-renamed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_renaming_a_path_parameter_is_breaking_for_keyword_callers() -> None:
    # BC: renaming a path parameter is breaking: the method's argument is renamed (a rename, not remove + add)
    changes = changes_for("path_parameter_renamed")
    assert summary(changes) == {
        ("path-parameter-renamed", "breaking", "GET /contacts/{id}", None, "id"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`{contact_id}` renamed to `{id}`" in text
    assert "`contact_id` is now `id`" in text
