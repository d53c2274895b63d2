"""How close a drafted claims file comes to a reviewed one: precision and recall per kind.

Both files are evaluated against the registered versions; each becomes a set of units, one per
statement and assertion item: (statement, kind, subject, verdict). The subject is what the item
names, with operations spelled ``METHOD /path`` (however the file wrote them); ``via``, ``in``,
reasons and texts are left out. A ``not_claims`` entry is the unit (statement, ``not-a-claim``).
Code samples no entry covers count for neither. A statement agrees when both files give it the
same units.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics
from .claims import ChangelogEntry
from .evaluate import ChangelogResult, evaluate_changelog
from .kinds import Assertion
from .specquery import Version

Unit = tuple[int, str, str, str]
_SUBJECT = ("schema", "property", "parameter", "field", "value", "status", "example", "content_type", "default", "type")


@dataclass(frozen=True)
class Score:
    kind: str
    drafted: int
    reviewed: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.reviewed if self.reviewed else 1.0


@dataclass(frozen=True)
class Comparison:
    scores: tuple[Score, ...]  # per kind, then "all"
    statements: int  # statements either file gives units
    agreeing: int

    @property
    def agreement(self) -> float:
        return self.agreeing / self.statements if self.statements else 1.0

    def total(self) -> Score:
        return next(s for s in self.scores if s.kind == "all")


def _operation(ref: str, versions: Mapping[str, Version]) -> str:
    for version in versions.values():
        op = version.operation(ref)
        if op is not None:
            return op.key
    return ref


def _subject(a: Assertion, versions: Mapping[str, Version]) -> list[str]:
    fields = a.as_dict()
    parts = [f"{k}={fields[k]}" for k in _SUBJECT if k in fields]
    refs = [str(r) for r in fields.get("operations") or [fields.get("operation")] if r]
    if not refs:
        return [";".join(parts)]
    return [";".join([f"op={_operation(ref, versions)}", *parts]) for ref in refs]


def units(result: ChangelogResult, versions: Mapping[str, Version]) -> set[Unit]:
    """The units of one evaluated claims file."""
    out: set[Unit] = set()
    claims = {c.claim.id: c for c in result.claims}
    for statement in result.statements:
        for claim_id in statement.claims:
            for item in claims[claim_id].items:
                for subject in _subject(item.assertion, versions):
                    out.add((statement.statement.index, item.assertion.kind, subject, item.verdict))
        if statement.reasons and not statement.claims and statement.reasons != ("code sample",):
            out.add((statement.statement.index, "not-a-claim", "", ""))
    return out


def evaluate_text(entry: ChangelogEntry, claims_text: str, versions: Mapping[str, Version]) -> ChangelogResult:
    """Evaluate a claims file given as text (a draft) for ``entry``'s changelog."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.claims.yaml"
        path.write_text(claims_text, encoding="utf-8")
        drafted = ChangelogEntry(entry.version, entry.text, path, dict(entry.provenance))
        return evaluate_changelog(drafted, versions, Diagnostics())


def compare(drafted: set[Unit], reviewed: set[Unit]) -> Comparison:
    counts: dict[str, Counter[str]] = {}
    for name, found in (("drafted", drafted), ("reviewed", reviewed), ("matched", drafted & reviewed)):
        counts[name] = Counter(u[1] for u in found)
        counts[name]["all"] = len(found)
    kinds = sorted(set(counts["drafted"]) | set(counts["reviewed"]), key=lambda k: (k == "all", k))
    scores = tuple(Score(k, counts["drafted"][k], counts["reviewed"][k], counts["matched"][k]) for k in kinds)
    indexes = {u[0] for u in drafted | reviewed}
    agreeing = sum(1 for i in indexes if {u for u in drafted if u[0] == i} == {u for u in reviewed if u[0] == i})
    return Comparison(scores, len(indexes), agreeing)


def add(comparisons: list[Comparison]) -> Comparison:
    """Several comparisons summed (units counted once per changelog)."""
    totals: dict[str, list[int]] = {}
    for comparison in comparisons:
        for score in comparison.scores:
            row = totals.setdefault(score.kind, [0, 0, 0])
            row[0] += score.drafted
            row[1] += score.reviewed
            row[2] += score.matched
    kinds = sorted(totals, key=lambda k: (k == "all", k))
    scores = tuple(Score(k, *totals[k]) for k in kinds)
    return Comparison(scores, sum(c.statements for c in comparisons), sum(c.agreeing for c in comparisons))


def table(comparison: Comparison) -> list[str]:
    lines = ["| kind | drafted | reviewed | matched | precision | recall |", "|---|---|---|---|---|---|"]
    for s in comparison.scores:
        lines.append(f"| {s.kind} | {s.drafted} | {s.reviewed} | {s.matched} | {s.precision:.2f} | {s.recall:.2f} |")
    lines.append(
        f"\nStatements where the draft agrees with the reviewed claims: {comparison.agreeing} of "
        f"{comparison.statements} ({comparison.agreement:.0%})."
    )
    return lines


def as_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "agreement": round(comparison.agreement, 3),
        "kinds": {
            s.kind: {"precision": round(s.precision, 3), "recall": round(s.recall, 3)} for s in comparison.scores
        },
    }
