"""Questions a claim asks of one version's spec: which operation, which property, reachable how.

Everything answers with JSON pointers into the spec so a verdict can show its evidence. Schema
references are followed inside ``#/components/schemas``; ``allOf`` members add to a schema, and a
property of a ``oneOf``/``anyOf`` is "present" only when every variant declares it ("partial"
when some do).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..ir.model import Api, Operation
from ..ir.refs import join, resolve_pointer, split_ref
from ..ir.schema import Resolver, is_ref

State = Literal["present", "partial", "absent"]
_MAX_DEPTH = 24
_PLACEHOLDER = re.compile(r"\{[^}/]*\}")


def path_shape(path: str) -> str:
    """A path with its placeholders unnamed: ``/tickets/{id}`` and ``/tickets/{ticket_id}`` are one shape."""
    return _PLACEHOLDER.sub("{}", path.strip().rstrip("/") or "/")


@dataclass(frozen=True)
class Version:
    """One registered version with its IR; ``package`` is None for baselines."""

    name: str
    api: Api
    package: str | None

    @property
    def spec(self) -> Mapping[str, Any]:
        return self.api.spec

    @property
    def schemas(self) -> Mapping[str, Any]:
        schemas = (self.spec.get("components") or {}).get("schemas") or {}
        return schemas if isinstance(schemas, Mapping) else {}

    def operation(self, ref: str) -> Operation | None:
        """Find an operation by operationId (any case) or by ``METHOD /path`` (placeholders may be
        named differently: ``PUT /articles/{id}`` finds ``PUT /articles/{article_id}``)."""
        method, _, path = ref.strip().partition(" ")
        path = path.strip()
        if path.startswith("/"):
            same = [op for op in self.api.operations if op.method == method.lower()]
            exact = next((op for op in same if op.path == path), None)
            if exact is not None:
                return exact
            shape = path_shape(path)
            return next((op for op in same if path_shape(op.path) == shape), None)
        wanted = ref.lower()
        return next((op for op in self.api.operations if (op.operation_id or "").lower() == wanted), None)

    def tag_description(self, tag: str) -> tuple[str, str] | None:
        for index, raw in enumerate(self.spec.get("tags") or []):
            if isinstance(raw, Mapping) and str(raw.get("name", "")).lower() == tag.lower():
                return join("", "tags", index, "description"), str(raw.get("description") or "")
        return None


@dataclass(frozen=True)
class Lookup:
    """Where a property is declared below a schema."""

    state: State
    pointers: tuple[str, ...] = ()  # where it is declared
    lacking: tuple[str, ...] = ()  # union variants that do not declare it
    node: Mapping[str, Any] | None = None  # the property's own schema (first declaration)
    required: bool = False  # whether the declaring schema lists it as required


def deref(schemas: Mapping[str, Any], node: Any, pointer: str) -> tuple[Mapping[str, Any], str]:
    """Follow ``$ref`` to component schemas; an unresolvable reference gives an empty schema."""
    return _resolver(schemas).follow(node, pointer)


def _resolver(schemas: Mapping[str, Any]) -> Resolver:
    return Resolver({"components": {"schemas": schemas}})


def find_property(schemas: Mapping[str, Any], node: Any, pointer: str, name: str) -> Lookup:
    """Where ``name`` is declared below ``node``; a dotted name (``assignment.admin_assignee_id``,
    ``options[].value``) is followed property by property, through array items."""
    found = _find_one(schemas, node, pointer, name)
    if found.state != "absent" or "." not in name:
        return found
    head, _, rest = name.replace("[]", "").partition(".")
    outer = _find_one(schemas, node, pointer, head)
    if outer.state == "absent" or outer.node is None:
        return outer
    inner, at = deref(schemas, outer.node, outer.pointers[0])
    for _ in range(_MAX_DEPTH):
        if inner.get("type") != "array" or not isinstance(inner.get("items"), Mapping):
            break
        inner, at = deref(schemas, inner["items"], join(at, "items"))
    return find_property(schemas, inner, at, rest)


def _find_one(schemas: Mapping[str, Any], node: Any, pointer: str, name: str, depth: int = 0) -> Lookup:
    node, pointer = deref(schemas, node, pointer)
    if depth > _MAX_DEPTH or not node:
        return Lookup("absent")
    properties = node.get("properties")
    if isinstance(properties, Mapping) and name in properties:
        required = name in (node.get("required") or [])
        return Lookup("present", (join(pointer, "properties", name),), (), properties[name], required)
    for index, member in enumerate(node.get("allOf") or []):
        found = _find_one(schemas, member, join(pointer, "allOf", index), name, depth + 1)
        if found.state != "absent":
            return found
    for keyword in ("oneOf", "anyOf"):
        members = node.get(keyword)
        if not isinstance(members, list) or not members:
            continue
        results = [_find_one(schemas, m, join(pointer, keyword, i), name, depth + 1) for i, m in enumerate(members)]
        declared = [r for r in results if r.state == "present"]
        if not declared:
            continue
        pointers = tuple(p for r in declared for p in r.pointers)
        lacking = tuple(join(pointer, keyword, i) for i, r in enumerate(results) if r.state != "present")
        state: State = "present" if not lacking else "partial"
        return Lookup(state, pointers, lacking, declared[0].node, all(r.required for r in declared))
    return Lookup("absent")


def declared_names(schemas: Mapping[str, Any], node: Any) -> set[str]:
    """Every name ``find_property`` finds in ``node`` (present or partial), collected in one walk."""
    names: set[str] = set()
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        current, _ = deref(schemas, current, "")
        if depth > _MAX_DEPTH or not current or id(current) in seen:
            continue
        seen.add(id(current))
        properties = current.get("properties")
        if isinstance(properties, Mapping):
            names.update(str(n) for n in properties)
        for keyword in ("allOf", "oneOf", "anyOf"):
            members = current.get(keyword)
            if isinstance(members, list):
                stack.extend((member, depth + 1) for member in members)
    return names


def is_nullable(schemas: Mapping[str, Any], node: Any) -> bool:
    """Whether ``null`` is allowed, on the property or on what it refers to (``schema.allows_null``)."""
    if not isinstance(node, Mapping):
        return False
    return _resolver(schemas).schema(node, "").nullable


def iter_schema_refs(node: Any) -> Iterator[str]:
    """The component schema keys named below ``node`` (references not followed)."""
    return iter(sorted(Resolver({}).refs_below(node)))


def reachable(schemas: Mapping[str, Any], node: Any) -> set[str]:
    """Component schema keys reachable from ``node`` through ``$ref``s."""
    return _resolver(schemas).reachable([node])


def body_schema(op: Operation) -> tuple[Mapping[str, Any], str] | None:
    if op.body is None or not op.body.schema:
        return None
    return op.body.schema, join(op.pointer, "requestBody", "content", op.body.content_type, "schema")


def response_schema(op: Operation, status: str | None = None) -> tuple[Mapping[str, Any], str, str] | None:
    """The schema of ``status`` (or of the first 2xx response with content): (schema, pointer, status)."""
    for response in sorted(op.responses, key=lambda r: r.status):
        if status is not None and response.status != status:
            continue
        if status is None and not response.status.startswith("2"):
            continue
        if response.schema is not None and response.content_type:
            where = join(op.pointer, "responses", response.status, "content", response.content_type, "schema")
            return response.schema, where, response.status
    return None


def request_examples(version: Version, op: Operation) -> tuple[dict[str, Any], str]:
    """Named request-body examples of ``op`` and the pointer of their ``examples`` map."""
    spec = version.spec
    body: Any = resolve_pointer(spec, split_ref("#" + op.pointer) or [])
    body = body.get("requestBody") if isinstance(body, Mapping) else None
    pointer = join(op.pointer, "requestBody")
    if is_ref(body):
        body, pointer = Resolver(spec).follow(body, pointer)
        if not body:
            return {}, pointer
    content = body.get("content") if isinstance(body, Mapping) else None
    if not isinstance(content, Mapping) or op.body is None:
        return {}, pointer
    media = content.get(op.body.content_type) or {}
    named = media.get("examples") if isinstance(media, Mapping) else None
    found = {str(k): v.get("value") for k, v in (named or {}).items() if isinstance(v, Mapping) and "value" in v}
    return found, join(pointer, "content", op.body.content_type, "examples")


def table_row(description: str, field: str) -> bool:
    """Whether a Markdown table in ``description`` has a row for ``field`` (first cell)."""
    return re.search(rf"^\s*\|\s*`?{re.escape(field)}`?\s*\|", description, re.MULTILINE) is not None
