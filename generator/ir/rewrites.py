"""Small, local rewrites of one schema node for the model document (no naming, no recursion)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .schema import bare_ref

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


def nullable_ref(reference: Mapping[str, Any], description: Any = None) -> dict[str, Any]:
    """A reference that also allows ``null`` (``anyOf`` the reference, ``nullable``)."""
    out: dict[str, Any] = {"anyOf": [bare_ref(reference)], "nullable": True}
    if description:
        out["description"] = description
    return out


_COUNTS = ("maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties")
_BOUNDS = ("minimum", "maximum")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _bad_pattern(pattern: Any) -> str | None:
    if not isinstance(pattern, str):
        return "is not a string"
    from pydantic_core import SchemaError, SchemaValidator

    try:  # compiled the way the generated model will compile it
        SchemaValidator({"type": "str", "pattern": pattern})
    except SchemaError:
        return "is not a regular expression pydantic can use"
    return None


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def invalid_constraints(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """Drop each constraint the generated model could not build (pydantic raises at import);
    return (keyword, what was wrong) for each."""
    problems: list[tuple[str, str]] = []
    for key in _COUNTS:
        if key in schema and not _count(schema[key]):
            problems.append((key, f"{key} {schema.pop(key)!r} is not a whole number of at least 0"))
    if "multipleOf" in schema and not (_number(schema["multipleOf"]) and schema["multipleOf"] > 0):
        problems.append(("multipleOf", f"multipleOf {schema.pop('multipleOf')!r} is not a number greater than 0"))
    for key in _BOUNDS:
        if key in schema and not _number(schema[key]):
            problems.append((key, f"{key} {schema.pop(key)!r} is not a number"))
    if "pattern" in schema:
        reason = _bad_pattern(schema["pattern"])
        if reason is not None:
            problems.append(("pattern", f"pattern {schema.pop('pattern')!r} {reason}"))
    return problems
