"""Rule ``property-removed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_removing_a_property_is_breaking() -> None:
    # BC: removing a property is breaking
    changes = changes_for("property_removed")
    assert summary(changes) == {
        ("property-removed", "breaking", None, "contact", "email"),
    }
    text = "\n".join(c.message for c in changes)
    assert "schema `contact` property `email` removed" in text


def test_a_response_switching_schema_reports_the_lost_property_on_the_operation() -> None:
    # BC: a response now using a schema without `email` is breaking: the reader loses the property
    assert summary(changes_for("response_ref_switched")) == {
        ("property-type-changed", "breaking", "GET /contacts/{id}", None, None),
        ("property-removed", "breaking", "GET /contacts/{id}", "contact", "email"),
        ("response-property-became-optional", "breaking", "GET /contacts/{id}", "person", "id"),
        ("schema-added", "non-breaking", None, "person", None),
    }
