"""The document handed to datamodel-code-generator, normalised so every class gets a spec name.

The spec is not changed; this builds a separate, smaller document that holds only schemas:
- every component schema, keyed by the class name it becomes (so the generator cannot rename it),
  with every ``$ref`` rewritten to those keys;
- schemas of inline request and response bodies, hoisted under names the IR chose;
- string enums made open (``Literal[...] | str``): Intercom adds enum values without a new API
  version, and a client must not fail on them;
- ``anyOf``/``oneOf`` members that only state which properties are required are dropped (they
  say "send one of these"; typing cannot express it) and the rule is kept in the description;
- an ``anyOf``/``oneOf`` with an alternative that allows anything (only a title) requires
  nothing: the properties of its inline object alternatives become optional properties of the
  schema itself, and the alternatives are kept in the description;
- inline object members of ``anyOf``/``oneOf`` are hoisted to classes named after where they
  stand and what tells them apart: ``{Parent}{Title}`` when the member has a title, otherwise
  ``{Parent}With{Property}`` after the first required property no other member requires;
- ``format`` values whose Python types would be wrong on the wire are dropped: Intercom sends
  timestamps as integers (``integer`` + ``date-time``) and URLs and e-mails as plain strings that
  a strict validator would reject;
- ``example``/``examples`` are dropped: they are documentation, not types, and cost import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..naming import pascal_case
from .examples import ExampleAudit
from .refs import SCHEMA_PREFIX, join, schema_name

_CONSTRAINT_ONLY = frozenset({"required", "title", "description"})
_UNCONSTRAINED = frozenset({"title", "description"})
_PLAIN_OBJECT = frozenset({"type", "properties", "required", "title", "description"})
_DROPPED_KEYS = frozenset({"example", "examples", "externalDocs", "xml"})
_LOOSE_FORMATS = {
    "integer": frozenset({"date-time", "timestamp", "int64", "int32"}),
    "string": frozenset({"uri", "url", "email", "uuid", "hostname", "ipv4", "ipv6", "uri-reference"}),
}


def _describe_requirements(members: list[Mapping[str, Any]]) -> str:
    options = []
    for member in members:
        required = member.get("required") or []
        options.append(" + ".join(f"`{r}`" for r in required) if required else "(nothing)")
    return "Requires one of: " + " | ".join(options) + "."


def _with_note(schema: dict[str, Any], note: str) -> None:
    description = schema.get("description")
    schema["description"] = f"{description}\n\n{note}" if description else note


def _open_enum(schema: dict[str, Any]) -> dict[str, Any]:
    values = [v for v in schema["enum"] if v is not None]
    base = schema.get("type", "string")
    if base not in ("string", "integer", "number") or not values:
        rest = {k: v for k, v in schema.items() if k != "enum"}
        return rest
    closed = {"type": base, "enum": values}
    outer = {k: v for k, v in schema.items() if k not in ("enum", "type", "default")}
    outer["anyOf"] = [closed, {"type": base}]
    if "default" in schema:
        outer["default"] = schema["default"]
    return outer


def _open_union(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """Flatten an ``anyOf``/``oneOf`` that has an alternative allowing anything (see the docstring)."""
    for keyword in ("anyOf", "oneOf"):
        members = schema.get(keyword)
        if not isinstance(members, list) or not all(isinstance(m, Mapping) for m in members):
            continue
        open_members = [m for m in members if set(m) <= _UNCONSTRAINED]
        objects = [m for m in members if m not in open_members]
        plain = all(set(m) <= _PLAIN_OBJECT and m.get("type", "object") == "object" for m in objects)
        if not open_members or not plain:
            continue
        flat = {k: v for k, v in schema.items() if k != keyword}
        properties = dict(flat.get("properties") or {})
        for member in objects:
            for name, sub in (member.get("properties") or {}).items():
                properties.setdefault(name, sub)
        flat["properties"] = properties
        _with_note(flat, _describe_requirements(members).replace("Requires one of", "May have one of"))
        return flat
    return schema


def member_name(base: str, member: Mapping[str, Any], siblings: list[Mapping[str, Any]]) -> str:
    """Name of a hoisted union member (see the module docstring)."""
    title = member.get("title")
    if isinstance(title, str) and pascal_case(title):
        return base + pascal_case(title)
    required = [str(r) for r in member.get("required") or []]
    others = {str(r) for m in siblings if m is not member for r in (m.get("required") or [])}
    unique = [r for r in required if r not in others]
    chosen = unique[:1] or required or sorted(str(p) for p in member.get("properties") or {})
    return base + "With" + "And".join(pascal_case(c) for c in chosen)


class ModelDocBuilder:
    """Rewrites schemas into the normalised form described in the module docstring."""

    def __init__(self, class_names: Mapping[str, str], audit: ExampleAudit) -> None:
        # component key -> class name (also the key in the output document)
        self._class_names = class_names
        self.hoisted: dict[str, Any] = {}
        self.origins: dict[str, str] = {}
        self.collisions: list[tuple[str, str]] = []  # (pointer, name)
        self._taken = set(class_names.values())
        self._audit = audit

    def ref(self, ref: str) -> str:
        name = schema_name(ref)
        if name is not None and name in self._class_names:
            return SCHEMA_PREFIX + self._class_names[name]
        return ref

    def schema(self, node: Any, base: str, pointer: str) -> Any:
        """Normalise ``node``; ``base`` is the class name its inline classes are named from."""
        if isinstance(node, list):
            return [self.schema(item, base, join(pointer, i)) for i, item in enumerate(node)]
        if not isinstance(node, Mapping):
            return node
        if "$ref" in node and isinstance(node["$ref"], str):
            if pointer in self._audit.nullable:
                return {"anyOf": [{"$ref": self.ref(node["$ref"])}], "nullable": True}
            return {"$ref": self.ref(node["$ref"])}
        node = _open_union(node)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _DROPPED_KEYS or (isinstance(key, str) and key.startswith("x-")):
                continue
            if key == "nullable" and value is False:
                continue  # the default; datamodel-code-generator would make the field non-Optional
            out[key] = self._value(key, value, base, join(pointer, key))
        self._apply_audit(out, pointer)
        self._drop_constraint_only(out)
        self._loosen_format(out)
        if isinstance(out.get("enum"), list):
            out = _open_enum(out)
        return out

    def _value(self, key: str, value: Any, base: str, where: str) -> Any:
        if key in ("properties", "patternProperties") and isinstance(value, Mapping):
            return {n: self.schema(sub, base + pascal_case(str(n)), join(where, n)) for n, sub in value.items()}
        if key in ("anyOf", "oneOf") and isinstance(value, list):
            return self._union(value, base, where)
        if key in ("items", "additionalProperties", "not", "allOf"):
            return self.schema(value, base, where)
        return value

    def _apply_audit(self, out: dict[str, Any], pointer: str) -> None:
        """What the spec's own examples showed (see ``examples.py``)."""
        if pointer in self._audit.nullable:
            out["nullable"] = True
        relaxed = self._audit.relax.get(pointer)
        if relaxed and isinstance(out.get("required"), list):
            out["required"] = [r for r in out["required"] if r not in relaxed]
            if not out["required"]:
                del out["required"]

    def _union(self, members: list[Any], base: str, pointer: str) -> list[Any]:
        objects = [m for m in members if isinstance(m, Mapping) and "properties" in m and "$ref" not in m]
        out = []
        for index, member in enumerate(members):
            if member in objects:
                name = member_name(base, member, objects)
                if name in self._taken:
                    self.collisions.append((join(pointer, index), name))
                else:
                    self._taken.add(name)
                    self.origins[name] = join(pointer, index)
                    self.hoisted[name] = self.schema(member, name, join(pointer, index))
                out.append({"$ref": SCHEMA_PREFIX + name})
            else:
                out.append(self.schema(member, base, join(pointer, index)))
        return out

    @staticmethod
    def _drop_constraint_only(schema: dict[str, Any]) -> None:
        for keyword in ("anyOf", "oneOf"):
            members = schema.get(keyword)
            if not isinstance(members, list):
                continue
            constraints = [m for m in members if isinstance(m, Mapping) and set(m) <= _CONSTRAINT_ONLY]
            if not constraints:
                continue
            kept = [m for m in members if m not in constraints]
            if kept:
                schema[keyword] = kept
            else:
                del schema[keyword]
            _with_note(schema, _describe_requirements(constraints))

    @staticmethod
    def _loosen_format(schema: dict[str, Any]) -> None:
        fmt = schema.get("format")
        if isinstance(fmt, str) and fmt in _LOOSE_FORMATS.get(str(schema.get("type")), frozenset()):
            del schema["format"]


def build_model_document(
    title: str,
    version: str,
    components: Mapping[str, Any],
    class_names: Mapping[str, str],
    *,
    hoisted: Mapping[str, tuple[Any, str]],
    audit: ExampleAudit | None = None,
) -> tuple[dict[str, Any], dict[str, str], list[tuple[str, str]]]:
    """Assemble the schemas-only OpenAPI document for datamodel-code-generator.

    ``components`` maps component keys to schemas, ``class_names`` component keys to class names,
    ``hoisted`` class names to (inline schema taken out of an operation, its pointer), ``audit``
    what the spec's own examples showed (required properties to relax, schemas to make nullable).
    Returns the document, the union members hoisted here (class name -> pointer) and the names
    that collided (pointer, name).
    """
    builder = ModelDocBuilder(class_names, audit or ExampleAudit())
    builder._taken.update(hoisted)
    schemas: dict[str, Any] = {}
    for key in sorted(components):
        name = class_names[key]
        schemas[name] = builder.schema(components[key], name, join("", "components", "schemas", key))
    for name in sorted(hoisted):
        schema, pointer = hoisted[name]
        schemas[name] = builder.schema(schema, name, pointer)
    schemas.update(builder.hoisted)
    document = {
        "openapi": "3.0.3",
        "info": {"title": title, "version": version},
        "paths": {},
        "components": {"schemas": schemas},
    }
    return document, builder.origins, builder.collisions
