"""Samples: taking payloads out of code and the conformance check."""

from __future__ import annotations

from typing import Any

import pytest

from generator.contract.samples import conformance, payload_of

SCHEMAS: dict[str, Any] = {
    "base": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
    "a": {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]},
    "b": {"type": "object", "properties": {"b": {"type": "boolean"}}, "required": ["b"]},
    "free": {"type": "object", "additionalProperties": {"type": "string"}},
}


def _problems(value: Any, schema: dict[str, Any]) -> list[str]:
    return [p.render() for p in conformance(SCHEMAS, value, schema, "")]


def test_payload_of_curl_json_and_fenced_samples() -> None:
    assert payload_of("curl -X POST \\ https://x \\ -d '{ \"a\": [1, 2] }'") == {"a": [1, 2]}
    assert payload_of('{ "a": null }') == {"a": None}
    assert payload_of("```curl curl -X POST 'u' -d '{\"b\": true}' ```") == {"b": True}
    with pytest.raises(ValueError, match="no -d payload"):
        payload_of("curl -X DELETE 'https://x'")
    with pytest.raises(ValueError, match="not JSON"):
        payload_of("Intercom('update');")


def test_all_of_members_and_own_properties_are_one_object() -> None:
    schema = {"allOf": [{"$ref": "#/components/schemas/base"}], "properties": {"flag": {"type": "boolean"}}}
    assert _problems({"id": "1", "flag": True}, schema) == []
    assert _problems({"flag": "yes"}, schema) == [
        "/id: required property missing",
        '/flag: str "yes" where the schema says boolean',
    ]
    assert _problems({"id": "1", "other": 1}, schema) == ["/other: property not declared by the schema"]


def test_union_variants_pick_the_closest_and_keep_sibling_properties() -> None:
    schema = {
        "oneOf": [{"$ref": "#/components/schemas/a"}, {"$ref": "#/components/schemas/b"}],
        "properties": {"flag": {"type": "boolean"}},
    }
    assert _problems({"b": True, "flag": False}, schema) == []
    assert _problems({"a": 1, "b": True}, schema)[0].startswith(
        "/: no variant fits; the closest: /b: property not declared"
    )
    assert _problems({"c": 1}, schema)[0].startswith("/: no variant fits")


def test_additional_properties_items_enum_and_nullable() -> None:
    assert _problems({"x": "1", "y": 2}, {"$ref": "#/components/schemas/free"}) == [
        "/y: int 2 where the schema says string"
    ]
    assert _problems([1, "2"], {"type": "array", "items": {"type": "integer"}}) == [
        '/1: str "2" where the schema says integer'
    ]
    assert _problems("c", {"type": "string", "enum": ["a", "b"]}) == ["/: \"c\" is not one of ['a', 'b']"]
    assert _problems(None, {"type": "string", "nullable": True}) == []
    assert _problems(True, {"type": "integer"}) == ["/: bool true where the schema says integer"]
    assert _problems(2.0, {"type": "integer"}) == []
