from __future__ import annotations

from typing import Any

import pytest

from generator.core.diagnostics import Diagnostics, GeneratorError, Level
from generator.ir.build import build_api
from tests.conftest import tiny_spec


def _build(spec: dict[str, Any]) -> tuple[Any, Diagnostics]:
    diagnostics = Diagnostics()
    return build_api(spec, "tiny.yaml", diagnostics), diagnostics


def test_operations_resources_and_servers(spec: dict[str, Any]) -> None:
    api, diagnostics = _build(spec)
    assert [r.attribute for r in api.resources] == ["contacts"]
    ops = {op.py_name: op for op in api.operations}
    assert set(ops) == {"show_contact", "create_contact"}
    assert [(s.region, s.url) for s in api.servers] == [
        ("us", "https://api.intercom.io"),
        ("eu", "https://api.eu.intercom.io"),
    ]
    assert not diagnostics.has_errors()


def test_version_header_is_never_a_parameter(spec: dict[str, Any]) -> None:
    api, _ = _build(spec)
    show = api.operation("get", "/contacts/{id}")
    assert [p.name for p in show.parameters] == ["id", "include"]
    assert show.parameters[1].annotation == "Literal['a', 'b'] | str"
    assert show.result.annotation == "_models.Contact"


def test_inline_body_is_hoisted_under_the_operation_name(spec: dict[str, Any]) -> None:
    api, _ = _build(spec)
    create = api.operation("post", "/contacts")
    assert create.body is not None
    assert create.body.annotation == "_models.CreateContactRequestBody"
    assert "CreateContactRequestBody" in api.model_document["components"]["schemas"]
    model = next(m for m in api.models if m.class_name == "CreateContactRequestBody")
    assert model.origin == "/paths/~1contacts/post/requestBody/content/application~1json/schema"


def test_missing_operation_id_gets_a_route_name_and_a_warning(spec: dict[str, Any]) -> None:
    del spec["paths"]["/contacts"]["post"]["operationId"]
    api, diagnostics = _build(spec)
    assert "post_contacts" in {op.py_name for op in api.operations}
    (warning,) = diagnostics.at_least(Level.WARNING)
    assert warning.code == "missing-operation-id"
    assert warning.pointer == "/paths/~1contacts/post"


def test_aliases_cover_keywords(spec: dict[str, Any]) -> None:
    api, _ = _build(spec)
    assert api.field_aliases == {"from": ["from"]}


def test_schema_keys_colliding_as_class_names_are_errors() -> None:
    spec = tiny_spec()
    spec["components"]["schemas"]["Contact"] = {"type": "object"}
    with pytest.raises(GeneratorError) as info:
        _build(spec)
    assert any(d.code == "name-collision" and "contact" in d.message for d in info.value.diagnostics)


def test_duplicate_method_names_in_a_resource_are_errors(spec: dict[str, Any]) -> None:
    spec["paths"]["/contacts"]["post"]["operationId"] = "show_contact"
    with pytest.raises(GeneratorError) as info:
        _build(spec)
    assert any(d.code == "name-collision" for d in info.value.diagnostics)


def test_swagger_is_refused_with_a_clear_message() -> None:
    with pytest.raises(GeneratorError) as info:
        _build({"swagger": "2.0", "paths": {}})
    assert "Swagger 2.0" in info.value.diagnostics[0].message


def test_cursor_pagination_is_detected() -> None:
    spec = tiny_spec()
    schemas = spec["components"]["schemas"]
    schemas["contact_list"] = {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/contact"}},
            "pages": {"$ref": "#/components/schemas/cursor_pages"},
        },
    }
    schemas["cursor_pages"] = {
        "type": "object",
        "properties": {"next": {"$ref": "#/components/schemas/starting_after_paging"}},
    }
    schemas["starting_after_paging"] = {"type": "object", "properties": {"starting_after": {"type": "string"}}}
    spec["paths"]["/contacts"]["get"] = {
        "operationId": "ListContacts",
        "tags": ["Contacts"],
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/contact_list"}}},
            }
        },
    }
    api, _ = _build(spec)
    pagination = api.operation("get", "/contacts").pagination
    assert pagination is not None
    assert (pagination.cursor, pagination.items_field, pagination.item_annotation) == (
        "query",
        "data",
        "_models.Contact",
    )


def test_a_class_name_override_resolves_a_collision() -> None:
    spec = tiny_spec()
    spec["components"]["schemas"]["Contact"] = {"type": "object"}
    api = build_api(spec, "tiny.yaml", Diagnostics(), class_overrides={"Contact": "ContactSummary"})
    assert {"Contact", "ContactSummary"} <= {m.class_name for m in api.models}
