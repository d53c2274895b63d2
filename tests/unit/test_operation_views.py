"""What the operation views print for the Accept header and for paginated item types."""

from __future__ import annotations

from typing import Any

from generator.core.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.render.views import operation_view


def test_a_text_answer_asks_for_text_first_and_json_errors_after(spec: dict[str, Any]) -> None:
    show = spec["paths"]["/contacts/{id}"]["get"]
    show["responses"]["200"]["content"] = {"text/plain": {"schema": {"type": "string"}}}
    api = build_api(spec, "tiny.yaml", Diagnostics())
    view = operation_view(api.operation("get", "/contacts/{id}"))
    assert "headers={'Accept': 'text/plain, application/json;q=0.9'}" in view.request_args
    assert view.returns == "str"


def test_a_json_answer_leaves_the_accept_header_to_the_runtime(spec: dict[str, Any]) -> None:
    api = build_api(spec, "tiny.yaml", Diagnostics())
    assert "Accept" not in operation_view(api.operation("get", "/contacts/{id}")).request_args


def test_items_that_are_a_union_of_models_are_typed_as_that_union(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    schemas["note"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    schemas["cursor"] = {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/next_page"}}}
    schemas["next_page"] = {"type": "object", "properties": {"starting_after": {"type": "string"}}}
    schemas["mixed_list"] = {
        "type": "object",
        "properties": {
            "pages": {"$ref": "#/components/schemas/cursor"},
            "data": {
                "type": "array",
                "items": {"anyOf": [{"$ref": "#/components/schemas/contact"}, {"$ref": "#/components/schemas/note"}]},
            },
        },
    }
    spec["paths"]["/things"] = {
        "get": {
            "operationId": "listThings",
            "tags": ["Contacts"],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/mixed_list"}}},
                }
            },
        }
    }
    api = build_api(spec, "tiny.yaml", Diagnostics())
    op = api.operation("get", "/things")
    assert op.pagination is not None
    assert op.pagination.item_annotation == "_models.Contact | _models.Note"
    view = operation_view(op)
    assert "item_type=cast(Any, models.Contact | models.Note)" in view.paginate_args
    assert view.page_returns == "models.MixedList, models.Contact | models.Note"
