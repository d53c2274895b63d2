"""Small, local rewrites of one schema node for the model document (no naming, no recursion)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CONSTRAINT_ONLY = frozenset({"required", "title", "description"})
DROPPED_KEYS = frozenset({"example", "examples", "externalDocs", "xml"})
_LOOSE_FORMATS = {
    "integer": frozenset({"date-time", "timestamp", "int64", "int32"}),
    "string": frozenset({"uri", "url", "email", "uuid", "hostname", "ipv4", "ipv6", "uri-reference"}),
}


def with_note(schema: dict[str, Any], note: str) -> None:
    description = schema.get("description")
    schema["description"] = f"{description}\n\n{note}" if description else note


def is_constraint_only(member: Any) -> bool:
    return isinstance(member, Mapping) and set(member) <= CONSTRAINT_ONLY


def drop_constraint_only(schema: dict[str, Any]) -> None:
    """A union of members that only say which properties are required is a rule, not a type:
    drop it and describe the rule. (Mixed with real members, such a member is a variant.)"""
    for keyword in ("anyOf", "oneOf"):
        constraints = schema.get(keyword)
        if not isinstance(constraints, list) or not constraints or not all(map(is_constraint_only, constraints)):
            continue
        del schema[keyword]
        options = [" + ".join(f"`{r}`" for r in m.get("required") or []) or "(nothing)" for m in constraints]
        with_note(schema, "Requires one of: " + " | ".join(options) + ".")


def loosen_format(schema: dict[str, Any]) -> None:
    fmt = schema.get("format")
    if isinstance(fmt, str) and fmt in _LOOSE_FORMATS.get(str(schema.get("type")), frozenset()):
        del schema["format"]


def open_enum(schema: dict[str, Any]) -> dict[str, Any]:
    """``enum: [a, b]`` -> ``anyOf: [{enum: [a, b]}, {type}]``: known values typed, others accepted."""
    values = [v for v in schema["enum"] if v is not None]
    base = schema.get("type", "string")
    if base not in ("string", "integer", "number") or not values:
        return {k: v for k, v in schema.items() if k != "enum"}
    outer = {k: v for k, v in schema.items() if k not in ("enum", "type", "default")}
    outer["anyOf"] = [{"type": base, "enum": values}, {"type": base}]
    if "default" in schema:
        outer["default"] = schema["default"]
    return outer


def nullable_ref(ref: str, description: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"anyOf": [{"$ref": ref}], "nullable": True}
    if description:
        out["description"] = description
    return out
