"""Rule ``property-added``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_adding_a_response_property_is_not_breaking() -> None:
    # BC: adding a response property is not breaking
    changes = changes_for("property_added")
    assert summary(changes) == {
        ("property-added", "non-breaking", None, "contact", "phone"),
    }
    text = "\n".join(c.message for c in changes)
    assert "schema `contact` property `phone` added" in text


def test_adding_a_required_response_property_is_not_breaking() -> None:
    # BC: adding a required property to a response-only schema is not breaking (readers may ignore it)
    assert summary(changes_for("response_required_property_added")) == {
        ("property-added", "non-breaking", None, "contact", "phone")
    }


def test_a_property_written_beside_one_of_in_a_request_body_is_found() -> None:
    # BC: adding an optional request property is not breaking, also when written inline beside oneOf
    (change,) = changes_for("inline_body_property_added")
    assert (change.id, change.operation, change.schema, change.property) == (
        "property-added",
        "POST /contacts",
        None,
        "send_welcome",
    )
    assert change.location == "request body"
    assert "`POST /contacts` request body property `send_welcome` added" in change.message


def test_a_body_ref_becoming_all_of_with_inline_properties() -> None:
    # BC: a $ref body turned into allOf + inline properties changes the body's type (breaking) and
    # adds the inline property (not breaking); the referenced schema's own properties are unchanged
    assert summary(changes_for("inline_body_beside_ref")) == {
        ("property-type-changed", "breaking", "POST /contacts", None, None),
        ("property-added", "non-breaking", "POST /contacts", None, "skip_notifications"),
    }


def test_a_change_in_a_composed_component_is_reported_once_on_the_component() -> None:
    # BC: adding an optional property is not breaking; reported on the component, not again per operation
    assert summary(changes_for("composed_body_component_changed")) == {
        ("property-added", "non-breaking", None, "create_contact_request", "phone")
    }


def test_recursive_schemas_terminate_and_report_each_change_once() -> None:
    # BC: adding a response property is not breaking, also inside self-referencing schemas
    assert summary(changes_for("recursive_schema")) == {
        ("property-added", "non-breaking", None, "node", "depth"),
        ("property-added", "non-breaking", None, "ring_b", "c"),
    }
