"""How request schemas become the annotations of keyword arguments and TypedDicts."""

from __future__ import annotations

from typing import Any

from generator.render.inputs import InputTypes, typed_dict_view

_SCHEMAS: dict[str, Any] = {
    "Filter": {"type": "object", "properties": {"field": {"type": "string"}, "value": {"type": "integer"}}},
    "Group": {
        "type": "object",
        "required": ["value"],
        "properties": {
            "operator": {"anyOf": [{"type": "string", "enum": ["AND", "OR"]}, {"type": "string"}]},
            "value": {
                "oneOf": [
                    {"type": "array", "items": {"$ref": "#/components/schemas/Group"}},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Filter"}},
                ]
            },
        },
    },
    "Odd": {"type": "object", "properties": {"from": {"type": "string", "nullable": True}, "pt-BR": {}}},
    "Kind": {"type": "string", "enum": ["a", "b"]},
}
_TYPES = InputTypes(_SCHEMAS, frozenset({"Filter", "Group", "Odd"}))


def test_a_class_is_its_typeddict_and_at_the_top_level_also_its_model() -> None:
    ref = {"$ref": "#/components/schemas/Filter"}
    assert _TYPES.annotation(ref) == "FilterParam"
    assert _TYPES.annotation(ref, params="params.", models="models.") == "params.FilterParam | models.Filter"


def test_primitives_enums_maps_and_nullable() -> None:
    assert _TYPES.annotation({"type": "integer", "nullable": True}) == "int | None"
    assert _TYPES.annotation({"$ref": "#/components/schemas/Kind"}) == "Literal['a', 'b']"
    assert _TYPES.annotation({"type": "object", "additionalProperties": {"type": "number"}}) == "Mapping[str, float]"
    assert _TYPES.annotation({}) == "Any"


def test_a_union_of_lists_is_a_list_of_the_union() -> None:
    assert _TYPES.annotation(_SCHEMAS["Group"]["properties"]["value"]) == "Sequence[GroupParam | FilterParam]"


def test_inside_a_typeddict_a_nested_object_is_its_typeddict_or_its_model() -> None:
    group = typed_dict_view(_TYPES, "Group", '"""doc"""')
    assert group.keys[1] == ("value", "Required[Sequence[GroupParam | models.Group | FilterParam | models.Filter]]")


def test_required_keys_are_marked_and_odd_keys_use_the_functional_syntax() -> None:
    group = typed_dict_view(_TYPES, "Group", '"""doc"""')
    assert [(wire, annotation.startswith("Required[")) for wire, annotation in group.keys] == [
        ("operator", False),
        ("value", True),
    ]
    assert not group.functional
    odd = typed_dict_view(_TYPES, "Odd", '"""doc"""')
    assert odd.functional
    assert odd.functional_keys == "'from': 'str | None', 'pt-BR': 'Any'"
