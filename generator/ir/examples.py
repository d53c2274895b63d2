"""Checking the spec's own response examples against its schemas.

Intercom's examples are captured from real responses, so where an example and its schema
disagree the example is usually right. Two outcomes:
- a property the schema marks ``required`` but an example leaves out is reported (warning) and
  generated as optional: a client must not reject a response shaped like the spec's own example;
- a ``null`` where the schema does not allow it is reported (warning) and generated as nullable,
  for the same reason;
- a value whose JSON type differs from the schema's is reported (warning) and left as the spec
  says (numbers where strings are expected still parse: response models read numbers as strings).

Request examples are walked too. Request models send exactly what they are given, so where the
spec's own request example gives a number for a string property (Intercom's examples send
``admin_id: 991267608`` where the schema says string) or a string for a number, the property
accepts both (warning ``request-example-type-mismatch``): the API takes what its examples send.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.diagnostics import Diagnostics
from .model import Operation
from .refs import join, unescape
from .schema import Resolver, allows_null

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
_MAX_ITEMS = 20


@dataclass
class ExampleAudit:
    """What the examples showed: required properties to relax, keyed by schema pointer."""

    relax: dict[str, set[str]] = field(default_factory=dict)
    nullable: set[str] = field(default_factory=set)
    mismatches: dict[tuple[str, str], str] = field(default_factory=dict)
    widen: dict[str, str] = field(default_factory=dict)
    """Request-side schema pointer -> the JSON type its example sends besides the declared one."""


_WIDENED = {("string", int): "integer", ("integer", str): "string", ("number", str): "string"}


class _Walker:
    def __init__(self, resolver: Resolver, audit: ExampleAudit) -> None:
        self._resolver = resolver
        self._audit = audit
        self.request = False  # walking request examples: mismatches widen the type instead

    def _deref(self, schema: Any, pointer: str) -> tuple[Mapping[str, Any], str]:
        return self._resolver.follow(schema, pointer)

    def walk(self, value: Any, schema: Any, pointer: str, depth: int = 0) -> None:
        entry = pointer
        schema, pointer = self._deref(schema, pointer)
        if depth > 40 or not schema:
            return
        if value is None:
            if not allows_null(schema) and isinstance(schema.get("type"), str):
                self._audit.nullable.add(entry)
            return
        for index, member in enumerate(schema.get("allOf") or []):
            self.walk(value, member, join(pointer, "allOf", index), depth + 1)
        for keyword in ("oneOf", "anyOf"):
            union = schema.get(keyword)
            if isinstance(union, list) and union:
                self._walk_union(value, union, join(pointer, keyword), depth)
        kind = schema.get("type")
        if isinstance(kind, str) and kind in JSON_TYPES and not is_json_type(value, kind):
            widened = _WIDENED.get((kind, type(value))) if self.request else None
            if widened is not None:
                self._audit.widen.setdefault(entry, widened)
                return
            got = type(value).__name__
            self._audit.mismatches.setdefault((pointer, ""), f"example value is {got}, schema says {kind}")
            return
        if isinstance(value, dict):
            self._walk_object(value, schema, pointer, depth)
        elif isinstance(value, list) and isinstance(schema.get("items"), Mapping):
            for item in value[:_MAX_ITEMS]:
                self.walk(item, schema["items"], join(pointer, "items"), depth + 1)

    def _walk_object(self, value: dict[str, Any], schema: Mapping[str, Any], pointer: str, depth: int) -> None:
        missing = [str(r) for r in schema.get("required") or [] if r not in value]
        if missing:
            self._audit.relax.setdefault(pointer, set()).update(missing)
        properties = schema.get("properties") or {}
        for name, sub in properties.items():
            if name in value:
                self.walk(value[name], sub, join(pointer, "properties", name), depth + 1)

    def _walk_union(self, value: Any, members: list[Any], pointer: str, depth: int) -> None:
        """Walk the first member the value fits (by type and required properties)."""
        for index, member in enumerate(members):
            resolved, where = self._deref(member, join(pointer, index))
            required = resolved.get("required") or []
            kind = resolved.get("type")
            fits_type = not isinstance(kind, str) or kind not in JSON_TYPES or is_json_type(value, kind)
            if fits_type and (not isinstance(value, dict) or all(r in value for r in required)):
                self.walk(value, resolved, where, depth + 1)
                return


def widened(schema: Mapping[str, Any], kind: str) -> dict[str, Any]:
    """``schema`` that also accepts values of JSON type ``kind`` (documentation kept beside the union)."""
    kept = {k: v for k, v in schema.items() if k in ("description", "title", "nullable")}
    declared = {k: v for k, v in schema.items() if k not in kept}
    return {**kept, "anyOf": [declared, {"type": kind}]}


def widen_spec(spec: dict[str, Any], widenings: Mapping[str, str]) -> dict[str, Any]:
    """A copy of ``spec`` with the request-side widenings applied (the spec is not changed).

    Only the containers on the way to a widened schema are copied, so the rest is shared.
    """
    result = dict(spec)
    for pointer, kind in sorted(widenings.items()):
        tokens = [unescape(t) for t in pointer.split("/")[1:]]
        node: Any = result
        for token in tokens[:-1]:
            key: Any = int(token) if isinstance(node, list) else token
            child = node[key]
            child = list(child) if isinstance(child, list) else dict(child)
            node[key] = child
            node = child
        last: Any = int(tokens[-1]) if isinstance(node, list) else tokens[-1]
        if isinstance(node[last], Mapping):
            node[last] = widened(node[last], kind)
    return result


def is_json_type(value: Any, kind: str) -> bool:
    """Whether a decoded JSON value is of an OpenAPI ``type`` (booleans are not numbers)."""
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, JSON_TYPES.get(kind, (object,)))


def audit_examples(
    spec: Mapping[str, Any], operations: list[Operation], source: str, diagnostics: Diagnostics
) -> ExampleAudit:
    """Walk every response example of every operation through its schema."""
    audit = ExampleAudit()
    walker = _Walker(Resolver(spec), audit)
    for op in operations:
        for response in op.responses:
            if response.schema is None or not response.content_type:
                continue
            where = join(op.pointer, "responses", response.status, "content", response.content_type, "schema")
            for example in response.examples.values():
                walker.walk(example, response.schema, where)
    walker.request = True
    for op in operations:
        if op.body is not None and op.body.schema:
            where = join(op.pointer, "requestBody", "content", op.body.content_type, "schema")
            for example in op.body.examples.values():
                walker.walk(example, op.body.schema, where)
    for pointer, names in sorted(audit.relax.items()):
        diagnostics.warning(
            source,
            pointer,
            f"required {', '.join(sorted(names))} missing from the spec's own response example; generated as optional",
            code="example-omits-required",
        )
    for pointer in sorted(audit.nullable):
        diagnostics.warning(
            source, pointer, "the spec's own response example has null here; generated as nullable", code="example-null"
        )
    for (pointer, _), message in sorted(audit.mismatches.items()):
        diagnostics.warning(source, pointer, message, code="example-type-mismatch")
    for pointer, kind in sorted(audit.widen.items()):
        diagnostics.warning(
            source,
            pointer,
            f"the spec's own request example sends {'a number' if kind == 'integer' else 'a string'} here, where the"
            f" schema says otherwise; the model accepts both and sends what it is given",
            code="request-example-type-mismatch",
        )
    return audit
