"""Shape checks of every schema before it reaches the model generator.

A spec that was cut off or edited by hand can hold ``properties: {name: }`` (nothing where a
schema belongs), a ``required`` that is not a list, or an ``allOf`` that is a mapping. The model
generator fails on these with its own, unlocated message; here each becomes an error with the
JSON pointer of the place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..core.diagnostics import Diagnostics
from .refs import join

_SUBSCHEMA = ("items", "not")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_SCHEMA_MAPS = ("properties", "patternProperties")
_KINDS = {type(None): "nothing", str: "a string", list: "a list", int: "a number", float: "a number", bool: "a boolean"}


def _kind(value: Any) -> str:
    return _KINDS.get(type(value), f"a {type(value).__name__}")


def _problems(schema: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """(pointer, problem) for ``schema`` and every schema inside it, walked without recursion."""
    stack = [(schema, pointer)]
    while stack:
        node, where = stack.pop()
        if not isinstance(node, Mapping):
            yield where, f"a schema must be a mapping, found {_kind(node)}"
            continue
        if "$ref" in node:
            continue  # refs are checked in refs.py
        for key in _SUBSCHEMA:
            if key in node:
                stack.append((node[key], join(where, key)))
        extra = node.get("additionalProperties")
        if extra is not None and not isinstance(extra, bool):
            stack.append((extra, join(where, "additionalProperties")))
        for key in _SCHEMA_MAPS:
            if key not in node:
                continue
            if not isinstance(node[key], Mapping):
                yield join(where, key), f"'{key}' must be a mapping of names to schemas, found {_kind(node[key])}"
                continue
            stack.extend((sub, join(where, key, name)) for name, sub in node[key].items())
        for key in _SCHEMA_LISTS:
            if key not in node:
                continue
            if not isinstance(node[key], list):
                yield join(where, key), f"'{key}' must be a list of schemas, found {_kind(node[key])}"
                continue
            stack.extend((sub, join(where, key, index)) for index, sub in enumerate(node[key]))
        yield from _keyword_problems(node, where)


def _keyword_problems(node: Mapping[str, Any], where: str) -> Iterator[tuple[str, str]]:
    required = node.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        yield join(where, "required"), f"'required' must be a list of property names, found {_kind(required)}"
    kind = node.get("type", "object")
    if not isinstance(kind, str) and not (isinstance(kind, list) and all(isinstance(k, str) for k in kind)):
        yield join(where, "type"), f"'type' must be a type name, found {_kind(kind)}"
    if "enum" in node and not isinstance(node["enum"], list):
        yield join(where, "enum"), f"'enum' must be a list of values, found {_kind(node['enum'])}"


def _operation_schemas(paths: Mapping[str, Any]) -> Iterator[tuple[Any, str]]:
    """Every ``schema`` of a parameter, request body or response written inline in ``paths``."""
    stack: list[tuple[Any, str]] = [(paths, "/paths")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key == "schema":
                    yield value, join(where, key)
                elif key not in ("example", "examples"):
                    stack.append((value, join(where, key)))
        elif isinstance(node, list):
            stack.extend((value, join(where, index)) for index, value in enumerate(node))


def check_schemas(spec: Mapping[str, Any], source: str, diagnostics: Diagnostics) -> bool:
    """Report schemas of the wrong shape; return True when there were none."""
    roots = [
        (schema, join("", "components", "schemas", name)) for name, schema in spec["components"]["schemas"].items()
    ]
    roots += list(_operation_schemas(spec["paths"]))
    found = False
    for schema, pointer in roots:
        for where, problem in _problems(schema, pointer):
            diagnostics.error(source, where, problem, code="bad-schema")
            found = True
    return not found
