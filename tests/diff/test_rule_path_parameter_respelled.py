"""Rule ``path-parameter-respelled``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_respelling_a_path_parameter_with_the_same_argument_is_info() -> None:
    # BC: a path parameter respelled without changing the method's argument is info
    changes = changes_for("path_parameter_respelled")
    assert summary(changes) == {
        ("path-parameter-respelled", "info", "GET /contacts/{contact_id}", None, "contact_id"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`{contactId}` renamed to `{contact_id}`" in text
    assert "still `contact_id`" in text
