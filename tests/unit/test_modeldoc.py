from __future__ import annotations

from generator.ir.modeldoc import build_model_document
from generator.ir.shapes import member_name


def _doc(schemas: dict, hoisted: dict | None = None):  # type: ignore[type-arg]
    names = {k: "".join(w.title() for w in k.split("_")) for k in schemas}
    return build_model_document("t", "1", schemas, names, hoisted=hoisted or {})


def test_component_keys_become_class_names_and_refs_follow() -> None:
    document, _, _ = _doc(
        {"contact_list": {"properties": {"data": {"items": {"$ref": "#/components/schemas/contact"}}}}, "contact": {}}
    )
    schemas = document["components"]["schemas"]
    assert set(schemas) == {"ContactList", "Contact"}
    assert schemas["ContactList"]["properties"]["data"]["items"] == {"$ref": "#/components/schemas/Contact"}


def test_string_enums_are_opened() -> None:
    document, _, _ = _doc(
        {"a": {"properties": {"state": {"type": "string", "enum": ["open", "closed"], "nullable": True}}}}
    )
    state = document["components"]["schemas"]["A"]["properties"]["state"]
    assert state["anyOf"] == [{"type": "string", "enum": ["open", "closed"]}, {"type": "string"}]
    assert state["nullable"] is True


def test_constraint_only_members_are_dropped_and_described() -> None:
    schema = {
        "properties": {"id": {}, "email": {}},
        "anyOf": [{"required": ["id"]}, {"required": ["email"], "title": "by email"}],
    }
    document, _, _ = _doc({"a": schema})
    out = document["components"]["schemas"]["A"]
    assert "anyOf" not in out
    assert "Requires one of: `id` | `email`." in out["description"]


def test_wire_formats_that_would_mistype_are_loosened() -> None:
    document, _, _ = _doc(
        {
            "a": {
                "properties": {
                    "at": {"type": "integer", "format": "date-time"},
                    "url": {"type": "string", "format": "uri"},
                }
            }
        }
    )
    props = document["components"]["schemas"]["A"]["properties"]
    assert props == {"at": {"type": "integer"}, "url": {"type": "string"}}


def test_examples_and_extensions_are_dropped() -> None:
    document, _, _ = _doc(
        {"a": {"example": {"x": 1}, "x-tags": ["T"], "properties": {"b": {"type": "string", "example": "hi"}}}}
    )
    assert document["components"]["schemas"]["A"] == {"properties": {"b": {"type": "string"}}}


def test_inline_union_members_are_hoisted_with_spec_names() -> None:
    schema = {
        "oneOf": [
            {"title": "User ID", "properties": {"user_id": {"type": "string"}}, "required": ["user_id"]},
            {"properties": {"email": {"type": "string"}}, "required": ["email"]},
        ]
    }
    document, origins, collisions = _doc({"customer_request": schema})
    schemas = document["components"]["schemas"]
    assert schemas["CustomerRequest"]["oneOf"] == [
        {"$ref": "#/components/schemas/CustomerRequestUserId"},
        {"$ref": "#/components/schemas/CustomerRequestWithEmail"},
    ]
    assert origins["CustomerRequestUserId"] == "/components/schemas/customer_request/oneOf/0"
    assert collisions == []


def test_member_name_prefers_a_required_property_no_sibling_requires() -> None:
    a = {"properties": {"w": {}, "x": {}}, "required": ["w", "x"]}
    b = {"properties": {"w": {}, "y": {}}, "required": ["w", "y"]}
    assert member_name("Base", a, [a, b]) == "BaseWithX"
    assert member_name("Base", b, [a, b]) == "BaseWithY"


def test_hoisting_onto_a_taken_name_is_reported() -> None:
    schema = {"oneOf": [{"title": "Email", "properties": {"email": {}}}]}
    _, _, collisions = _doc({"customer": schema, "customer_email": {}})
    assert collisions == [("/components/schemas/customer/oneOf/0", "CustomerEmail")]
