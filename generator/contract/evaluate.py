"""Holding one changelog's claims to the specs: verdicts, evidence and statement coverage.

Verdicts, per assertion:
- ``holds``: true in the target version and not before (or, for a backport naming versions,
  true in every version it names);
- ``not-new``: true in the target, but already true in the base version;
- ``partial``: only part of it is true (some variants, some versions, some items);
- ``contradicted``: the target spec shows otherwise;
- ``unverifiable``: the spec cannot tell (e.g. it declares no default), or the claim is about
  behaviour the spec does not describe;
- ``doc-only``: advice or explanation, nothing to check; or something the spec's prose or examples
  say (``documented``, ``request-example``, ``searchable-field``) that no generated client shows.
A claim with several assertions gets their common verdict, or ``partial`` when they differ
(documentation items alongside structural ones do not make it partial).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.diagnostics import Diagnostics
from ..spec.load import read_text
from .checks import Evidence, Finding, Truth
from .claims import ChangelogEntry, Claim, ClaimsFile, load_claims
from .kinds import Assertion
from .samples import payload_of
from .specquery import Version
from .statements import Changelog, Statement, parse_changelog

CODE_SAMPLE = "code sample"


@dataclass(frozen=True)
class ItemResult:
    assertion: Assertion
    verdict: str
    reason: str
    evidence: tuple[Evidence, ...] = ()
    findings: Mapping[str, Finding] = field(default_factory=dict)  # by version name


@dataclass(frozen=True)
class ClaimResult:
    changelog: str
    claim: Claim
    verdict: str
    reason: str
    items: tuple[ItemResult, ...]
    problem: str = ""  # set when the claim itself is broken (unknown name, quote not found ...)
    payload: Any = None  # the sample an example-validates claim quotes

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(e for item in self.items for e in item.evidence)

    @property
    def as_expected(self) -> bool:
        return self.verdict == self.claim.expected


@dataclass(frozen=True)
class StatementResult:
    statement: Statement
    claims: tuple[str, ...]
    reasons: tuple[str, ...]  # not-a-claim reasons

    @property
    def covered(self) -> bool:
        return bool(self.claims or self.reasons)


@dataclass(frozen=True)
class ChangelogResult:
    entry: ChangelogEntry
    claims_file: ClaimsFile
    changelog: Changelog
    claims: tuple[ClaimResult, ...]
    statements: tuple[StatementResult, ...]

    @property
    def name(self) -> str:
        return self.entry.version

    @property
    def uncovered(self) -> tuple[StatementResult, ...]:
        return tuple(s for s in self.statements if not s.covered)


def describe(a: Assertion) -> str:
    """A short label for an assertion: ``conversation_part.state``, ``deleteTicket`` ..."""
    return a.label()


def unknown_references(a: Assertion, versions: Mapping[str, Version]) -> list[str]:
    """Names in ``a`` that no registered version knows (typos rather than findings)."""
    problems = []
    for name in a.schema_refs():
        if not any(name in v.schemas for v in versions.values()):
            problems.append(f"unknown schema {name!r} (in no registered version)")
    for name in a.operation_refs():
        if name.partition(" ")[2].startswith("/"):
            continue  # an endpoint written out: that no version has it is a finding, not a typo
        if not any(v.operation(name) is not None for v in versions.values()):
            problems.append(f"unknown operation {name!r} (in no registered version)")
    for name in a.tag_refs():
        if not any(v.tag_description(name) is not None for v in versions.values()):
            problems.append(f"unknown tag {name!r} (in no registered version)")
    return problems


def _new(a: Assertion, why: str) -> tuple[str, str]:
    """The verdict of something true in the target and new: ``doc-only`` when only prose or examples show it."""
    if a.evidence == "documentation":
        return "doc-only", f"{why} (documentation only: the generated client shows nothing of it)"
    return "holds", why


def pair_verdict(a: Assertion, base: Version, target: Version, payload: Any) -> ItemResult:
    """The verdict of one assertion measured from ``base`` to ``target``."""
    check = a.check
    now = check(target, payload)
    if now.truth is Truth.FALSE:
        return ItemResult(a, "contradicted", now.why, now.evidence, {target.name: now})
    if now.truth is Truth.PARTLY:
        return ItemResult(a, "partial", now.why, now.evidence, {target.name: now})
    if now.truth is Truth.UNKNOWN:
        return ItemResult(a, "unverifiable", now.why, now.evidence, {target.name: now})
    before = check(base, payload)
    findings = {target.name: now, base.name: before}
    if before.truth is Truth.TRUE:
        return ItemResult(
            a, "not-new", f"already so in {base.name}: {before.why}", now.evidence + before.evidence, findings
        )
    verdict, why = _new(a, now.why)
    return ItemResult(a, verdict, why, now.evidence, findings)


def _versions_verdict(a: Assertion, versions: list[Version], payload: Any) -> ItemResult:
    findings = {v.name: a.check(v, payload) for v in versions}
    truths = {f.truth for f in findings.values()}
    evidence = tuple(e for f in findings.values() for e in f.evidence)
    named = ", ".join(findings)
    if truths == {Truth.TRUE}:
        verdict, why = _new(a, f"true in each of {named}")
        return ItemResult(a, verdict, why, evidence, findings)
    verdict = "partial"
    if Truth.UNKNOWN in truths:
        verdict = "unverifiable"
    elif truths == {Truth.FALSE}:
        verdict = "contradicted"
    reason = "; ".join(f.why for f in findings.values() if f.truth is not Truth.TRUE)
    return ItemResult(a, verdict, reason, evidence, findings)


def combine(items: list[ItemResult]) -> tuple[str, str]:
    if len(items) == 1:
        return items[0].verdict, items[0].reason
    structural = [i for i in items if i.verdict != "doc-only"]
    if structural and len(structural) < len(items):
        items = structural  # what the spec documents besides does not make structural evidence partial
        if len(items) == 1:
            return items[0].verdict, items[0].reason
    verdicts = {item.verdict for item in items}
    if len(verdicts) == 1:
        verdict = verdicts.pop()
        if verdict == "holds":
            return verdict, f"all {len(items)} hold"
        return verdict, "; ".join(f"{describe(i.assertion)}: {i.reason}" for i in items)
    odd = [f"{describe(i.assertion)} is {i.verdict} ({i.reason})" for i in items if i.verdict != "holds"]
    return "partial", "; ".join(odd)


class Evaluator:
    """Evaluates one claims file against the registered versions."""

    def __init__(self, versions: Mapping[str, Version], diagnostics: Diagnostics) -> None:
        self.versions = versions
        self.diagnostics = diagnostics
        self._lower = {name.lower(): name for name in versions}

    def version(self, name: str, source: str, pointer: str) -> Version | None:
        found = self._lower.get(name.lower())
        if found is None:
            known = ", ".join(self.versions)
            self.diagnostics.error(source, pointer, f"unknown version {name!r} (known: {known})", code="claims-invalid")
            return None
        return self.versions[found]

    def payload(self, claim: Claim, changelog: Changelog, source: str) -> tuple[Any, str]:
        """The JSON sample an example claim quotes, or an explanation why there is none."""
        spans = changelog.find(claim.quote)
        code = [s for start, end in spans[:1] for s in changelog.statements_in(start, end) if s.kind == "code"]
        if not code:
            return None, "the quote of an example-validates claim must lie inside a code sample"
        try:
            return payload_of(code[0].raw), ""
        except ValueError as exc:
            return None, str(exc)

    def claim(self, claim: Claim, changelog: Changelog, claims_file: ClaimsFile) -> ClaimResult:
        source = claims_file.source
        base = self.version(claims_file.base, source, "/base")
        target = self.version(claims_file.target, source, "/target")
        listed = [self.version(v, source, f"{claim.pointer}/versions") for v in claim.versions]
        problems = [p for a in claim.asserts for p in unknown_references(a, self.versions)]
        payload: Any = None
        if any(a.needs_payload for a in claim.asserts):
            payload, problem = self.payload(claim, changelog, source)
            problems += [problem] if problem else []
        if base is None or target is None or None in listed or problems:
            for problem in problems:
                self.diagnostics.error(source, claim.pointer, f"claim {claim.id!r}: {problem}", code="claims-invalid")
            why = "; ".join(problems) or "unknown version"
            return ClaimResult(changelog.name, claim, "unverifiable", why, (), problem=why)
        items = []
        for a in claim.asserts:
            if a.evidence == "none":
                items.append(ItemResult(a, a.kind, str(getattr(a, "reason", ""))))
            elif claim.versions:
                items.append(_versions_verdict(a, [v for v in listed if v is not None], payload))
            else:
                items.append(pair_verdict(a, base, target, payload))
        verdict, reason = combine(items)
        return ClaimResult(changelog.name, claim, verdict, reason, tuple(items), payload=payload)

    def coverage(self, changelog: Changelog, claims_file: ClaimsFile) -> tuple[StatementResult, ...]:
        by_claim: dict[int, list[str]] = {}
        by_reason: dict[int, list[str]] = {}
        entries: list[tuple[str, str, tuple[str, ...], dict[int, list[str]], str]] = [
            (c.pointer, c.id, c.quotes, by_claim, c.id) for c in claims_file.claims
        ]
        entries += [(n.pointer, "not-a-claim", (n.quote,), by_reason, n.reason) for n in claims_file.not_claims]
        for pointer, label, quotes, target, value in entries:
            for index, quote in enumerate(quotes):
                spans = changelog.find(quote)
                if not spans:
                    where = f"{pointer}/quote" if index == 0 else f"{pointer}/also_quotes/{index - 1}"
                    self.diagnostics.error(
                        claims_file.source,
                        where,
                        f"{label}: quote not found in the changelog text: {quote!r}",
                        code="quote-not-found",
                    )
                for start, end in spans:
                    for statement in changelog.statements_in(start, end):
                        target.setdefault(statement.index, []).append(value)
        results = []
        for statement in changelog.statements:
            reasons = by_reason.get(statement.index, [])
            if statement.kind == "code" and not reasons:
                reasons = [CODE_SAMPLE]
            claims = tuple(dict.fromkeys(by_claim.get(statement.index, [])))
            results.append(StatementResult(statement, claims, tuple(dict.fromkeys(reasons))))
        return tuple(results)


def evaluate_changelog(
    entry: ChangelogEntry, versions: Mapping[str, Version], diagnostics: Diagnostics
) -> ChangelogResult:
    claims_file = load_claims(entry.claims, diagnostics)
    label = entry.text.name
    changelog = parse_changelog(entry.version, read_text(entry.text, label=label))
    evaluator = Evaluator(versions, diagnostics)
    results = tuple(evaluator.claim(claim, changelog, claims_file) for claim in claims_file.claims)
    statements = evaluator.coverage(changelog, claims_file)
    return ChangelogResult(entry, claims_file, changelog, results, statements)
