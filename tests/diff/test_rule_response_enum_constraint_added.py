"""Rule ``response-enum-constraint-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_response_property_listing_its_values_is_not_breaking() -> None:
    # BC: a response-only property now listing its values as an enum is not breaking
    changes = changes_for("response_enum_constraint_added")
    assert summary(changes) == {
        ("response-enum-constraint-added", "non-breaking", None, "contact", "email"),
    }
    text = "\n".join(c.message for c in changes)
    assert "now lists its values 'a@example.com'" in text
