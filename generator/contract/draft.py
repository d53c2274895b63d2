"""Drafting a claims file from a changelog text: the review a maintainer would do, proposed.

For every statement the draft proposes what a careful reading finds (``proposer``), with the
version diff between ``base`` and ``target`` as its backbone (``diffindex``):
- endpoints named as ```GET /calls``` (placeholders normalised), links into the API reference and
  ``https://api.intercom.io/...`` paths -> operation added or removed;
- names (fields, parameters, enum values, nested ``a.b`` paths) -> the diff entries changing
  them, kept when they concern the operation the statement or its section is about; names the
  diff does not change are looked up around that operation; names the target lacks are
  proposed as the specs give them: contradicted;
- what the statement says of a name: a default, a maximum, a type, null;
- code samples -> their payload held to the request or response body;
- headings, widgets, links, table headers -> not claims, with their reason; other prose ->
  doc-only or unverifiable claims.

Each proposal's ``expected`` is the verdict the specs give (so a draft accepted as it stands is a
contract that passes), and each entry carries ``drafted: "confidence ...; evidence"``. The
``drafted:`` marks are the review: until a reviewer removes them, ``intercom-gen contract``
reports the file as unreviewed and fails.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.naming import words
from ..ir.schema import component_of, is_ref
from .diffindex import DiffIndex
from .evaluate import pair_verdict
from .kinds import AssertionError_, parse_assertion
from .mentions import SENTENCE_SCAN, without_link_targets
from .placing import Proposal
from .proposer import Filing, Proposer
from .samples import payload_of
from .specquery import Version, body_schema, declared_names
from .statements import Statement, parse_changelog
from .wording import is_heading

__all__ = ["draft_claims", "without_link_targets"]
_API_URL = re.compile(r"https?://api\.intercom\.io(/[^\s'\"\\]*)")
_CURL_METHOD = re.compile(r"-X\s+([A-Z]+)")
_REQUEST_LINE = re.compile(r"^(?:```[A-Za-z0-9_+-]*\s+)?(GET|POST|PUT|PATCH|DELETE)\s+(/\S*)")
_MAX_LOCATIONS = 4
_INTRO = re.compile(r"(example|the following|looks like|as follows|below)\b[^.]*[.:]?$|:$", re.I)


@dataclass
class Drafted:
    id: str
    asserts: dict[str, Any]
    expected: str
    note: str
    quotes: list[str] = field(default_factory=list)


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
            if body is not None and not is_ref(body[0]):
                self._bodies.append((op.operation_id or op.key, declared_names(version.schemas, body[0])))
        self._requests = {
            (component_of(op.body.schema) or ""): op.operation_id or op.key
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
    """Keep the locations whose owner's words the statement uses most (none when no owner is named)."""
    context = _stems(statement.text)  # once per statement (cached), not once per name
    scored = [(len(_stems(owner) & context), (kind, owner)) for kind, owner in locations]
    best = max((score for score, _ in scored), default=0)
    if best:
        return [location for score, location in scored if score == best]
    return locations if len(locations) <= 2 else []


_PREPARED: dict[tuple[int, int], tuple[Version, Version, DiffIndex, FieldIndex]] = {}


def _indexes(base: Version, target: Version) -> tuple[DiffIndex, FieldIndex]:
    """The diff and field indexes of a version pair, built once per pair (drafts of several texts share them)."""
    key = (id(base), id(target))
    found = _PREPARED.get(key)
    if found is None or found[0] is not base or found[1] is not target:
        if len(_PREPARED) >= 4:
            _PREPARED.clear()
        found = _PREPARED[key] = (base, target, DiffIndex(base, target), FieldIndex(target))
    return found[2], found[3]


def _kebab(*parts: str) -> str:
    text = "-".join(parts)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", text)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-") or "claim"


def _claim_id(asserts: Mapping[str, Any]) -> str:
    kind = str(asserts["kind"])
    parts = [
        str(asserts[k])
        for k in ("operation", "schema", "property", "parameter", "field", "value", "status")
        if asserts.get(k) not in (None, "")
    ]
    if kind in ("doc-only", "unverifiable"):
        return kind
    return _kebab(*parts, kind.rsplit("-", maxsplit=1)[-1] if kind.endswith(("removed", "changed")) else "") or _kebab(
        kind
    )


class Drafter:
    def __init__(self, name: str, text: str, base: Version, target: Version) -> None:
        self.changelog = parse_changelog(name, text)
        self.base, self.target = base, target
        diff, self.fields = _indexes(base, target)
        self.proposer = Proposer(base, target, diff)
        self.claims: dict[str, Drafted] = {}
        self.by_assertion: dict[str, str] = {}
        self.not_claims: list[tuple[str, str, float]] = []
        self.previous = ""
        self.pending: list[tuple[str, Filing | Proposal]] = []  # a heading or an intro, waiting for what follows
        self.added: list[str] = []  # claim ids the current statement added
        self.deferred: set[str] = set()  # intros already kept waiting past one statement

    def run(self) -> str:
        for statement in self.changelog.statements:
            waiting, self.pending, self.added = self.pending, [], []
            if statement.kind == "code":
                self.code(statement)
            else:
                self.prose(statement)
            self.settle(waiting, statement)
            self.previous = statement.text
        self.settle(self.pending, None)
        return self.render()

    def settle(self, waiting: list[tuple[str, Filing | Proposal]], statement: Statement | None) -> None:
        """A heading joins the claim of the statement it heads, an intro the claim of its sample (one
        sentence may come between); else each is filed as it would have been alone."""
        structural = [c for c in self.added if self.claims[c].asserts["kind"] not in ("doc-only",)]
        for quote, held in waiting:
            is_intro = isinstance(held, Proposal)
            if statement is not None and statement.text.startswith("#") and not is_intro:
                joins = False  # a heading over a heading heads a part of the page, not a claim
            elif is_intro and statement is not None and statement.kind != "code" and quote not in self.deferred:
                self.deferred.add(quote)
                self.pending.append((quote, held))
                continue
            else:
                joins = bool(structural) and (not is_intro or (statement is not None and statement.kind == "code"))
            if joins:
                self.claims[structural[0]].quotes.append(quote)
            elif isinstance(held, Filing):
                self.not_claims.append((quote, held.reason, held.confidence))
            else:
                self.add(held, quote, None)

    # -- statements ------------------------------------------------------------------------------
    def prose(self, statement: Statement) -> None:
        found = self.proposer.propose(statement)
        if isinstance(found, Filing):
            if found.reason == "section heading":
                self.pending.append((statement.text, found))
            else:
                self.not_claims.append((statement.text, found.reason, found.confidence))
            return
        if all(p.asserts["kind"] in ("doc-only", "unverifiable") for p in found) and not is_heading(statement):
            located = self.fallback(statement)
            found = located or found
        if (
            len(found) == 1
            and found[0].asserts["kind"] == "doc-only"
            and len(statement.text) < SENTENCE_SCAN
            and _INTRO.search(statement.text)
        ):
            self.pending.append((statement.text, found[0]))
            return
        for proposal in found:
            self.add(proposal, statement.text, None)

    def fallback(self, statement: Statement) -> list[Proposal]:
        """Names the proposer could not place: every schema or body declaring them, ranked by the words used."""
        out = []
        for name in self.proposer.mentions.names:
            locations = self.fields.locations(name)
            if len(locations) > 1:
                locations = _rank(locations, statement)
            for kind, owner in locations[:_MAX_LOCATIONS]:
                key = "schema" if kind == "property-added" else "operation"
                out.append(Proposal({"kind": kind, key: owner, "property": name}, 0.4, f"{owner} declares {name}"))
        return out

    def code(self, statement: Statement) -> None:
        raw = statement.raw
        try:
            payload = payload_of(raw)
        except ValueError:
            self.code_operation(statement)
            return
        op_ref, status = self.sample_target(statement, payload)
        if op_ref is None:
            return
        asserts: dict[str, Any] = {"kind": "example-validates", **op_ref}
        if status is not None:
            asserts["status"] = status
        self.add(Proposal(asserts, 0.7, "the sample's payload"), statement.text[:80], payload)

    def code_operation(self, statement: Statement) -> None:
        """A sample without a payload still tells which operation a section is about."""
        target = self.sample_operation(statement.raw)
        if target is not None and target not in self.proposer.section.operations:
            self.proposer.section.operations.append(target)

    def sample_operation(self, raw: str) -> Any:
        line = _REQUEST_LINE.match(raw.strip())
        if line is not None:
            return self.target.operation(f"{line.group(1)} {line.group(2).split('?')[0]}")
        url = _API_URL.search(raw)
        if url is None:
            return None
        method = _CURL_METHOD.search(raw)
        path = url.group(1).split("?")[0].rstrip("/'") or "/"
        return self.proposer.resolve(f"{method.group(1) if method else 'GET'} {path}")

    def sample_target(self, statement: Statement, payload: Any) -> tuple[dict[str, str] | None, str | None]:
        op = self.sample_operation(statement.raw)
        if op is not None:
            if op not in self.proposer.section.operations:
                self.proposer.section.operations.append(op)
            return {"operation": op.operation_id or op.key}, None
        if (
            isinstance(payload, Mapping)
            and str(payload.get("type")) in self.target.schemas
            and "response" not in self.previous.lower()
        ):
            return {"schema": str(payload.get("type"))}, None
        section = self.proposer.section.operations
        if section:
            op = section[-1]
            if "response" in self.previous.lower() or op.body is None:
                status = op.result.status or "200"
                return {"operation": op.operation_id or op.key}, status
            return {"operation": op.operation_id or op.key}, None
        if isinstance(payload, Mapping) and str(payload.get("type")) in self.target.schemas:
            return {"schema": str(payload.get("type"))}, None
        return None, None

    # -- proposals -----------------------------------------------------------------------------
    def add(self, proposal: Proposal, quote: str, payload: Any) -> None:
        try:
            assertion = parse_assertion(proposal.asserts, "")
        except AssertionError_:
            return
        key = json.dumps(assertion.as_dict(), sort_keys=True)
        if assertion.evidence != "none" and key in self.by_assertion:
            kept = self.claims[self.by_assertion[key]]
            if quote not in kept.quotes:
                kept.quotes.append(quote)
            self.added.append(kept.id)
            return
        if assertion.evidence == "none":
            verdict, reason, base_id = assertion.kind, proposal.evidence, _kebab(*quote.split()[:6])
        else:
            item = pair_verdict(assertion, self.base, self.target, payload)
            if assertion.needs_payload and item.verdict == "contradicted" and "sample" not in item.reason:
                return  # the sample belongs to no body the section names
            verdict, reason, base_id = item.verdict, item.reason, _claim_id(assertion.as_dict())
        note = f"confidence {proposal.confidence:.1f}; {proposal.evidence}; specs: {reason}"
        claim_id = self.unique(base_id)
        self.claims[claim_id] = Drafted(claim_id, assertion.as_dict(), verdict, note, [quote])
        self.by_assertion[key] = claim_id
        self.added.append(claim_id)
        self.proposer.locate(proposal.asserts)

    def unique(self, base_id: str) -> str:
        claim_id, count = base_id, 1
        while claim_id in self.claims:
            count += 1
            claim_id = f"{base_id}-{count}"
        return claim_id

    def render(self) -> str:
        lines = [
            f"# Drafted claims ({self.base.name} -> {self.target.name}). Each entry says what the specs show; review",
            "# it against the changelog and the specs, fix what misreads the text, then delete its `drafted:` line.",
            "# `intercom-gen contract` reports this file as unreviewed while any `drafted:` line is left.",
            f"base: {json.dumps(self.base.name)}",
            f"target: {json.dumps(self.target.name)}",
            "claims:" if self.claims else "claims: []",
        ]
        for claim in self.claims.values():
            lines += [f"  - id: {claim.id}", f"    quote: {_json(claim.quotes[0])}"]
            if len(claim.quotes) > 1:
                lines.append(f"    also_quotes: {_json(claim.quotes[1:])}")
            lines.append(f"    asserts: {_json(claim.asserts)}")
            lines.append(f"    expected: {claim.expected}")
            lines.append(f"    drafted: {_json(claim.note)}")
        lines.append("not_claims:" if self.not_claims else "not_claims: []")
        for text, reason, confidence in self.not_claims:
            lines += [f"  - quote: {_json(text)}", f"    reason: {_json(reason)}"]
            lines.append(f"    drafted: {_json(f'confidence {confidence:.1f}')}")
        return "\n".join(lines) + "\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def draft_claims(name: str, text: str, base: Version, target: Version) -> str:
    """Proposed claims for a changelog text, as a claims-file YAML document."""
    return Drafter(name, text, base, target).run()
