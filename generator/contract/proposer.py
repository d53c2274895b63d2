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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..ir.model import Operation
from ..ir.schema import component_of
from .diffindex import DiffIndex
from .mentions import SENTENCE_SCAN, Mentions, read, without_link_targets
from .placing import Placer, Proposal, Section, values_named
from .specquery import Version, table_row
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
)


@dataclass
class Filing:
    """A statement that is not a claim, with the reason a reviewer would give."""

    reason: str
    confidence: float


class Proposer(Placer):
    def __init__(self, base: Version, target: Version, index: DiffIndex) -> None:
        super().__init__(base, target, index)
        self.section = Section()
        self.mentions = Mentions()  # of the statement last proposed for
        self.phrases = Phrases(target)

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
            schema = component_of(op.body.schema) if op is not None and op.body is not None else None
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

    def _own_operations(self, mentions: Mentions, statement: Statement) -> tuple[list[Operation], set[str]]:
        """The operations a statement names, and those of them it names only in passing."""
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
                if at > 6 or "when you" in bare.lower():
                    weak.add(op.key)
        if is_heading(statement):  # a heading names what its section is about; the news is below it
            weak |= {op.key for op in own}
        return own, weak

    def _from(self, mentions: Mentions, statement: Statement) -> Iterator[Proposal]:
        own, weak = self._own_operations(mentions, statement)
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
        yield from values_named(named, mentions)
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


def _unique(proposals: list[Proposal]) -> list[Proposal]:
    seen: dict[str, Proposal] = {}
    for p in proposals:
        key = repr(sorted(p.asserts.items(), key=lambda kv: kv[0]))
        if key not in seen or seen[key].confidence < p.confidence:
            seen[key] = p
    return list(seen.values())
