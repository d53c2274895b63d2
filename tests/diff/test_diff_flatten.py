"""Schema property resolution: paths, compositions, declaring schemas and recursion."""

from __future__ import annotations

from typing import Any

from generator.diff.flatten import Flattener, describe, enum_of, nullable

REF = "#/components/schemas/"


def ref(key: str) -> dict[str, str]:
    return {"$ref": REF + key}


SCHEMAS: dict[str, Any] = {
    "contact": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "location": {"type": "object", "properties": {"city": {"type": "string", "nullable": True}}},
            "tags": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}},
            "company": ref("company"),
        },
    },
    "company": {"type": "object", "properties": {"name": {"type": "string"}}},
    "close_request": {
        "type": "object",
        "required": ["message_type", "admin_id"],
        "properties": {"message_type": {"type": "string", "enum": ["close"]}, "admin_id": {"type": "string"}},
    },
    "snooze_request": {
        "type": "object",
        "required": ["message_type", "snoozed_until"],
        "properties": {"message_type": {"type": "string", "enum": ["snooze"]}, "snoozed_until": {"type": "integer"}},
    },
    "node": {"type": "object", "properties": {"children": {"type": "array", "items": ref("node")}}},
    "loop": {"allOf": [ref("loop")], "properties": {"x": {"type": "string"}}},
}


def test_nested_objects_and_array_items_get_dotted_paths() -> None:
    view = Flattener(SCHEMAS).component("contact")
    assert set(view.properties) == {"id", "location", "location.city", "tags", "tags[].name", "company"}
    assert view.properties["location.city"].nullable
    assert view.properties["id"].required and not view.properties["location"].required


def test_array_items_inside_a_composition_are_descended() -> None:
    schema = {
        "properties": {
            "tags": {
                "oneOf": [{"type": "array", "items": {"properties": {"name": {"type": "string"}}}}, {"type": "string"}]
            }
        }
    }
    view = Flattener({}).view(schema, "")
    assert set(view.properties) == {"tags", "tags[].name"}
    assert view.properties["tags"].type == "oneOf(array<object>, string)"


def test_a_property_pointing_at_a_component_is_a_leaf_named_after_it() -> None:
    view = Flattener(SCHEMAS).component("contact")
    assert view.properties["company"].type == "company"
    assert "company.name" not in view.properties


def test_one_of_alternatives_merge_and_required_needs_every_alternative() -> None:
    body = {"oneOf": [ref("close_request"), ref("snooze_request")], "properties": {"skip": {"type": "boolean"}}}
    view = Flattener(SCHEMAS).view(body, "")
    props = view.properties
    assert set(props) == {"message_type", "admin_id", "snoozed_until", "skip"}
    assert props["message_type"].required and not props["admin_id"].required
    assert props["message_type"].enum == ("close", "snooze")
    assert props["message_type"].sources == {"close_request", "snooze_request"}
    assert props["skip"].sources == {""}
    assert view.owners == {"close_request", "snooze_request"}


def test_required_beside_all_of_credits_the_composing_schema() -> None:
    body = {"allOf": [ref("company")], "required": ["name"]}
    prop = Flattener(SCHEMAS).view(body, "").properties["name"]
    assert prop.required
    assert prop.sources == {"company", ""}


def test_recursive_schemas_terminate() -> None:
    flattener = Flattener(SCHEMAS)
    assert set(flattener.component("node").properties) == {"children"}
    assert set(flattener.component("loop").properties) == {"x"}


def test_an_inline_schema_containing_itself_terminates() -> None:
    cyclic: dict[str, Any] = {"type": "object", "properties": {}}
    cyclic["properties"]["left"] = cyclic  # YAML aliases can build this
    cyclic["properties"]["right"] = {"oneOf": [cyclic, {"type": "array", "items": cyclic}]}
    view = Flattener({"cyclic": cyclic}).component("cyclic")
    assert set(view.properties) == {"left", "right", "right.left", "right.right"}
    assert describe(cyclic["properties"]["right"]) == "oneOf(array<object>, object)"


def test_a_null_alternative_does_not_make_properties_optional() -> None:
    body = {"oneOf": [ref("company"), {"type": "null"}], "required": []}
    schemas = {"company": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}
    assert Flattener(schemas).view(body, "").properties["name"].required


def test_describe_spells_types_stably() -> None:
    assert describe(ref("contact")) == "contact"
    assert describe({"type": "array", "items": ref("tag")}) == "array<tag>"
    assert describe({"oneOf": [{"type": "string"}, {"type": "integer"}]}) == "oneOf(integer, string)"
    assert describe({"allOf": [ref("contact")], "nullable": True}) == "contact"
    assert describe({"allOf": [ref("contact")], "properties": {"a": {}}}) == "allOf(contact, object)"
    assert describe({"type": ["string", "null"]}) == "string"
    assert describe({"enum": ["a", "b"]}) == "string"
    assert describe({}) == "any"


def test_nullable_and_enum_in_their_openapi_spellings() -> None:
    assert nullable({"type": "string", "nullable": True})
    assert nullable({"type": ["string", "null"]})
    assert nullable({"oneOf": [ref("a"), {"type": "null"}]})
    assert not nullable({"type": "string"})
    assert enum_of({"type": "string", "enum": ["b", "a", None]}) == ("a", "b")
    assert enum_of({"type": "array", "items": {"enum": [2, 1]}}) == ("1", "2")
    assert enum_of({"type": "string"}) is None
