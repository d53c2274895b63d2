"""Turning one statement into proposed assertions, or filing it with its reason.

The version diff is the backbone: a name the statement uses (``admin_assignee_id``, an enum value,
``GET /calls``) is matched to the diff entries that change something of that name, kept only when
they concern the operations (or schemas) the statement or its section is about. Names the diff
does not change are looked up in the target around those operations (a ``not-new`` finding is a
finding too), and a name the target lacks altogether becomes a proposal the specs contradict.
Statements naming nothing are filed (headings, widgets, links, tables) or become doc-only or
unverifiable claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..ir.model import Operation
from .diffindex import Candidate, DiffIndex
from .mentions import SENTENCE_SCAN, Mentions, read, without_link_targets
from .specquery import Version, body_schema, declared_names, iter_schema_refs, reachable, response_schema, table_row
from .statements import Statement
from .wording import (
    ADVICE,
    BEHAVIOUR,
    BREAKING,
    ELSEWHERE,
    ENDPOINTISH,
    NEW_API,
    REQUEST_WORDS,
    THIS,
    WIDGET,
    Phrases,
    is_heading,
    mentioned_as_context,
    model_phrases,
    tokens,
    value_of,
)


@dataclass
class Proposal:
    asserts: dict[str, Any]
    confidence: float
    evidence: str


@dataclass
class Filing:
    """A statement that is not a claim, with the reason a reviewer would give."""

    reason: str
    confidence: float


@dataclass
class Section:
    """What the statements since the last heading were about."""

    operations: list[Operation] = field(default_factory=list)
    schemas: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    located: list[tuple[str, str]] = field(default_factory=list)  # (schema, property) proposed so far


class Proposer:
    def __init__(self, base: Version, target: Version, index: DiffIndex) -> None:
        self.base, self.target, self.diff = base, target, index
        self.section = Section()
        self.mentions = Mentions()  # of the statement last proposed for
        self._bodies = {
            op.key: declared_names(target.schemas, body[0]) for op in target.api.operations if (body := body_schema(op))
        }
        self._reach: dict[str, set[str]] = {}
        self.phrases = Phrases(target)
        self._request_of = {
            str(op.body.schema.get("$ref", "")).rsplit("/", 1)[-1]: op
            for op in target.api.operations
            if op.body is not None and isinstance(op.body.schema, dict) and op.body.schema.get("$ref")
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

    # -- context -------------------------------------------------------------------------------
    def reachable_from(self, op: Operation) -> set[str]:
        if op.key not in self._reach:
            nodes: list[Any] = [op.body.schema if op.body else None, *(r.schema for r in op.responses)]
            self._reach[op.key] = {k for n in nodes for k in reachable(self.target.schemas, n)}
        return self._reach[op.key]

    def resolve(self, ref: str) -> Operation | None:
        method, _, path = ref.partition(" ")
        if method == "*":
            ops = [op for op in self.target.api.operations if self.target.operation(f"{op.method} {path}") is op]
            return next((op for op in ops if op.method == "get"), ops[0] if ops else None)
        return self.target.operation(ref)

    # -- the statement -------------------------------------------------------------------------
    def file(self, statement: Statement) -> Filing | None:
        text = statement.text
        if WIDGET.match(text):
            return Filing('interactive "try it" widget of the web page', 0.9)
        if text.startswith("|"):
            cells = [c.strip() for c in text.strip("|").split("|")]
            if all(not c or set(c) <= set("-: ") for c in cells) or not any("`" in c or "_" in c for c in cells):
                return Filing("table header", 0.8)
        return None

    def propose(self, statement: Statement) -> list[Proposal] | Filing:
        if statement.text.startswith("#") or (is_heading(statement) and not statement.text[:1].isdigit()):
            self.section = Section()
        heading = is_heading(statement)
        filed = self.file(statement)
        if filed is not None:
            return filed
        mentions = read(statement.text)
        self.mentions = mentions
        proposals = list(self._from(mentions, statement))
        searched = {p.asserts["field"] for p in proposals if p.asserts["kind"] == "searchable-field"}
        proposals = [p for p in proposals if p.asserts.get("property") not in searched]
        if proposals:
            return _unique(proposals)
        if heading:
            return Filing("section heading", 0.8)
        if BREAKING.search(statement.text[:SENTENCE_SCAN]):
            reason = "What breaks is listed item by item; the summary itself shows nothing in the specs."
            return [Proposal({"kind": "unverifiable", "reason": reason}, 0.6, "a summary of breaking changes")]
        if ELSEWHERE.search(without_link_targets(statement.text[:SENTENCE_SCAN])):
            return Filing("points to another page", 0.7)
        return self._prose_only(statement)

    def documented(self, statement: Statement) -> list[Proposal]:
        """The statement word for word in the description of a property the section is about."""
        text = statement.text.rstrip(".").strip()
        wanted = " ".join(text.split()).lower()
        out = []
        for schema, prop in self.section.located[-4:]:
            node = (self.target.schemas.get(schema) or {}).get("properties", {}).get(prop)
            described = " ".join(str((node or {}).get("description") or "").split()).lower()
            if len(wanted) > 12 and wanted in described:
                asserts = {"kind": "documented", "schema": schema, "property": prop, "text": text}
                out.append(Proposal(asserts, 0.6, f"{schema}.{prop} describes it in these words"))
        return out

    def locate(self, asserts: dict[str, Any]) -> None:
        """Remember a proposed property, as (schema, property), for the statements that follow."""
        prop, schema = asserts.get("property"), asserts.get("schema")
        if prop is None or "." in str(prop):
            return
        if schema is None and asserts.get("operation") is not None:
            op = self.target.operation(str(asserts["operation"]))
            ref = op.body.schema.get("$ref") if op is not None and op.body is not None else None
            schema = str(ref).rsplit("/", 1)[-1] if isinstance(ref, str) else None
        if schema is not None and (str(schema), str(prop)) not in self.section.located:
            self.section.located.append((str(schema), str(prop)))

    def _prose_only(self, statement: Statement) -> list[Proposal]:
        found = self.documented(statement)
        if found:
            return found
        if BEHAVIOUR.search(statement.text[:SENTENCE_SCAN]) and not ADVICE.search(statement.text[:SENTENCE_SCAN]):
            reason = "Behaviour the spec does not describe (permissions, notifications, product UI)."
            return [Proposal({"kind": "unverifiable", "reason": reason}, 0.5, "prose naming nothing the specs declare")]
        reason = "Explanation or advice; names nothing the specs declare."
        return [Proposal({"kind": "doc-only", "reason": reason}, 0.5, "prose naming nothing the specs declare")]

    def _from(self, mentions: Mentions, statement: Statement) -> Iterator[Proposal]:
        own: list[Operation] = []
        for ref in mentions.operations:
            op = self.resolve(ref)
            if op is not None and op not in own:
                own.append(op)
        bare = without_link_targets(statement.text)[:SENTENCE_SCAN]
        mentions.sends = REQUEST_WORDS.search(bare) is not None
        weak: set[str] = set()  # named in passing ("when you retrieve a Ticket, ..."): context, not news
        for op, at in self.phrases.find(bare):
            if op not in own:
                own.append(op)
                mentions.operations.append(op.key)
                if at > 6 or "when you" in bare.lower() or is_heading(statement):
                    weak.add(op.key)
        path_names = {p.name for op in own for p in op.path_parameters}
        schemas = [n for n in mentions.names if n in self.target.schemas]
        schemas += [k for k in model_phrases(statement.text) if k in self.target.schemas and k not in schemas]
        if own:
            self.section = Section(list(own), [], self.section.names, self.section.located)
        context = own or self.section.operations
        self.section.schemas += [s for s in schemas if s not in self.section.schemas]
        names = [n for n in mentions.names if n not in path_names]
        named = [p for name in names for p in self._name(name, mentions, context, schemas or self.section.schemas)]
        if names:
            self.section.names = names
        elif mentions.default is not None or mentions.nullable or (own and THIS.search(statement.text[:SENTENCE_SCAN])):
            section = self.section
            named = [p for name in section.names for p in self._name(name, mentions, context, section.schemas)]
        yield from named
        yield from self._operations(mentions, statement, weak, bool(named))
        if not own and not names and NEW_API.search(statement.text[:SENTENCE_SCAN]):
            for op in self.section.operations:
                new = op.key in self.diff.added_operations
                ident = op.key if new else op.operation_id or op.key
                yield Proposal({"kind": "operation-added", "operation": ident}, 0.7, "a new API the section names")
        yield from self._statuses(mentions, context)
        for value in mentions.version_values:
            yield Proposal({"kind": "version-header", "value": value}, 0.8, "Intercom-Version value named")
        if mentions.searchable:
            yield from self._searchable(names, context)

    # -- operations ----------------------------------------------------------------------------
    def _operations(self, mentions: Mentions, statement: Statement, weak: set[str], named: bool) -> Iterator[Proposal]:
        text = without_link_targets(statement.text)[:SENTENCE_SCAN]
        for ref in mentions.operations:
            op = self.resolve(ref)
            if op is None:
                yield from self._missing_operation(ref, mentions)
                continue
            if op.key in self.diff.added_operations:
                yield Proposal({"kind": "operation-added", "operation": op.key}, 0.9, f"diff: {op.key} added")
            elif mentions.removed and not mentions.added and not named:
                yield Proposal(
                    {"kind": "operation-removed", "operation": op.key}, 0.6, f"{op.key} is in {self.target.name}"
                )
            elif not named and op.key not in weak and ENDPOINTISH.search(text) and not mentioned_as_context(text, ref):
                ident = op.operation_id or op.key
                yield Proposal(
                    {"kind": "operation-added", "operation": ident}, 0.6, f"{op.key} named; already in {self.base.name}"
                )

    def _missing_operation(self, ref: str, mentions: Mentions) -> Iterator[Proposal]:
        method, _, path = ref.partition(" ")
        if not path.startswith("/") or method == "*":
            return
        if self.base.operation(ref) is not None or mentions.removed:
            yield Proposal({"kind": "operation-removed", "operation": ref}, 0.8, f"{ref}: not in {self.target.name}")
        else:
            yield Proposal({"kind": "operation-added", "operation": ref}, 0.6, f"{ref}: in neither version")

    def _statuses(self, mentions: Mentions, context: list[Operation]) -> Iterator[Proposal]:
        for op in context[:3]:
            for status in mentions.statuses:
                yield Proposal(
                    {"kind": "response-status", "operation": op.key, "status": status}, 0.6, f"status {status} named"
                )
            for media in mentions.media_types:
                yield Proposal(
                    {"kind": "response-content-type", "operation": op.key, "content_type": media}, 0.6, f"{media} named"
                )

    def _searchable(self, names: list[str], context: list[Operation]) -> Iterator[Proposal]:
        searches = [op for op in context if "search" in op.path] or [
            op for op in self.target.api.operations if op.path.endswith("/search")
        ]
        for name in names:
            for op in searches:
                if table_row(op.description, name):
                    ident = op.operation_id or op.key
                    yield Proposal(
                        {"kind": "searchable-field", "operation": ident, "field": name}, 0.7, f"{op.key} lists {name}"
                    )

    # -- names -----------------------------------------------------------------------------------
    def _name(self, name: str, mentions: Mentions, context: list[Operation], schemas: list[str]) -> list[Proposal]:
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
        return [Proposal(self._as_body(dict(c.asserts), context), confidence, c.evidence) for c in kept[:6]]

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


def _owner(proposal: Proposal) -> str:
    owner = str(proposal.asserts.get("schema") or proposal.asserts.get("operation") or "")
    return re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", owner)


def _unique(proposals: list[Proposal]) -> list[Proposal]:
    seen: dict[str, Proposal] = {}
    for p in proposals:
        key = repr(sorted(p.asserts.items(), key=lambda kv: kv[0]))
        if key not in seen or seen[key].confidence < p.confidence:
            seen[key] = p
    return list(seen.values())
