"""The schema IR: typed views of a spec's JSON Schemas, behind the one resolver of ``$ref``.

Every consumer (the IR builder, the example audit, the version diff, the contracts, the model
document) reads schemas through a :class:`Resolver` instead of interpreting raw mappings itself:

- :meth:`Resolver.follow` follows a chain of local ``$ref`` (to schemas, responses, parameters,
  request bodies...) to the node it stands for, and is the only code that does; a reference that
  leaves the document or points at nothing gives an empty node (``check_refs`` in ``refs.py``
  reports those when the spec is validated);
- :meth:`Resolver.schema` gives a :class:`Schema`: its kind (object, array, union, enum, scalar,
  any), its properties (``allOf`` members and properties written beside them merged) with their
  required flags, its items, its union members, its enum values, and whether it allows ``null``,
  decided here once for every way a spec can say so.

``ref_of``, ``component_of`` and ``ref_to`` are how code that writes or rewrites schemas (the
model document) reads and makes references without spelling ``$ref`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .refs import SCHEMA_PREFIX, escape, join, resolve_pointer, schema_name, split_ref

REF = "$ref"
MAX_CHAIN = 32
SchemaKind = Literal["object", "array", "union", "enum", "scalar", "any"]
_UNIONS = ("oneOf", "anyOf")
_EMPTY: Mapping[str, Any] = {}


def ref_of(node: Any) -> str | None:
    """The ``$ref`` a node holds, when it is a reference."""
    if isinstance(node, Mapping):
        ref = node.get(REF)
        if isinstance(ref, str):
            return ref
    return None


def is_ref(node: Any) -> bool:
    return ref_of(node) is not None


def component_of(node: Any) -> str | None:
    """The component schema key a reference names (``#/components/schemas/contact`` -> ``contact``)."""
    ref = ref_of(node)
    return schema_name(ref) if ref is not None else None


def ref_to(name: str) -> dict[str, str]:
    """A reference to the component schema ``name``."""
    return {REF: SCHEMA_PREFIX + escape(name)}


def bare_ref(node: Mapping[str, Any]) -> dict[str, str]:
    """The reference of ``node`` alone, without what is written beside it."""
    ref = ref_of(node)
    assert ref is not None, "not a reference"
    return {REF: ref}


def allows_null(node: Mapping[str, Any]) -> bool:
    """Whether a schema, as written (references not followed), allows ``null``: the one rule."""
    if node.get("nullable") is True:
        return True
    kind = node.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    enum = node.get("enum")
    if isinstance(enum, list) and None in enum:
        return True
    for keyword in _UNIONS:
        members = node.get(keyword)
        if isinstance(members, list) and any(isinstance(m, Mapping) and _is_null_only(m) for m in members):
            return True
    return False


def _is_null_only(node: Mapping[str, Any]) -> bool:
    return node.get("type") == "null" or node.get("enum") == [None]


@dataclass(frozen=True)
class Property:
    name: str
    schema: Schema
    required: bool
    owner: str
    """The pointer of the (resolved) schema that declares the property."""


@dataclass(frozen=True, eq=False)
class Schema:
    """One schema, resolved: ``raw`` is the node references lead to, ``written`` the node as written."""

    resolver: Resolver = field(repr=False)
    written: Mapping[str, Any] = field(repr=False)
    raw: Mapping[str, Any] = field(repr=False)
    pointer: str
    component: str | None
    """The component key when the schema was written as a reference to a component."""

    @property
    def nullable(self) -> bool:
        """Whether ``null`` is allowed here (by the reference as written or by what it names)."""
        return allows_null(self.written) or allows_null(self.raw)

    @property
    def type(self) -> str | None:
        kind = self.raw.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            return str(kinds[0]) if len(kinds) == 1 else None
        return str(kind) if isinstance(kind, str) else None

    @property
    def enum(self) -> tuple[Any, ...] | None:
        values = self.raw.get("enum")
        return tuple(v for v in values if v is not None) if isinstance(values, list) else None

    @property
    def kind(self) -> SchemaKind:
        if self.enum is not None:
            return "enum"
        if self.members:
            return "union"
        if self.type == "array" or "items" in self.raw:
            return "array"
        if self.type == "object" or self.properties or self.all_of:
            return "object"
        return "scalar" if self.type is not None else "any"

    @property
    def all_of(self) -> tuple[Schema, ...]:
        return self._list("allOf")

    @property
    def members(self) -> tuple[Schema, ...]:
        """The members of the schema's ``oneOf`` / ``anyOf`` (null-only members left out)."""
        return tuple(m for key in _UNIONS for m in self._list(key) if not _is_null_only(m.raw))

    @property
    def union_keyword(self) -> str | None:
        return next((key for key in _UNIONS if isinstance(self.raw.get(key), list)), None)

    @property
    def items(self) -> Schema | None:
        items = self.raw.get("items")
        return self.resolver.schema(items, join(self.pointer, "items")) if isinstance(items, Mapping) else None

    @property
    def additional(self) -> Schema | bool | None:
        value = self.raw.get("additionalProperties")
        if isinstance(value, Mapping):
            return self.resolver.schema(value, join(self.pointer, "additionalProperties"))
        return value if isinstance(value, bool) else None

    @property
    def required(self) -> frozenset[str]:
        names: set[str] = set()
        for schema in self._own_and_all_of():
            required = schema.raw.get("required")
            if isinstance(required, list):
                names.update(str(r) for r in required)
        return frozenset(names)

    @property
    def properties(self) -> dict[str, Property]:
        """Every property declared here or in an ``allOf`` member (the later declaration wins)."""
        found: dict[str, Property] = {}
        required = self.required
        for schema in self._own_and_all_of():
            props = schema.raw.get("properties")
            if not isinstance(props, Mapping):
                continue
            for name, sub in props.items():
                if isinstance(sub, Mapping):
                    where = join(schema.pointer, "properties", str(name))
                    child = self.resolver.schema(sub, where)
                    found[str(name)] = Property(str(name), child, str(name) in required, schema.pointer)
        return found

    def _list(self, key: str) -> tuple[Schema, ...]:
        values = self.raw.get(key)
        if not isinstance(values, list):
            return ()
        where = join(self.pointer, key)
        return tuple(self.resolver.schema(v, join(where, i)) for i, v in enumerate(values) if isinstance(v, Mapping))

    def _own_and_all_of(self, depth: int = 0) -> Iterator[Schema]:
        for member in self.all_of:
            if depth < MAX_CHAIN:
                yield from member._own_and_all_of(depth + 1)
        yield self


class Resolver:
    """Every ``$ref`` of one document is followed here, and nowhere else."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        components = document.get("components")
        schemas = components.get("schemas") if isinstance(components, Mapping) else None
        self.schemas: Mapping[str, Any] = schemas if isinstance(schemas, Mapping) else {}
        self._refs_of: dict[str, frozenset[str]] = {}

    def follow(self, node: Any, pointer: str = "") -> tuple[Mapping[str, Any], str]:
        """The node a (chain of) local reference(s) stands for, with its pointer; ``{}`` when there is none."""
        seen = 0
        while (ref := ref_of(node)) is not None and seen < MAX_CHAIN:
            tokens = split_ref(ref)
            if tokens is None:
                return _EMPTY, pointer
            try:
                node = resolve_pointer(self.document, tokens)
            except KeyError:
                return _EMPTY, pointer
            pointer = join("", *tokens)
            seen += 1
        return (node if isinstance(node, Mapping) else _EMPTY), pointer

    def schema(self, node: Mapping[str, Any], pointer: str) -> Schema:
        raw, where = self.follow(node, pointer)
        return Schema(self, node, raw, where, component_of(node))

    def component(self, key: str) -> Schema:
        return self.schema(ref_to(key), join("", "components", "schemas", key))

    def refs_below(self, node: Any) -> set[str]:
        """Component keys named by any reference below ``node`` (not followed)."""
        found: set[str] = set()
        visited: set[int] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if id(current) in visited:
                continue  # YAML aliases can make a document cyclic
            visited.add(id(current))
            if isinstance(current, Mapping):
                key = component_of(current)
                if key is not None:
                    found.add(key)
                stack.extend(v for v in current.values() if isinstance(v, Mapping | list))
            elif isinstance(current, list):
                stack.extend(v for v in current if isinstance(v, Mapping | list))
        return found

    def reachable(self, roots: Iterable[Any]) -> set[str]:
        """Component keys reachable from ``roots`` through references (transitively)."""
        pending = [key for root in roots for key in self.refs_below(root)]
        seen: set[str] = set()
        while pending:
            key = pending.pop()
            if key in seen:
                continue
            seen.add(key)
            pending.extend(self._component_refs(key) - seen)
        return seen

    def _component_refs(self, key: str) -> frozenset[str]:
        """``refs_below`` of one component schema, computed once per resolver (documents are not changed)."""
        found = self._refs_of.get(key)
        if found is None:
            found = self._refs_of[key] = frozenset(self.refs_below(self.schemas.get(key)))
        return found
