"""Every rule, judged on fixture cases: one base spec per family, one revision per case.

Each ``Case`` names a revision under ``tests/fixtures/diff/<family>/``, states the judgement (BC) it
pins down, the changes expected from the family's ``base.yaml`` to it (rule id, severity, operation,
schema, property), and text its messages must contain. Every rule has at least one case.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.diff import ALL_RULES
from tests.diff.diff_support import FIXTURES, Summary, changes_for, summary


@dataclass(frozen=True)
class Case:
    name: str
    judgement: str
    expected: set[Summary]
    texts: tuple[str, ...] = ()


CASES = (
    Case(
        "enum_constraint_removed",
        "dropping an enum constraint is not breaking",
        {
            ("enum-constraint-removed", "non-breaking", None, "contact", "role"),
        },
        ("no longer restricted to the values 'lead', 'user'",),
    ),
    Case(
        "enum_value_added",
        "adding an enum value (to a response property or a request parameter) is not breaking",
        {
            ("enum-value-added", "non-breaking", "GET /contacts/{id}", None, "include"),
            ("enum-value-added", "non-breaking", None, "contact", "role"),
        },
        ("enum value 'visitor' added", "enum value 'notes' added"),
    ),
    Case(
        "operation_added",
        "adding an operation is not breaking",
        {
            ("operation-added", "non-breaking", "DELETE /contacts/{id}", None, None),
        },
        ("`DELETE /contacts/{id}` added", "delete_contact"),
    ),
    Case(
        "operation_deprecated",
        "deprecating an operation is info",
        {
            ("operation-deprecated", "info", "GET /contacts/{id}", None, None),
        },
        ("deprecated",),
    ),
    Case(
        "operation_id_changed",
        "an operationId change that renames the generated method is breaking",
        {
            ("operation-id-changed", "breaking", "GET /contacts/{id}", None, None),
        },
        ("`showContact` is now `retrieveContact`", "`show_contact` is now `retrieve_contact`"),
    ),
    Case(
        "operation_id_respelled",
        "an operationId respelled without renaming the generated method is info",
        {
            ("operation-id-respelled", "info", "GET /contacts/{id}", None, None),
        },
        ("`showContact` is now `ShowContact`", "still `show_contact`"),
    ),
    Case(
        "operation_removed",
        "removing an operation is breaking",
        {
            ("operation-removed", "breaking", "DELETE /contacts/{id}", None, None),
        },
        ("`DELETE /contacts/{id}` removed", "delete_contact"),
    ),
    Case(
        "operation_resource_changed",
        "an operation moving to another tag is breaking: its method moves to another resource",
        {
            ("operation-resource-changed", "breaking", "GET /contacts/{id}", None, None),
        },
        ("`client.contacts.show_contact` to `client.people.show_contact`",),
    ),
    Case(
        "parameter_added",
        "adding an optional parameter is not breaking",
        {
            ("parameter-added", "non-breaking", "GET /contacts/{id}", None, "fields"),
        },
        ("query parameter `fields` added",),
    ),
    Case(
        "parameter_became_optional",
        "a required parameter becoming optional is not breaking",
        {
            ("parameter-became-optional", "non-breaking", "GET /contacts/{id}", None, "include"),
        },
        ("`include` became optional",),
    ),
    Case(
        "parameter_became_required",
        "an optional parameter becoming required is breaking",
        {
            ("parameter-became-required", "breaking", "GET /contacts/{id}", None, "include"),
        },
        ("`include` became required",),
    ),
    Case(
        "parameter_removed",
        "removing a parameter is breaking",
        {
            ("parameter-removed", "breaking", "GET /contacts/{id}", None, "include"),
        },
        ("query parameter `include` removed",),
    ),
    Case(
        "parameter_type_changed",
        "changing a parameter's type is breaking",
        {
            ("parameter-type-changed", "breaking", "GET /contacts/{id}", None, "id"),
        },
        ("from `string` to `integer`",),
    ),
    Case(
        "path_parameter_renamed",
        "renaming a path parameter is breaking: the method's argument is renamed (a rename, not remove + add)",
        {
            ("path-parameter-renamed", "breaking", "GET /contacts/{id}", None, "id"),
        },
        ("`{contact_id}` renamed to `{id}`", "`contact_id` is now `id`"),
    ),
    Case(
        "path_parameter_respelled",
        "a path parameter respelled without changing the method's argument is info",
        {
            ("path-parameter-respelled", "info", "GET /contacts/{contact_id}", None, "contact_id"),
        },
        ("`{contactId}` renamed to `{contact_id}`", "still `contact_id`"),
    ),
    Case(
        "property_added",
        "adding a response property is not breaking",
        {
            ("property-added", "non-breaking", None, "contact", "phone"),
        },
        ("schema `contact` property `phone` added",),
    ),
    Case(
        "response_required_property_added",
        "adding a required property to a response-only schema is not breaking (readers may ignore it)",
        {
            ("property-added", "non-breaking", None, "contact", "phone"),
        },
        (),
    ),
    Case(
        "inline_body_property_added",
        "adding an optional request property is not breaking, also when written inline beside oneOf",
        {
            ("property-added", "non-breaking", "POST /contacts", None, "send_welcome"),
        },
        ("`POST /contacts` request body property `send_welcome` added",),
    ),
    Case(
        "inline_body_beside_ref",
        "a $ref body turned into allOf + inline properties changes the body's type (breaking) and adds"
        " the inline property (not breaking); the referenced schema's own properties are unchanged",
        {
            ("property-added", "non-breaking", "POST /contacts", None, "skip_notifications"),
            ("property-type-changed", "breaking", "POST /contacts", None, None),
        },
        (),
    ),
    Case(
        "composed_body_component_changed",
        "adding an optional property is not breaking; reported on the component, not again per operation",
        {
            ("property-added", "non-breaking", None, "create_contact_request", "phone"),
        },
        (),
    ),
    Case(
        "recursive_schema",
        "adding a response property is not breaking, also inside self-referencing schemas",
        {
            ("property-added", "non-breaking", None, "node", "depth"),
            ("property-added", "non-breaking", None, "ring_b", "c"),
        },
        (),
    ),
    Case(
        "property_removed",
        "removing a property is breaking",
        {
            ("property-removed", "breaking", None, "contact", "email"),
        },
        ("schema `contact` property `email` removed",),
    ),
    Case(
        "response_ref_switched",
        "a response now using a schema without `email` is breaking: the reader loses the property",
        {
            ("property-removed", "breaking", "GET /contacts/{id}", "contact", "email"),
            ("property-type-changed", "breaking", "GET /contacts/{id}", None, None),
            ("response-property-became-optional", "breaking", "GET /contacts/{id}", "person", "id"),
            ("schema-added", "non-breaking", None, "person", None),
        },
        (),
    ),
    Case(
        "property_type_changed",
        "changing a property's type is breaking",
        {
            ("property-type-changed", "breaking", None, "contact", "id"),
        },
        ("from `string` to `integer`",),
    ),
    Case(
        "request_body_added",
        "adding an optional request body is not breaking",
        {
            ("request-body-added", "non-breaking", "PUT /contacts/{id}", None, None),
        },
        ("optional request body added",),
    ),
    Case(
        "request_body_became_optional",
        "a required request body becoming optional is not breaking",
        {
            ("request-body-became-optional", "non-breaking", "PUT /contacts/{id}", None, None),
        },
        ("request body became optional",),
    ),
    Case(
        "request_body_became_required",
        "an optional request body becoming required is breaking",
        {
            ("request-body-became-required", "breaking", "PUT /contacts/{id}", None, None),
        },
        ("request body became required",),
    ),
    Case(
        "request_body_removed",
        "removing the request body is breaking",
        {
            ("request-body-removed", "breaking", "PUT /contacts/{id}", None, None),
        },
        ("request body removed",),
    ),
    Case(
        "request_enum_constraint_added",
        "restricting a request property to an enum is breaking",
        {
            ("request-enum-constraint-added", "breaking", None, "create_contact_request", "name"),
        },
        ("restricted to the values 'a', 'b'",),
    ),
    Case(
        "request_enum_value_removed",
        "removing an enum value from a request property or parameter is breaking",
        {
            ("request-enum-value-removed", "breaking", "GET /contacts/{id}", None, "include"),
            ("request-enum-value-removed", "breaking", None, "create_contact_request", "role"),
        },
        ("enum value 'lead' removed", "enum value 'tags' removed"),
    ),
    Case(
        "request_property_became_not_nullable",
        "a request property no longer accepting null is breaking",
        {
            ("request-property-became-not-nullable", "breaking", None, "create_contact_request", "name"),
        },
        ("`name` is no longer nullable",),
    ),
    Case(
        "request_property_became_nullable",
        "a request-only property becoming nullable is not breaking",
        {
            ("request-property-became-nullable", "non-breaking", None, "create_contact_request", "name"),
        },
        ("`name` became nullable",),
    ),
    Case(
        "request_property_became_optional",
        "a request-only property becoming optional is not breaking",
        {
            ("request-property-became-optional", "non-breaking", None, "create_contact_request", "name"),
        },
        ("`name` became optional",),
    ),
    Case(
        "request_property_became_required",
        "a request property becoming required is breaking",
        {
            ("request-property-became-required", "breaking", None, "create_contact_request", "name"),
        },
        ("`name` became required",),
    ),
    Case(
        "required_parameter_added",
        "adding a required parameter is breaking",
        {
            ("required-parameter-added", "breaking", "GET /contacts/{id}", None, "fields"),
        },
        ("query parameter `fields` added as required",),
    ),
    Case(
        "required_request_body_added",
        "adding a required request body is breaking",
        {
            ("required-request-body-added", "breaking", "PUT /contacts/{id}", None, None),
        },
        ("required request body added",),
    ),
    Case(
        "required_request_property_added",
        "adding a required property to a request is breaking",
        {
            ("required-request-property-added", "breaking", None, "create_contact_request", "phone"),
        },
        ("`phone` added as required",),
    ),
    Case(
        "response_enum_constraint_added",
        "a response-only property now listing its values as an enum is not breaking",
        {
            ("response-enum-constraint-added", "non-breaking", None, "contact", "email"),
        },
        ("now lists its values 'a@example.com'",),
    ),
    Case(
        "response_enum_value_removed",
        "removing an enum value from a response-only property is not breaking",
        {
            ("response-enum-value-removed", "non-breaking", None, "contact", "role"),
        },
        ("enum value 'lead' removed",),
    ),
    Case(
        "response_property_became_not_nullable",
        "a response-only property no longer being null is not breaking",
        {
            ("response-property-became-not-nullable", "non-breaking", None, "contact", "email"),
        },
        ("`email` is no longer nullable",),
    ),
    Case(
        "response_property_became_nullable",
        "a response property becoming nullable is breaking for a reader",
        {
            ("response-property-became-nullable", "breaking", None, "contact", "email"),
        },
        ("`email` became nullable",),
    ),
    Case(
        "shared_property_became_nullable",
        "a property of a schema both sent and returned becoming nullable is breaking (for its readers)",
        {
            ("response-property-became-nullable", "breaking", None, "contact", "email"),
        },
        (),
    ),
    Case(
        "response_property_became_optional",
        "a response property becoming optional is breaking for a reader",
        {
            ("response-property-became-optional", "breaking", None, "contact", "email"),
        },
        ("`email` became optional",),
    ),
    Case(
        "component_recomposed",
        "a response property becoming optional is breaking; reported once, on the schema that changed,"
        " not again on every operation returning it",
        {
            ("property-added", "non-breaking", "GET /contacts/{id}", None, "more"),
            ("response-property-became-optional", "breaking", None, "contact", "id"),
            ("schema-added", "non-breaking", None, "reference", None),
        },
        (),
    ),
    Case(
        "response_property_became_required",
        "a response-only property becoming required is not breaking",
        {
            ("response-property-became-required", "non-breaking", None, "contact", "email"),
        },
        ("`email` became required",),
    ),
    Case(
        "response_status_added",
        "a newly documented response status is info",
        {
            ("response-status-added", "info", "GET /contacts/{id}", None, None),
        },
        ("response status 404 added",),
    ),
    Case(
        "response_status_removed",
        "a response status no longer documented is info",
        {
            ("response-status-removed", "info", "GET /contacts/{id}", None, None),
        },
        ("response status 404 removed",),
    ),
    Case(
        "schema_added",
        "adding a component schema is not breaking",
        {
            ("schema-added", "non-breaking", None, "tag", None),
        },
        ("schema `tag` added",),
    ),
    Case(
        "schema_removed",
        "removing a component schema is breaking",
        {
            ("schema-removed", "breaking", None, "tag", None),
        },
        ("schema `tag` removed",),
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_judgement(case: Case) -> None:
    changes = changes_for(case.name)
    assert summary(changes) == case.expected, case.judgement
    text = "\n".join(c.message for c in changes)
    for fragment in case.texts:
        assert fragment in text


def test_every_rule_has_a_case() -> None:
    judged = {rule for case in CASES for rule, *_ in case.expected}
    assert {rule.id for rule in ALL_RULES} <= judged


def test_every_fixture_case_is_judged_and_every_family_has_a_base() -> None:
    files = {p.stem for p in FIXTURES.glob("*/*.yaml") if p.name != "base.yaml"}
    assert files == {case.name for case in CASES}
    assert all((family / "base.yaml").is_file() for family in FIXTURES.iterdir() if family.is_dir())


def test_a_property_written_inline_in_a_request_body_is_located_there() -> None:
    (change,) = changes_for("inline_body_property_added")
    assert change.location == "request body"
