"""Example payloads: taking them out of changelog code samples and holding them to a schema.

``conformance`` is a small OpenAPI 3.0 schema check made for contracts: besides types, enums,
``required`` and ``nullable`` it reports every property the payload uses that the schema does not
declare (unless the schema allows extra properties explicitly or declares none at all), because
an example that leans on an undocumented field is not backed by the spec.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..ir.examples import is_json_type
from ..ir.refs import join
from ..ir.schema import is_ref
from .specquery import deref, is_nullable

ProblemKind = Literal["type", "enum", "required", "undeclared", "variant"]
_REQUEST_LINE = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE)\s+\S+(?:\s+HTTP/[0-9.]+)?")
_CURL_DATA = re.compile(r"(?:-d|--data(?:-raw)?)\s+'(.*?)'", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    at: str  # JSON pointer into the payload
    detail: str

    def render(self) -> str:
        return f"{self.at or '/'}: {self.detail}"


def payload_of(code: str) -> Any:
    """The JSON payload of a code sample: a curl ``-d '...'`` body, or the sample itself.

    Raises ValueError when there is none or it is not JSON.
    """
    text = code.strip()
    if text.startswith("```"):
        text = re.sub(r"^```[A-Za-z0-9_+-]*\s|```$", "", text).strip()
    request = _REQUEST_LINE.match(text)
    if request is not None:  # an HTTP request as written: the request line (and headers), then the body
        text = text[request.end() :].strip()
        while text and not text.startswith(("{", "[")) and ":" in text.split("\n", 1)[0]:
            text = text.split("\n", 1)[1].strip() if "\n" in text else ""
        if not text:
            raise ValueError("the request sends no body")
    if text.startswith("curl "):
        match = _CURL_DATA.search(text)
        if match is None:
            raise ValueError("the curl command sends no -d payload")
        text = match.group(1)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the sample is not JSON ({exc.msg} at character {exc.pos})") from None


@dataclass
class _Flat:
    """A schema with its ``allOf`` members merged in (unions kept apart)."""

    types: list[str] = field(default_factory=list)
    enums: list[list[Any]] = field(default_factory=list)
    properties: dict[str, tuple[Any, str]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    extra: Any = None  # additionalProperties as found (None when no member says)
    unions: list[list[tuple[Any, str]]] = field(default_factory=list)
    items: tuple[Any, str] | None = None


def _flatten(schemas: Mapping[str, Any], node: Any, pointer: str, flat: _Flat, depth: int = 0) -> None:
    node, pointer = deref(schemas, node, pointer)
    if depth > 24 or not node:
        return
    if isinstance(node.get("type"), str):
        flat.types.append(str(node["type"]))
    if isinstance(node.get("enum"), list):
        flat.enums.append(list(node["enum"]))
    for name, sub in (node.get("properties") or {}).items():
        flat.properties.setdefault(str(name), (sub, join(pointer, "properties", name)))
    flat.required.update(str(r) for r in node.get("required") or [])
    if "additionalProperties" in node and flat.extra is None:
        flat.extra = (node["additionalProperties"], join(pointer, "additionalProperties"))
    if isinstance(node.get("items"), Mapping) and flat.items is None:
        flat.items = (node["items"], join(pointer, "items"))
    for keyword in ("oneOf", "anyOf"):
        members = node.get(keyword)
        if isinstance(members, list) and members:
            flat.unions.append([(m, join(pointer, keyword, i)) for i, m in enumerate(members)])
    for index, member in enumerate(node.get("allOf") or []):
        _flatten(schemas, member, join(pointer, "allOf", index), flat, depth + 1)


class _Checker:
    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self.schemas = schemas

    def check(self, value: Any, node: Any, pointer: str, at: str, outer: frozenset[str] = frozenset()) -> list[Problem]:
        resolved, pointer = deref(self.schemas, node, pointer)
        if not resolved:
            return []
        if value is None:
            ok = is_nullable(self.schemas, node) or not (
                is_ref(resolved) or any(k in resolved for k in ("type", "properties"))
            )
            return [] if ok else [Problem("type", at, "null where the schema does not allow null")]
        flat = _Flat()
        _flatten(self.schemas, resolved, pointer, flat)
        for kind in flat.types:
            if not is_json_type(value, kind):
                return [
                    Problem("type", at, f"{type(value).__name__} {json.dumps(value)[:40]} where the schema says {kind}")
                ]
        for allowed in flat.enums:
            if value not in allowed:
                return [Problem("enum", at, f"{json.dumps(value)} is not one of {allowed}")]
        declared = frozenset(flat.properties) | outer
        problems: list[Problem] = []
        for members in flat.unions:
            best, member_declared = self._best_variant(value, members, at, declared)
            problems += best
            declared |= member_declared
        if isinstance(value, dict):
            # with variants, each variant reports what neither it nor this schema declares
            problems += self._object(value, flat, at, declared if not flat.unions else None)
        elif isinstance(value, list) and flat.items is not None:
            for index, item in enumerate(value):
                problems += self.check(item, flat.items[0], flat.items[1], join(at, index))
        return problems

    def _best_variant(
        self, value: Any, members: list[tuple[Any, str]], at: str, declared: frozenset[str]
    ) -> tuple[list[Problem], frozenset[str]]:
        scored = []
        for member, where in members:
            problems = self.check(value, member, where, at, declared)
            flat = _Flat()
            _flatten(self.schemas, member, where, flat)
            scored.append((len(problems), problems, frozenset(flat.properties)))
        count, problems, names = min(scored, key=lambda s: s[0])
        if count == 0:
            return [], names
        return [Problem("variant", at, f"no variant fits; the closest: {problems[0].render()}"), *problems[1:]], names

    def _object(self, value: dict[str, Any], flat: _Flat, at: str, declared: frozenset[str] | None) -> list[Problem]:
        problems = [
            Problem("required", join(at, r), "required property missing") for r in sorted(flat.required - set(value))
        ]
        extra_schema = flat.extra[0] if flat.extra is not None else None
        for name, item in value.items():
            if name in flat.properties:
                sub, where = flat.properties[name]
                problems += self.check(item, sub, where, join(at, name))
            elif isinstance(extra_schema, Mapping):
                problems += self.check(item, extra_schema, flat.extra[1] if flat.extra else "", join(at, name))
            elif declared is None:
                continue
            elif extra_schema is False or (extra_schema is None and declared and name not in declared):
                problems.append(Problem("undeclared", join(at, name), "property not declared by the schema"))
        return problems


def conformance(schemas: Mapping[str, Any], value: Any, node: Any, pointer: str) -> list[Problem]:
    """Every way ``value`` falls short of the schema at ``node`` (empty when it conforms)."""
    return _Checker(schemas).check(value, node, pointer, "")
