"""Verdicts per assertion kind, on tiny specs built in code (base 1.0, target 1.1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from contract_support import make, tiny_pair

from generator.contract.claims import Claim, ClaimsFile
from generator.contract.evaluate import ClaimResult, Evaluator
from generator.contract.specquery import Version
from generator.contract.statements import parse_changelog
from generator.core.diagnostics import Diagnostics

TEXT = 'The claim.\nAnother claim.\nHere it is:\n{\n"id": "1",\n"role": "user"\n}\n'
Change = Callable[[dict[str, Any]], None]


def evaluate(
    asserts: list[dict[str, Any]],
    change: Change | None = None,
    *,
    versions: tuple[str, ...] = (),
    quote: str = "The claim.",
    text: str = TEXT,
) -> tuple[ClaimResult, Diagnostics]:
    base, target = tiny_pair(change)
    diagnostics = Diagnostics()
    items = tuple(make(a["kind"], {k: v for k, v in a.items() if k != "kind"}, "/claims/0/asserts") for a in asserts)
    claim = Claim("the-claim", quote, items, "holds", "/claims/0", versions=versions)
    claims_file = ClaimsFile("tiny.claims.yaml", "1.0", "1.1", (claim,), ())
    evaluator = Evaluator({"1.0": base, "1.1": target}, diagnostics)
    return evaluator.claim(claim, parse_changelog("t", text), claims_file), diagnostics


def contact_property(name: str, schema: dict[str, Any]) -> Change:
    def change(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["contact"]["properties"][name] = schema

    return change


def test_property_added_holds_when_new_and_is_not_new_when_already_there() -> None:
    new, _ = evaluate(
        [{"kind": "property-added", "schema": "contact", "property": "phone"}],
        contact_property("phone", {"type": "string"}),
    )
    assert new.verdict == "holds"
    assert new.evidence[0].pointer == "/components/schemas/contact/properties/phone"
    old, _ = evaluate([{"kind": "property-added", "schema": "contact", "property": "name"}])
    assert old.verdict == "not-new" and "already so in 1.0" in old.reason


def test_property_missing_from_the_target_is_contradicted() -> None:
    result, _ = evaluate([{"kind": "property-added", "schema": "contact", "property": "phone"}])
    assert result.verdict == "contradicted"
    assert "contact.phone is not declared in 1.1" in result.reason


def test_property_via_an_operation_must_be_reachable_from_its_response() -> None:
    reach, _ = evaluate(
        [{"kind": "property-added", "schema": "contact", "property": "phone", "via": "ShowContact"}],
        contact_property("phone", {"type": "string"}),
    )
    assert reach.verdict == "holds" and "in the response of GET /contacts/{id}" in reach.reason
    unreachable, _ = evaluate(
        [{"kind": "property-added", "schema": "error", "property": "type", "via": "ShowContact"}],
        lambda spec: spec["components"]["schemas"]["error"]["properties"].pop("type"),
    )
    assert unreachable.verdict == "contradicted"


def test_body_property_declared_by_some_variants_only_is_partial() -> None:
    def union_body(spec: dict[str, Any]) -> None:
        schemas = spec["components"]["schemas"]
        schemas["by_email"] = {"type": "object", "properties": {"email": {"type": "string"}, "at": {"type": "integer"}}}
        schemas["by_id"] = {"type": "object", "properties": {"id": {"type": "string"}}}
        body = spec["paths"]["/contacts"]["post"]["requestBody"]["content"]["application/json"]
        body["schema"] = {"oneOf": [{"$ref": "#/components/schemas/by_email"}, {"$ref": "#/components/schemas/by_id"}]}

    result, _ = evaluate([{"kind": "body-property-added", "operation": "createContact", "property": "at"}], union_body)
    assert result.verdict == "partial"
    assert "/oneOf/1" in result.reason


def test_sibling_properties_of_a_union_apply_to_every_variant() -> None:
    def union_with_flag(spec: dict[str, Any]) -> None:
        body = spec["paths"]["/contacts"]["post"]["requestBody"]["content"]["application/json"]
        body["schema"] = {
            "oneOf": [{"type": "object", "properties": {"a": {}}}],
            "properties": {"flag": {"type": "boolean"}},
        }

    result, _ = evaluate(
        [{"kind": "body-property-added", "operation": "createContact", "property": "flag"}], union_with_flag
    )
    assert result.verdict == "holds"


def test_operation_with_other_parameters_than_claimed_is_partial() -> None:
    result, _ = evaluate([{"kind": "operation-added", "operation": "ShowContact", "parameters": ["id", "external_id"]}])
    assert result.verdict == "partial"
    assert "taking id, include, not external_id" in result.reason


def test_operations_by_id_or_method_and_path_and_missing_ones() -> None:
    by_path, _ = evaluate([{"kind": "operation-added", "operation": "GET /contacts/{id}", "parameters": ["id"]}])
    assert by_path.verdict == "not-new"
    moved, _ = evaluate(
        [{"kind": "operation-added", "operations": ["ShowContact", "createContact"]}],
        lambda spec: spec["paths"].pop("/contacts"),
    )
    assert moved.verdict == "partial" and "no operation createContact in 1.1" in moved.reason


def test_parameter_added() -> None:
    def add_query(spec: dict[str, Any]) -> None:
        spec["paths"]["/contacts/{id}"]["get"]["parameters"].append(
            {"name": "fields", "in": "query", "schema": {"type": "string"}}
        )

    new, _ = evaluate(
        [{"kind": "parameter-added", "operation": "ShowContact", "parameter": "fields", "in": "query"}], add_query
    )
    assert new.verdict == "holds"
    wrong_place, _ = evaluate(
        [{"kind": "parameter-added", "operation": "ShowContact", "parameter": "include", "in": "path"}]
    )
    assert wrong_place.verdict == "contradicted"


def test_nullability_and_presence() -> None:
    made_nullable, _ = evaluate(
        [{"kind": "nullability", "schema": "contact", "property": "role", "nullable": True}],
        lambda spec: spec["components"]["schemas"]["contact"]["properties"]["role"].update(nullable=True),
    )
    assert made_nullable.verdict == "holds"
    required, _ = evaluate([{"kind": "nullability", "schema": "contact", "property": "id", "required": False}])
    assert required.verdict == "contradicted" and "required is true" in required.reason
    optional, _ = evaluate(
        [{"kind": "nullability", "schema": "contact", "property": "role", "required": False, "nullable": False}]
    )
    assert optional.verdict == "not-new"


def test_default_value_needs_a_declared_default() -> None:
    silent, _ = evaluate([{"kind": "default-value", "schema": "contact", "property": "role", "default": "user"}])
    assert silent.verdict == "unverifiable" and "declares no default" in silent.reason
    declared = contact_property("role", {"type": "string", "default": "lead"})
    assert (
        evaluate([{"kind": "default-value", "schema": "contact", "property": "role", "default": "lead"}], declared)[
            0
        ].verdict
        == "holds"
    )
    assert (
        evaluate([{"kind": "default-value", "schema": "contact", "property": "role", "default": "user"}], declared)[
            0
        ].verdict
        == "contradicted"
    )


def test_response_status() -> None:
    assert evaluate([{"kind": "response-status", "operation": "ShowContact", "status": "404"}])[0].verdict == "not-new"
    missing, _ = evaluate([{"kind": "response-status", "operation": "ShowContact", "status": "500"}])
    assert missing.verdict == "contradicted" and "documents 200, 404, not 500" in missing.reason
    wrong_schema, _ = evaluate(
        [{"kind": "response-status", "operation": "ShowContact", "status": "404", "schema": "contact"}]
    )
    assert wrong_schema.verdict == "partial"


@pytest.mark.parametrize(
    ("sample", "verdict", "reason"),
    [
        ('{\n"id": "1",\n"role": "user"\n}', "not-new", "conforms"),
        ('{\n"role": "user"\n}', "partial", "/id: required property missing"),
        ('{\n"id": 1\n}', "contradicted", "/id: int 1 where the schema says string"),
        ('{\n"id": "1",\n"role": "admin"\n}', "contradicted", "/role:"),
        ('{\n"id": "1",\n"colour": "red"\n}', "contradicted", "/colour: property not declared"),
        ('{\n"id": "1",\n"name": null\n}', "not-new", "conforms"),
        ('{\n"id": null\n}', "contradicted", "/id: null where the schema does not allow null"),
    ],
)
def test_example_samples_are_held_to_the_schema(sample: str, verdict: str, reason: str) -> None:
    text = f"Here it is:\n{sample}\n"
    result, diagnostics = evaluate([{"kind": "example-validates", "schema": "contact"}], text=text, quote='"')
    assert not diagnostics.has_errors()
    assert (result.verdict, reason in result.reason) == (verdict, True), result.reason


def test_example_quote_must_lie_in_a_code_sample() -> None:
    result, diagnostics = evaluate([{"kind": "example-validates", "schema": "contact"}])
    assert result.verdict == "unverifiable" and result.problem
    assert any("inside a code sample" in d.message for d in diagnostics)


def test_curl_samples_are_checked_against_the_request_body() -> None:
    text = 'Try:\ncurl -i -X POST \\\n https://api.intercom.io/contacts \\\n -d \'{\n"email": "a@b.c"\n}\'\n'
    result, _ = evaluate(
        [{"kind": "example-validates", "operation": "createContact"}], text=text, quote="curl -i -X POST"
    )
    assert result.verdict == "not-new"
    result, _ = evaluate(
        [{"kind": "example-validates", "operation": "createContact"}],
        lambda spec: spec["paths"]["/contacts"]["post"]["requestBody"]["content"]["application/json"].update(
            schema={"type": "object", "properties": {"mail": {"type": "string"}}}
        ),
        text=text,
        quote="curl -i -X POST",
    )
    assert result.verdict == "contradicted"


def _request_example(value: dict[str, Any]) -> Change:
    def change(spec: dict[str, Any]) -> None:
        media = spec["paths"]["/contacts"]["post"]["requestBody"]["content"]["application/json"]
        media["examples"] = {"with_email": {"summary": "s", "value": value}}

    return change


def test_request_examples() -> None:
    ok, _ = evaluate(
        [{"kind": "request-example", "operation": "createContact", "example": "with_email"}],
        _request_example({"email": "a"}),
    )
    assert ok.verdict == "doc-only"  # an example documents; no generated client shows it
    off, _ = evaluate(
        [{"kind": "request-example", "operation": "createContact", "example": "with_email"}],
        _request_example({"email": 3}),
    )
    assert off.verdict == "partial" and "/email" in off.reason
    absent, _ = evaluate([{"kind": "request-example", "operation": "createContact", "example": "with_email"}])
    assert absent.verdict == "contradicted"


def test_version_header_searchable_field_and_documented() -> None:
    header = evaluate(
        [{"kind": "version-header", "value": "Unstable"}],
        lambda spec: spec["components"]["schemas"]["intercom_version"]["enum"].append("Unstable"),
    )[0]
    assert header.verdict == "holds"
    assert evaluate([{"kind": "version-header", "value": "9.9"}])[0].verdict == "not-new"

    def describe(spec: dict[str, Any]) -> None:
        spec["paths"]["/contacts/{id}"]["get"]["description"] = (
            "Fields:\n| name | type |\n|---|---|\n| phone | String |"
        )
        spec["components"]["schemas"]["contact"]["properties"]["role"]["description"] = "The  role,\nuser or lead."

    searchable = evaluate([{"kind": "searchable-field", "operation": "ShowContact", "field": "phone"}], describe)[0]
    assert searchable.verdict == "doc-only"
    documented = evaluate(
        [{"kind": "documented", "schema": "contact", "property": "role", "text": "the role, user"}], describe
    )[0]
    assert documented.verdict == "doc-only" and "documentation only" in documented.reason
    assert (
        evaluate([{"kind": "documented", "tag": "Contacts", "text": "everything about contacts"}])[0].verdict
        == "not-new"
    )
    assert evaluate([{"kind": "documented", "tag": "Contacts", "text": "about companies"}])[0].verdict == "contradicted"


def test_schema_added_and_backports_over_named_versions() -> None:
    def add_schema(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["phone"] = {"type": "object"}

    assert evaluate([{"kind": "schema-added", "schema": "phone"}], add_schema)[0].verdict == "holds"
    both = evaluate([{"kind": "schema-added", "schema": "error"}], versions=("1.0", "1.1"))[0]
    assert both.verdict == "holds" and "true in each of 1.0, 1.1" in both.reason
    only_new = evaluate([{"kind": "schema-added", "schema": "phone"}], add_schema, versions=("1.0", "1.1"))[0]
    assert only_new.verdict == "partial" and "no schema phone in 1.0" in only_new.reason


def test_items_with_different_verdicts_make_a_partial_claim() -> None:
    result, _ = evaluate(
        [
            {"kind": "property-added", "schema": "contact", "property": "phone"},
            {"kind": "property-added", "schema": "contact", "property": "name"},
        ],
        contact_property("phone", {"type": "string"}),
    )
    assert result.verdict == "partial"
    assert "contact.name is not-new" in result.reason
    assert [i.verdict for i in result.items] == ["holds", "not-new"]


def test_doc_only_and_unverifiable_keep_their_reason() -> None:
    result, _ = evaluate([{"kind": "doc-only", "reason": "Advice."}])
    assert (result.verdict, result.reason) == ("doc-only", "Advice.")


@pytest.mark.parametrize(
    ("assertion", "message"),
    [
        ({"kind": "property-added", "schema": "contakt", "property": "x"}, "unknown schema 'contakt'"),
        ({"kind": "operation-added", "operation": "showContakt"}, "unknown operation 'showContakt'"),
        ({"kind": "documented", "tag": "Nope", "text": "x"}, "unknown tag 'Nope'"),
    ],
)
def test_unknown_names_give_a_located_diagnostic_not_a_crash(assertion: dict[str, Any], message: str) -> None:
    result, diagnostics = evaluate([assertion])
    assert result.verdict == "unverifiable" and message in result.problem
    [error] = [d for d in diagnostics if message in d.message]
    assert (error.source, error.pointer, error.code) == ("tiny.claims.yaml", "/claims/0", "claims-invalid")


def test_versions_outside_the_registry_are_reported() -> None:
    base, target = tiny_pair()
    diagnostics = Diagnostics()
    versions: dict[str, Version] = {"1.0": base, "1.1": target}
    claim = Claim(
        "c",
        "The claim.",
        (make("schema-added", {"schema": "error"}, ""),),
        "holds",
        "/claims/0",
        versions=("0.9",),
    )
    claims_file = ClaimsFile("tiny.claims.yaml", "1.0", "1.1", (claim,), ())
    result = Evaluator(versions, diagnostics).claim(claim, parse_changelog("t", TEXT), claims_file)
    assert result.verdict == "unverifiable"
    assert any("unknown version '0.9'" in d.message for d in diagnostics)
