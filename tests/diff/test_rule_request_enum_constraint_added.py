"""Rule ``request-enum-constraint-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_restricting_a_request_property_to_an_enum_is_breaking() -> None:
    # BC: restricting a request property to an enum is breaking
    changes = changes_for("request_enum_constraint_added")
    assert summary(changes) == {
        ("request-enum-constraint-added", "breaking", None, "create_contact_request", "name"),
    }
    text = "\n".join(c.message for c in changes)
    assert "restricted to the values 'a', 'b'" in text
