"""Proposing claims from a changelog text, so a new changelog becomes contracts in minutes.

For every statement the draft looks for API names and turns each into a proposed assertion:
- links into the API reference (``.../api.intercom.io/<tag>/<operationid>``) -> ``operation-added``;
- ``curl`` samples -> ``operation-added`` for their method and path, and ``example-validates`` for
  their ``-d`` payload; JSON samples with a ``"type"`` naming a schema -> ``example-validates``;
- plain ``https://api.intercom.io/...`` paths -> ``operation-added``;
- field names, backticked or plain snake_case -> ``property-added`` / ``body-property-added`` for
  every schema or request body of the target that declares them (and ``schema-added`` when the
  name is a schema).
Each proposal shows what the specs say now, but ``expected`` is left as REVIEW: the claims loader
refuses REVIEW, so nothing becomes a contract before someone has read the specs. Statements without
API names are listed as ``not_claims`` with reason REVIEW, to be turned into doc-only/unverifiable
claims or given a reason.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..naming import words
from .checks import Truth
from .kinds import AssertionError_, parse_assertion
from .samples import payload_of
from .specquery import Version, body_schema, declared_names
from .statements import Statement, parse_changelog

_REFERENCE_LINK = re.compile(r"https?://developers\.intercom\.com/docs/references/rest-api/api\.intercom\.io/([^)\s]+)")
_API_URL = re.compile(r"https?://api\.intercom\.io(/[^\s'\"\\]*)")
_CURL_METHOD = re.compile(r"-X\s+([A-Z]+)")
_METHOD_WORD = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE)\b")
_BACKTICKED = re.compile(r"`([A-Za-z_][A-Za-z0-9_.]*)`")
_SNAKE = re.compile(r"(?<![\w/{.-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w}/(])")
_MAX_LOCATIONS = 4


@dataclass
class Proposal:
    id: str
    asserts: dict[str, Any]
    quotes: list[str] = field(default_factory=list)
    comment: str = ""


def _kebab(*parts: str) -> str:
    text = "-".join(parts)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", text)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _path_matches(template: str, path: str) -> bool:
    pattern = "^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template)) + "$"
    return path == template or re.match(pattern, path) is not None


def _operations_at(target: Version, path: str, method: str | None) -> list[str]:
    path = path.rstrip("/.") or "/"
    found = [op for op in target.api.operations if _path_matches(op.path, path)]
    if method:
        found = [op for op in found if op.method == method.lower()]
    exact = [op for op in found if op.path == path]
    return [op.operation_id or op.key for op in (exact or found)]


class FieldIndex:
    """Where each property name is declared in a version, built once per draft (not once per name:
    a statement naming thousands of fields would otherwise walk the whole spec thousands of times)."""

    def __init__(self, version: Version) -> None:
        self._schemas: dict[str, list[str]] = {}
        for key, schema in version.schemas.items():
            for name in schema.get("properties") or {}:
                self._schemas.setdefault(str(name), []).append(key)
        self._bodies: list[tuple[str, set[str]]] = []
        for op in version.api.operations:
            body = body_schema(op)
            if body is not None and not body[0].get("$ref"):
                self._bodies.append((op.operation_id or op.key, declared_names(version.schemas, body[0])))
        self._requests = {
            str(op.body.schema.get("$ref", "")).rsplit("/", 1)[-1]: op.operation_id or op.key
            for op in version.api.operations
            if op.body is not None
        }

    def locations(self, name: str) -> list[tuple[str, str]]:
        """(kind, owner) pairs: schemas declaring ``name`` and operations whose inline body does."""
        out = [("property-added", key) for key in self._schemas.get(name, [])]
        out += [("body-property-added", owner) for owner, names in self._bodies if name in names]
        requests = self._requests
        return [
            ("body-property-added", requests[o]) if k == "property-added" and o in requests else (k, o) for k, o in out
        ]


@functools.lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:6] for w in words(text) if len(w) > 2)


def _rank(locations: list[tuple[str, str]], statement: Statement) -> list[tuple[str, str]]:
    """Keep the locations whose owner's words the statement uses most (all of them when none does)."""
    context = _stems(statement.text)  # once per statement (cached), not once per name
    scored = [(len(_stems(owner) & context), (kind, owner)) for kind, owner in locations]
    best = max((score for score, _ in scored), default=0)
    return [location for score, location in scored if score == best] if best else locations


def without_link_targets(text: str) -> str:
    """``[a](target)`` -> ``[a]``, in one pass (a regex retried at every ``](`` is quadratic)."""
    parts: list[str] = []
    start = 0
    while (opening := text.find("](", start)) >= 0:
        closing = text.find(")", opening + 2)
        if closing < 0:
            break  # no ``)`` further on: no later ``](`` closes either
        parts.append(text[start : opening + 1])
        start = closing + 1
    parts.append(text[start:])
    return "".join(parts)


def _names(statement: Statement) -> list[str]:
    text = without_link_targets(statement.text)  # link targets are handled as links
    names = _BACKTICKED.findall(text) + _SNAKE.findall(re.sub(r"`[^`]*`", " ", text))
    return list(dict.fromkeys(n for n in names if "." not in n))


def _from_code(statement: Statement, target: Version) -> Iterator[Proposal]:
    raw = statement.raw
    url = _API_URL.search(raw)
    if "curl " in raw and url:
        method = _CURL_METHOD.search(raw)
        for ref in _operations_at(target, url.group(1), method.group(1) if method else None):
            yield Proposal(_kebab(ref), {"kind": "operation-added", "operation": ref})
            try:
                payload_of(raw)
            except ValueError:
                continue
            yield Proposal(_kebab(ref, "sample"), {"kind": "example-validates", "operation": ref})
        return
    try:
        payload = payload_of(raw)
    except ValueError:
        return
    if isinstance(payload, Mapping) and str(payload.get("type")) in target.schemas:
        key = str(payload.get("type"))
        yield Proposal(_kebab(key, "sample"), {"kind": "example-validates", "schema": key})


def _from_prose(statement: Statement, target: Version, index: FieldIndex) -> Iterator[Proposal]:
    for link in _REFERENCE_LINK.findall(statement.text):
        segment = [s for s in link.split("/") if s][-1]
        op = target.operation(segment)
        if op is not None and op.operation_id:
            yield Proposal(_kebab(op.operation_id), {"kind": "operation-added", "operation": op.operation_id})
    for url in _API_URL.findall(statement.text):
        method = _METHOD_WORD.search(statement.text)
        for ref in _operations_at(target, url, method.group(1) if method else None):
            yield Proposal(_kebab(ref), {"kind": "operation-added", "operation": ref})
    for name in _names(statement):
        if name in target.schemas:
            yield Proposal(_kebab(name, "schema"), {"kind": "schema-added", "schema": name})
        locations = _rank(index.locations(name), statement)
        if len(locations) > _MAX_LOCATIONS:
            owners = ", ".join(o for _, o in locations)
            yield Proposal(
                _kebab(name),
                {"kind": "property-added", "schema": "REVIEW", "property": name},
                comment=f"one of: {owners}",
            )
            continue
        for kind, owner in locations:
            key = "schema" if kind == "property-added" else "operation"
            yield Proposal(_kebab(owner, name), {"kind": kind, key: owner, "property": name})


def _what_the_specs_say(proposal: Proposal, base: Version, target: Version, payload: Any) -> str:
    fields = {k: v for k, v in proposal.asserts.items() if k != "kind"}
    if "REVIEW" in fields.values():
        return proposal.comment
    try:
        assertion = parse_assertion(proposal.asserts, "")
    except AssertionError_ as exc:
        return str(exc)
    now, before = assertion.check(target, payload), assertion.check(base, payload)
    if now.truth is Truth.TRUE and before.truth is Truth.TRUE:
        return f"specs say not-new: {before.why}"
    verdict = {Truth.TRUE: "holds", Truth.PARTLY: "partial", Truth.FALSE: "contradicted", Truth.UNKNOWN: "unverifiable"}
    return f"specs say {verdict[now.truth]}: {now.why}"


def _render(
    proposals: list[Proposal], leftovers: list[str], base: Version, target: Version, samples: Mapping[str, Any]
) -> str:
    lines = [
        f"# Drafted claims ({base.name} -> {target.name}). Review every entry against the specs, replace each REVIEW,",
        "# drop proposals that misread the text, and add doc-only/unverifiable claims where needed.",
        f"base: {json.dumps(base.name)}",
        f"target: {json.dumps(target.name)}",
        "claims:",
    ]
    for p in proposals:
        lines += [f"  - id: {p.id}", f"    quote: {json.dumps(p.quotes[0], ensure_ascii=False)}"]
        if len(p.quotes) > 1:
            lines.append(f"    also_quotes: {json.dumps(p.quotes[1:], ensure_ascii=False)}")
        lines.append(f"    asserts: {json.dumps(p.asserts, ensure_ascii=False)}")
        lines.append(f"    expected: REVIEW  # {_what_the_specs_say(p, base, target, samples.get(p.id))}")
    lines.append("not_claims:" if leftovers else "not_claims: []")
    for text in leftovers:
        lines += [f"  - quote: {json.dumps(text, ensure_ascii=False)}", "    reason: REVIEW"]
    return "\n".join(lines) + "\n"


def draft_claims(name: str, text: str, base: Version, target: Version) -> str:
    """Proposed claims for a changelog text, as a claims-file YAML document."""
    changelog = parse_changelog(name, text)
    proposals: dict[str, Proposal] = {}
    samples: dict[str, Any] = {}
    leftovers = []
    index = FieldIndex(target)
    for statement in changelog.statements:
        found = list(
            _from_code(statement, target) if statement.kind == "code" else _from_prose(statement, target, index)
        )
        quote = statement.text if statement.kind == "prose" else statement.text[:80]
        for proposal in found:
            kept = proposals.setdefault(proposal.id, proposal)
            if quote not in kept.quotes:
                kept.quotes.append(quote)
            if proposal.asserts["kind"] == "example-validates":
                samples[proposal.id] = payload_of(statement.raw)
        if not found and statement.kind == "prose" and statement.text not in leftovers:
            leftovers.append(statement.text)
    return _render(list(proposals.values()), leftovers, base, target, samples)
