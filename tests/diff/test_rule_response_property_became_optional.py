"""Rule ``response-property-became-optional``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_a_response_property_becoming_optional_is_breaking() -> None:
    # BC: a response property becoming optional is breaking for a reader
    changes = changes_for("response_property_became_optional")
    assert summary(changes) == {
        ("response-property-became-optional", "breaking", None, "contact", "email"),
    }
    text = "\n".join(c.message for c in changes)
    assert "`email` became optional" in text


def test_a_recomposed_component_is_reported_on_the_component_only() -> None:
    # BC: a response property becoming optional is breaking; reported once, on the schema that changed,
    # not again on every operation returning it
    assert summary(changes_for("component_recomposed")) == {
        ("response-property-became-optional", "breaking", None, "contact", "id"),
        ("schema-added", "non-breaking", None, "reference", None),
        ("property-added", "non-breaking", "GET /contacts/{id}", None, "more"),
    }
