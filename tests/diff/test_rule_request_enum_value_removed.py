"""Rule ``request-enum-value-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_removing_an_enum_value_from_a_request_is_breaking() -> None:
    # BC: removing an enum value from a request property or parameter is breaking
    changes = changes_for("request_enum_value_removed")
    assert summary(changes) == {
        ("request-enum-value-removed", "breaking", None, "create_contact_request", "role"),
        ("request-enum-value-removed", "breaking", "GET /contacts/{id}", None, "include"),
    }
    text = "\n".join(c.message for c in changes)
    assert "enum value 'lead' removed" in text
    assert "enum value 'tags' removed" in text
