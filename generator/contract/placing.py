"""Placing a name a statement uses: on the diff entries that change it, or in the target around the
operations (and schemas) the statement or its section is about.

The order is the review's: a diff entry in context; else the target around that context (a
request body for something sent, a parameter, a schema in the response); else a diff entry
elsewhere; else, for a name the target declares nowhere, a proposal the specs contradict. What the
statement says of the name (a default, a bound, a type, null) then refines the proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..ir.model import Operation
from ..ir.schema import component_of
from .diffindex import Candidate, DiffIndex
from .mentions import Mentions
from .specquery import Version, body_schema, declared_names, iter_schema_refs, reachable, response_schema
from .wording import REQUEST_WORDS, tokens, value_of


@dataclass
class Proposal:
    asserts: dict[str, Any]
    confidence: float
    evidence: str


@dataclass
class Section:
    """What the statements since the last heading were about."""

    operations: list[Operation] = field(default_factory=list)
    schemas: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    located: list[tuple[str, str]] = field(default_factory=list)  # (schema, property) proposed so far


class Placer:
    """The target's indexes, and the methods placing one name."""

    def __init__(self, base: Version, target: Version, index: DiffIndex) -> None:
        self.base, self.target, self.diff = base, target, index
        self._bodies = {
            op.key: declared_names(target.schemas, body[0]) for op in target.api.operations if (body := body_schema(op))
        }
        self._reach: dict[str, set[str]] = {}
        self._request_of = {
            key: op
            for op in target.api.operations
            if op.body is not None and (key := component_of(op.body.schema)) is not None
        }
        self._schema_fields = {
            key: set(node.get("properties") or {}) if isinstance(node, dict) else set()
            for key, node in target.schemas.items()
        }
        self._summaries = {op.key: frozenset(tokens(op.summary)) for op in target.api.operations}
        self._sending: dict[str, list[Operation]] = {}
        for op in target.api.operations:
            for name in self._bodies.get(op.key, set()):
                self._sending.setdefault(name, []).append(op)
        self._declared: set[str] = set().union(*self._schema_fields.values(), *self._bodies.values())
        self._declared |= {p.name for op in target.api.operations for p in op.parameters}

    def reachable_from(self, op: Operation) -> set[str]:
        if op.key not in self._reach:
            nodes: list[Any] = [op.body.schema if op.body else None, *(r.schema for r in op.responses)]
            self._reach[op.key] = {k for n in nodes for k in reachable(self.target.schemas, n)}
        return self._reach[op.key]

    # -- names -----------------------------------------------------------------------------------
    def _name(self, name: str, mentions: Mentions, context: list[Operation], schemas: list[str]) -> list[Proposal]:
        head, _, rest = name.partition(".")
        if rest and (head in self.target.schemas or head in self.base.schemas):
            name, schemas = rest, [head]  # `schema.property`, as changelogs write a field of a named object
        schemas = [key for key in schemas if key != name]
        found = self._from_diff(name, mentions, context, schemas, stale=False)
        if not found and name not in self.target.schemas:
            found = self._from_target(name, context, schemas, mentions)
        if not found:
            found = self._from_diff(name, mentions, context, schemas, stale=True)
        return [self._refine(p, mentions) for p in self._closest(found, mentions)]

    def _closest(self, proposals: list[Proposal], mentions: Mentions) -> list[Proposal]:
        """Of several owners, those whose words the statement uses ("For conversations" -> conversation_part)."""
        if len(proposals) < 2 or not all("schema" in p.asserts for p in proposals):
            return proposals
        context = mentions.stems
        scored = [(len(set(tokens(_owner(p))) & context), p) for p in proposals]
        best = max(score for score, _ in scored)
        return [p for score, p in scored if score == best] if best else proposals

    def _from_diff(
        self, name: str, mentions: Mentions, context: list[Operation], schemas: list[str], *, stale: bool
    ) -> list[Proposal]:
        candidates = self.diff.named(name)
        if not candidates:
            return []
        wanted = "removed" if mentions.removed and not mentions.added else "changed" if mentions.changed else "added"
        preferred = [c for c in candidates if c.direction == wanted] or candidates
        kept = self._in_context(preferred, context, schemas)
        if stale:  # the diff changes it elsewhere than the section is about
            kept = preferred if not kept and len(preferred) <= 6 else []
        elif (
            kept
            and len(preferred) <= 3
            and {(c.asserts["kind"], c.asserts.get("property")) for c in preferred} == {("body-property-added", name)}
        ):
            kept = preferred  # one field added to a few request bodies: the text names some, the diff all
        fields = [c for c in kept if c.asserts["kind"] != "schema-added"]
        kept = fields or kept
        value_named = [c for c in kept if str(c.asserts.get("value", "")).lower() == name.lower()]
        kept = value_named or kept
        confidence = 0.5 if stale else 0.9 if context or schemas else 0.7
        found = [Proposal(self._as_body(dict(c.asserts), context), confidence, c.evidence) for c in kept[:6]]
        sent = [p for p in found if p.asserts["kind"] == "body-property-added"]
        return sent if mentions.sends and sent else found

    def _as_body(self, asserts: dict[str, Any], context: list[Operation]) -> dict[str, Any]:
        """A property of a request schema is a property of the request body of the operation sending it."""
        op = self._request_of.get(str(asserts.get("schema")))
        if asserts["kind"] != "property-added" or op is None or (context and op not in context):
            return asserts
        return {"kind": "body-property-added", "operation": op.operation_id or op.key, "property": asserts["property"]}

    def _in_context(self, candidates: list[Candidate], context: list[Operation], schemas: list[str]) -> list[Candidate]:
        if schemas:
            by_schema = [c for c in candidates if c.asserts.get("schema") in schemas]
            if by_schema:
                return by_schema
        if context:
            keys = {op.key for op in context}
            return [c for c in candidates if c.operations & keys]
        return candidates if len(candidates) <= 4 else []

    def _requests_for(self, name: str, mentions: Mentions) -> list[Proposal]:
        """A name the statement says is sent ("pass x when creating the attribute"): the request bodies
        declaring it whose summary the statement's words match best."""
        scored = [(len(self._summaries[op.key] & mentions.stems), op) for op in self._sending.get(name, [])]
        best = max((score for score, _ in scored), default=0)
        if best < 2:
            return []
        return [
            Proposal(
                {"kind": "body-property-added", "operation": op.operation_id or op.key, "property": name},
                0.6,
                f"{op.key} ({op.summary}) takes {name}",
            )
            for score, op in scored
            if score == best
        ]

    def _from_target(
        self, name: str, context: list[Operation], schemas: list[str], mentions: Mentions
    ) -> list[Proposal]:
        if not context and mentions.sends:
            sent = self._requests_for(name, mentions)
            if sent:
                return sent
        out: list[Proposal] = []
        for key in schemas:
            if name in self._schema_fields.get(key, set()):
                out.append(
                    Proposal({"kind": "property-added", "schema": key, "property": name}, 0.6, f"{key} declares {name}")
                )
        for op in context[:4]:
            if any(p.name == name for p in op.parameters):
                out.append(
                    Proposal(
                        {"kind": "parameter-added", "operation": op.key, "parameter": name},
                        0.6,
                        f"{op.key} takes {name}",
                    )
                )
            elif name in self._bodies.get(op.key, set()):
                ident = op.operation_id or op.key
                out.append(
                    Proposal(
                        {"kind": "body-property-added", "operation": ident, "property": name},
                        0.6,
                        f"{op.key} body declares {name}",
                    )
                )
            elif not schemas:
                out += self._in_response(op, name)
        if out or not (context or schemas) or not (mentions.added or mentions.changed) or self.diff.named(name):
            return out
        if name in self._declared:
            return []  # declared elsewhere: the statement's context is off, not the spec
        return self._lacking(name, context, schemas, mentions)

    def _in_response(self, op: Operation, name: str) -> list[Proposal]:
        response = response_schema(op)
        if response is None:
            return []
        direct = list(iter_schema_refs(response[0]))
        ordered = direct + sorted(self.reachable_from(op) - set(direct))
        for key in ordered:
            if name in self._schema_fields.get(key, set()):
                asserts = {"kind": "property-added", "schema": key, "property": name, "via": op.operation_id or op.key}
                return [Proposal(asserts, 0.6, f"{key} (in the response of {op.key}) declares {name}")]
        return []

    def _lacking(self, name: str, context: list[Operation], schemas: list[str], mentions: Mentions) -> list[Proposal]:
        """A name the target does not declare where the statement puts it: the specs contradict it."""
        if schemas:
            return [
                Proposal(
                    {"kind": "property-added", "schema": schemas[0], "property": name},
                    0.5,
                    f"{schemas[0]} lacks {name}",
                )
            ]
        op = context[0]
        if op.body is not None and (op.method != "get") and REQUEST_WORDS.search(" ".join(mentions.names) + " request"):
            ident = op.operation_id or op.key
            return [
                Proposal(
                    {"kind": "body-property-added", "operation": ident, "property": name},
                    0.4,
                    f"{op.key} body lacks {name}",
                )
            ]
        response = response_schema(op)
        keys = list(iter_schema_refs(response[0])) if response else []
        if keys:
            asserts = {"kind": "property-added", "schema": keys[0], "property": name, "via": op.operation_id or op.key}
            return [Proposal(asserts, 0.4, f"{keys[0]} (the response of {op.key}) lacks {name}")]
        return []

    def _where_sent(self, where: dict[str, Any]) -> dict[str, Any]:
        """A default is the server's for what a client leaves out: of a schema's field, the one create
        operation whose request body takes it, when there is exactly one."""
        if "schema" not in where or "property" not in where:
            return where
        creates = [
            op
            for op in self._sending.get(str(where["property"]), [])
            if op.method == "post"
            and op.summary.lower().startswith("create")
            and where["schema"] in self.reachable_from(op)
        ]
        if len(creates) != 1:
            return where
        return {"operation": creates[0].operation_id or creates[0].key, "property": where["property"]}

    def _refine(self, proposal: Proposal, mentions: Mentions) -> Proposal:
        """A located name with what the statement says of it: a default, a bound, a type, nullability."""
        asserts = proposal.asserts
        if asserts["kind"] not in ("property-added", "body-property-added", "parameter-added"):
            return proposal
        where = {k: v for k, v in asserts.items() if k in ("schema", "operation", "property", "parameter")}
        if mentions.default is not None:
            where = self._where_sent(where)
            asserts = {"kind": "default-value", **where, "default": value_of(mentions.default)}
            return Proposal(asserts, 0.6, proposal.evidence)
        if mentions.maximum is not None or mentions.minimum is not None:
            bounds = {k: v for k, v in (("maximum", mentions.maximum), ("minimum", mentions.minimum)) if v is not None}
            return Proposal({"kind": "limit", **where, **bounds}, 0.6, proposal.evidence)
        if mentions.new_type is not None:
            return Proposal({"kind": "type-changed", **where, "type": mentions.new_type}, 0.6, proposal.evidence)
        if mentions.nullable and "parameter" not in where:
            return Proposal({"kind": "nullability", **where, "nullable": True}, 0.5, proposal.evidence)
        return proposal


def values_named(proposals: list[Proposal], mentions: Mentions) -> list[Proposal]:
    """When a statement names enum values, only those: not every value the diff changes on the property."""
    named = {n.lower() for n in mentions.names}
    values = [p for p in proposals if "value" in p.asserts and p.asserts["kind"].startswith("enum-")]
    if not any(str(p.asserts["value"]).lower() in named for p in values):
        return proposals
    return [p for p in proposals if p not in values or str(p.asserts["value"]).lower() in named]


def _owner(proposal: Proposal) -> str:
    owner = str(proposal.asserts.get("schema") or proposal.asserts.get("operation") or "")
    return re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", owner)
