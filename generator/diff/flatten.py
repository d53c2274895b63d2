"""Schema property resolution: a schema becomes a flat ``{path: Prop}`` view.

Paths join property names with ``.`` and mark array items with ``[]`` (``data[].id``). At the
root of a view, ``$ref``, ``allOf``, ``oneOf`` and ``anyOf`` are followed and merged, together
with any ``properties`` placed beside them (Intercom request bodies do this). Below the root,
inline objects and arrays are descended; a property that points at a component schema
(``$ref``, or a composition of refs only) is a leaf whose type is that schema's key, because the
component's own properties are compared once, on the component.

Every ``Prop`` records the component schemas (or the root's own label) that declare it and the
components through which the root reaches it, so the diff can tell a change made in a shared
component from one made where it is used. Recursive
schemas stop at the first repeat of a component, and nesting is bounded in depth.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..ir.schema import allows_null, component_of, is_ref, ref_of
from .model import Prop

MAX_DEPTH = 24
_COMPOSITIONS = ("allOf", "oneOf", "anyOf")


@dataclass(frozen=True)
class View:
    """A schema resolved to its root summary and flattened properties."""

    root: Prop
    properties: Mapping[str, Prop]
    owners: frozenset[str]
    """Component schemas whose declarations were merged into this view."""


@dataclass(frozen=True)
class _Declaration:
    """A property's schema where it is written, with the component declaring it and the refs followed."""

    node: Mapping[str, Any]
    owner: str
    stack: tuple[str, ...]

    @property
    def via(self) -> str:
        """The component the root referred to on the way here, or the root's own label."""
        return self.stack[0] if self.stack else self.owner


@dataclass
class _Field:
    declarations: list[_Declaration]
    required: bool
    sources: set[str] = field(default_factory=set)
    via: set[str] = field(default_factory=set)

    def add(self, declarations: list[_Declaration]) -> None:
        for declaration in declarations:
            if all(declaration.node is not known.node for known in self.declarations):
                self.declarations.append(declaration)


def _members(node: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = node.get(key)
    return [m for m in value if isinstance(m, dict)] if isinstance(value, list) else []


def _composed(node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The members of every composition (``allOf``, ``oneOf``, ``anyOf``) of a schema."""
    if "allOf" not in node and "oneOf" not in node and "anyOf" not in node:
        return []
    return [m for key in _COMPOSITIONS for m in _members(node, key)]


def _is_null(node: Mapping[str, Any]) -> bool:
    return node.get("type") == "null" or node.get("enum") == [None]


def _enum_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def enum_of(node: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The allowed values of a schema (or of its inline array items), as sorted display strings."""
    values = node.get("enum")
    if not isinstance(values, list):
        items = node.get("items")
        values = items.get("enum") if isinstance(items, dict) else None
    if not isinstance(values, list):
        return None
    return tuple(sorted({_enum_text(v) for v in values if v is not None}))


def nullable(node: Mapping[str, Any]) -> bool:
    return allows_null(node)


def describe(node: Mapping[str, Any], seen: frozenset[int] = frozenset()) -> str:
    """A short, stable spelling of a schema's type: ``string``, ``contact``, ``array<tag>``, ``object``."""
    ref = ref_of(node)
    if ref is not None:
        return component_of(node) or ref
    if id(node) in seen or len(seen) > MAX_DEPTH:
        return "any"  # an inline schema containing itself (YAML aliases)
    seen = seen | {id(node)}
    for key in _COMPOSITIONS:
        if key not in node:
            continue
        members = [m for m in _members(node, key) if not _is_null(m) and _is_structural(m)]
        if members:
            parts = sorted({describe(m, seen) for m in members})
            if "properties" in node:
                parts.append("object")  # properties written beside the composition
            return parts[0] if len(parts) == 1 else f"{key}({', '.join(parts)})"
    kind = node.get("type")
    if isinstance(kind, list):
        kinds = sorted(str(k) for k in kind if k != "null")
        kind = kinds[0] if len(kinds) == 1 else " | ".join(kinds)
    items = node.get("items")
    if kind == "array" or isinstance(items, dict):
        return f"array<{describe(items, seen) if isinstance(items, dict) else 'any'}>"
    if kind == "object" or "properties" in node or "additionalProperties" in node:
        return "object"
    return str(kind) if kind else _enum_type(node)


def _enum_type(node: Mapping[str, Any]) -> str:
    """The type an untyped ``enum`` implies (``enum: [a, b]`` is a string)."""
    values = [v for v in node.get("enum") or () if v is not None]
    kinds = {_JSON_TYPES.get(type(v), "any") for v in values}
    return kinds.pop() if len(kinds) == 1 else "any"


_JSON_TYPES = {str: "string", bool: "boolean", int: "integer", float: "number"}


def _is_structural(node: Mapping[str, Any]) -> bool:
    """False for members that only annotate (``{description: ...}``, ``{nullable: true}``)."""
    return is_ref(node) or any(k in node for k in ("type", "properties", "items", "enum", *_COMPOSITIONS))


def _is_object(node: Mapping[str, Any]) -> bool:
    """A schema that becomes a model class: properties, ``type: object`` or an ``allOf`` extension."""
    return "properties" in node or node.get("type") == "object" or describe(node).startswith("allOf(")


def _is_named(node: Mapping[str, Any]) -> bool:
    """A ref to a component, or a composition of refs only: compared on the component, not here."""
    if is_ref(node):
        return True
    if "properties" in node:
        return False
    members = [m for key in _COMPOSITIONS for m in _members(node, key) if not _is_null(m) and _is_structural(m)]
    return bool(members) and all(is_ref(m) for m in members)


def _merge(fields: dict[str, _Field], name: str, incoming: _Field) -> None:
    existing = fields.get(name)
    if existing is None:
        fields[name] = incoming
        return
    existing.add(incoming.declarations)
    existing.required = existing.required or incoming.required
    existing.sources |= incoming.sources
    existing.via |= incoming.via


class Flattener:
    """Builds views over one spec's component schemas; component views are cached."""

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self._schemas = schemas
        self._cache: dict[str, View] = {}

    def component(self, key: str) -> View:
        """The view of a component schema; an object stays ``object`` however it is composed."""
        view = self._cache.get(key)
        if view is None:
            schema = self._schemas.get(key)
            schema = schema if isinstance(schema, dict) else {}
            view = self.view(schema, key)
            if _is_object(schema):
                view = View(replace(view.root, type="object"), view.properties, view.owners)
            self._cache[key] = view
        return view

    def view(self, schema: Mapping[str, Any] | None, label: str) -> View:
        """Flatten ``schema``; declarations made inline in it are credited to ``label``.

        No schema at all (a response without a body) is the type ``none``.
        """
        if schema is None:
            return View(Prop("none", False, True, None, frozenset((label,))), {}, frozenset())
        root = Prop(describe(schema), nullable(schema), True, enum_of(schema), frozenset((label,)))
        key = component_of(schema) if len(schema) == 1 else None
        if key is not None and key != label and isinstance(self._schemas.get(key), dict):
            component = self.component(key)  # a bare ref declares nothing itself: reuse the component's view
            via = frozenset((key,))
            reached = {path: replace(prop, via=via) for path, prop in component.properties.items()}
            return View(root, reached, component.owners | {key})
        properties: dict[str, Prop] = {}
        owners: set[str] = set()
        self._walk([_Declaration(schema, label, ())], "", owners, properties, root=True)
        return View(root, properties, frozenset(owners))

    def _walk(
        self,
        declarations: list[_Declaration],
        prefix: str,
        owners: set[str],
        out: dict[str, Prop],
        *,
        root: bool = False,
        above: frozenset[int] = frozenset(),
    ) -> None:
        """Flatten one level, then the inline objects and array items below it.

        ``above`` holds the inline schemas already walked on the way here: a schema that contains
        itself (possible with YAML aliases) is not walked again.
        """
        if prefix.count(".") > MAX_DEPTH:
            return
        fields: dict[str, _Field] = {}
        items: list[_Declaration] = []
        for declaration in declarations:
            node = declaration.node
            if id(node) in above or (not root and _is_named(node)):
                continue
            for name, incoming in self._fields(declaration, owners).items():
                _merge(fields, name, incoming)
            for holder in (node, *_composed(node)):
                item = holder.get("items")
                if isinstance(item, dict) and not _is_named(item):
                    items.append(_Declaration(item, declaration.owner, declaration.stack))
        above = above | {id(d.node) for d in declarations}
        if items:
            self._walk(items, (prefix[:-1] if prefix else "") + "[].", owners, out, above=above)
        for name, field_ in fields.items():
            path = prefix + name
            out[path] = _prop(field_)
            self._walk(field_.declarations, path + ".", owners, out, above=above)

    def _resolve(self, declaration: _Declaration, owners: set[str]) -> _Declaration | None:
        """Follow a ``$ref`` chain to a component schema; None on a cycle or a missing target."""
        while is_ref(declaration.node):
            key = component_of(declaration.node)
            if key is None or key in declaration.stack or len(declaration.stack) >= MAX_DEPTH:
                return None
            target = self._schemas.get(key)
            if not isinstance(target, dict):
                return None
            declaration = _Declaration(target, key, (*declaration.stack, key))
            owners.add(key)
        return declaration

    def _fields(self, declaration: _Declaration, owners: set[str]) -> dict[str, _Field]:
        """The properties one object level offers, merged across its compositions."""
        resolved = self._resolve(declaration, owners)
        if resolved is None:
            return {}
        node, owner, stack = resolved.node, resolved.owner, resolved.stack
        fields: dict[str, _Field] = {}
        properties = node.get("properties")
        if isinstance(properties, dict):
            for name, sub in properties.items():
                if isinstance(sub, dict):
                    declaration = _Declaration(sub, owner, stack)
                    fields[str(name)] = _Field([declaration], False, {owner}, {declaration.via})
        if not _composed(node):
            self._mark_required(node, fields, resolved)
            return fields
        for member in _members(node, "allOf"):
            for name, incoming in self._fields(_Declaration(member, owner, stack), owners).items():
                _merge(fields, name, incoming)
        alternatives = [
            self._fields(_Declaration(m, owner, stack), owners)
            for key in ("oneOf", "anyOf")
            for m in _members(node, key)
            if not _is_null(m)
        ]
        for name in dict.fromkeys(name for alternative in alternatives for name in alternative):
            present = [alternative[name] for alternative in alternatives if name in alternative]
            merged = _Field([], len(present) == len(alternatives) and all(p.required for p in present))
            for part in present:
                merged.add(part.declarations)
                merged.sources |= part.sources
                merged.via |= part.via
            _merge(fields, name, merged)
        self._mark_required(node, fields, resolved)
        return fields

    @staticmethod
    def _mark_required(node: Mapping[str, Any], fields: dict[str, _Field], where: _Declaration) -> None:
        """Apply a ``required`` list, which may name properties its compositions declare."""
        for name in _required_names(node):
            if name in fields and not fields[name].required:
                fields[name].required = True
                fields[name].sources.add(where.owner)
                fields[name].via.add(where.via)


def _required_names(node: Mapping[str, Any]) -> Iterator[str]:
    required = node.get("required")
    if isinstance(required, list):
        yield from (str(name) for name in required)


def _prop(item: _Field) -> Prop:
    nodes = [d.node for d in item.declarations]
    types = sorted({describe(n) for n in nodes})
    enums = [enum_of(n) for n in nodes]
    enum = None if any(e is None for e in enums) else tuple(sorted({v for e in enums if e for v in e}))
    return Prop(
        type=" | ".join(types),
        nullable=any(nullable(n) for n in nodes),
        required=item.required,
        enum=enum,
        sources=frozenset(item.sources),
        via=frozenset(item.via),
    )
