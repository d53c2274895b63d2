"""Spec inconsistencies the generator works around, each with a diagnostic.

They were found by calling every operation against a mock server built from the spec (tests/prism):
a path placeholder declared as a query parameter, an operation that declares its own spelling of
the version header, and a ``oneOf`` whose second alternative allows anything.
"""

from __future__ import annotations

from typing import Any

from generator.core.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.ir.modeldoc import build_model_document
from generator.render.views import operation_view
from tests.conftest import tiny_spec


def _export_spec(parameters: list[dict[str, Any]]) -> dict[str, Any]:
    spec = tiny_spec()
    spec["paths"]["/export/{job_identifier}"] = {
        "get": {
            "operationId": "getExportJob",
            "tags": ["Contacts"],
            "parameters": parameters,
            "responses": {"200": {"description": "ok"}},
        }
    }
    return spec


def test_a_placeholder_declared_in_the_query_fills_the_path_too() -> None:
    diagnostics = Diagnostics()
    param = {"name": "job_identifier", "in": "query", "required": True, "schema": {"type": "string"}}
    api = build_api(_export_spec([param]), "tiny.yaml", diagnostics)
    op = api.operation("get", "/export/{job_identifier}")
    (job,) = op.parameters
    assert (job.location, job.fills_path) == ("query", True)
    assert op.path_arguments == (job,)
    view = operation_view(op)
    assert "path_params={'job_identifier': job_identifier}" in view.request_args
    assert "query={'job_identifier': job_identifier}" in view.request_args
    (warning,) = [d for d in diagnostics if d.code == "path-mismatch"]
    assert warning.pointer == "/paths/~1export~1{job_identifier}/get/parameters/0"
    assert "declared 'in: query'" in warning.message


def test_an_undeclared_placeholder_becomes_a_required_string() -> None:
    diagnostics = Diagnostics()
    api = build_api(_export_spec([]), "tiny.yaml", diagnostics)
    op = api.operation("get", "/export/{job_identifier}")
    (job,) = op.parameters
    assert (job.name, job.location, job.required, job.annotation) == ("job_identifier", "path", True, "str")
    assert "self, job_identifier: str, *" in operation_view(op).signature
    assert any(d.code == "path-mismatch" and "not declared" in d.message for d in diagnostics)


def test_declared_placeholders_need_no_repair(spec: dict[str, Any]) -> None:
    diagnostics = Diagnostics()
    api = build_api(spec, "tiny.yaml", diagnostics)
    assert not any(p.fills_path for op in api.operations for p in op.parameters)
    assert not [d for d in diagnostics if d.code == "path-mismatch"]


def test_an_operation_with_its_own_version_spelling_sends_it(spec: dict[str, Any]) -> None:
    spec["info"]["version"] = "Unstable"
    spec["components"]["schemas"]["intercom_version"] = {"type": "string", "enum": ["2.0", "Unstable"]}
    spec["components"]["schemas"]["intercom_version_unstable"] = {"type": "string", "enum": ["unstable"]}
    create = spec["paths"]["/contacts"]["post"]
    own_version = {"$ref": "#/components/schemas/intercom_version_unstable"}
    create["parameters"] = [{"name": "Intercom-Version", "in": "header", "required": True, "schema": own_version}]
    diagnostics = Diagnostics()
    api = build_api(spec, "tiny.yaml", diagnostics)
    assert api.operation("post", "/contacts").version_header == "unstable"
    assert api.operation("get", "/contacts/{id}").version_header is None
    assert "headers={'Intercom-Version': 'unstable'}" in operation_view(api.operation("post", "/contacts")).request_args
    assert [d.code for d in diagnostics if d.code == "version-spelling"] == ["version-spelling"]


def test_a_version_enum_without_the_clients_version_in_any_spelling_changes_nothing(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["intercom_version"] = {"type": "string", "enum": ["1.0"]}
    api = build_api(spec, "tiny.yaml", Diagnostics())
    assert all(op.version_header is None for op in api.operations)


def test_a_union_with_an_alternative_that_allows_anything_gives_a_variant_without_it() -> None:
    schema = {
        "type": "object",
        "properties": {"archived": {"type": "boolean"}},
        "oneOf": [
            {
                "title": "list attribute",
                "properties": {"options": {"type": "array", "items": {"type": "string"}}},
                "required": ["options"],
            },
            {"title": "other type"},
        ],
    }
    document, members, _ = build_model_document("t", "1", {"update": schema}, {"update": "Update"}, hoisted={})
    schemas = document["components"]["schemas"]
    assert schemas["Update"]["oneOf"] == [
        {"$ref": "#/components/schemas/UpdateListAttribute"},
        {"$ref": "#/components/schemas/UpdateOtherType"},
    ]
    with_options, without = schemas["UpdateListAttribute"]["allOf"], schemas["UpdateOtherType"]["allOf"]
    assert with_options[0]["required"] == ["options"] and "archived" in with_options[1]["properties"]
    assert without[0] == {"title": "other type"} and "archived" in without[1]["properties"]
    assert set(members) == {"UpdateListAttribute", "UpdateOtherType"}


def test_a_union_of_required_alternatives_keeps_its_members() -> None:
    schema = {
        "type": "object",
        "oneOf": [
            {"title": "by id", "properties": {"id": {"type": "string"}}, "required": ["id"]},
            {"title": "by email", "properties": {"email": {"type": "string"}}, "required": ["email"]},
        ],
    }
    document, members, _ = build_model_document("t", "1", {"find": schema}, {"find": "Find"}, hoisted={})
    assert len(document["components"]["schemas"]["Find"]["oneOf"]) == 2
    assert set(members) == {"FindById", "FindByEmail"}
