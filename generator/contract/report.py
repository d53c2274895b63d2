"""Rendering a contract run as JSON, Markdown (the committed report) or plain text."""

from __future__ import annotations

import json
from typing import Any

from .claims import VERDICTS
from .evaluate import ClaimResult, describe
from .package import PackageResult
from .run import ChangelogReport, ContractReport
from .unexplained import DiffChange, severity

NEEDS_REASON = ("contradicted", "partial", "not-new")
_DIFF_MISSING = "changes no claim explains were not computed for this run"


def _claim_dict(claim: ClaimResult, package: PackageResult) -> dict[str, Any]:
    return {
        "id": claim.claim.id,
        "changelog": claim.changelog,
        "quote": claim.claim.quote,
        "also_quotes": list(claim.claim.also_quotes),
        "versions": list(claim.claim.versions),
        "asserts": [a.as_dict() for a in claim.claim.asserts],
        "verdict": claim.verdict,
        "expected": claim.claim.expected,
        "reason": claim.reason,
        "evidence": [e.as_dict() for e in claim.evidence],
        "package": package.as_dict(),
    }


def _change_dict(change: DiffChange) -> dict[str, Any]:
    keys = ("id", "operation", "schema", "property", "message")
    return {"severity": severity(change), **{key: getattr(change, key) for key in keys}}


def render_json(report: ContractReport) -> str:
    claims, statements, summary, changes = [], [], {}, {}
    for item in report.changelogs:
        result = item.result
        claims += [_claim_dict(c, p) for c, p in zip(result.claims, item.packages, strict=True)]
        for s in result.statements:
            statements.append(
                {
                    "changelog": result.name,
                    "index": s.statement.index,
                    "kind": s.statement.kind,
                    "text": s.statement.text,
                    "claims": list(s.claims),
                    "not_a_claim": list(s.reasons),
                }
            )
        summary[result.name] = {
            "base": result.claims_file.base,
            "target": result.claims_file.target,
            "statements": len(result.statements),
            "verdicts": {v: item.counts.get(v, 0) for v in VERDICTS},
        }
        changes[result.name] = (
            {"available": True, "changes": [_change_dict(c) for c in item.unexplained]}
            if item.unexplained is not None
            else {"available": False, "changes": []}
        )
    document = {
        "summary": summary,
        "claims": claims,
        "statements": statements,
        "unexplained": changes,
        "problems": report.problems(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _summary_table(report: ContractReport) -> list[str]:
    head = "| changelog | versions | statements | claims | " + " | ".join(VERDICTS) + " | package confirmed |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for item in report.changelogs:
        result = item.result
        confirmed = sum(1 for p in item.packages if p.status == "confirmed")
        structural = sum(1 for p in item.packages if p.status != "not-applicable")
        cells = [
            result.name,
            f"{result.claims_file.base} → {result.claims_file.target}",
            str(len(result.statements)),
            str(len(result.claims)),
            *(str(item.counts.get(v, 0)) for v in VERDICTS),
            f"{confirmed} of {structural}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _changelog_section(item: ChangelogReport) -> list[str]:
    result = item.result
    lines = [f"## {result.name} ({result.claims_file.base} → {result.claims_file.target})", ""]
    findings = [c for c in result.claims if c.verdict in NEEDS_REASON]
    if findings:
        lines += ["Findings (contradicted, partial, not-new):", ""]
        lines += [f"- **{c.claim.id}** ({c.verdict}): {_cell(c.reason)}" for c in findings]
        lines.append("")
    lines += ["| claim | verdict | asserts | generated package |", "|---|---|---|---|"]
    for claim, package in zip(result.claims, item.packages, strict=True):
        what = "; ".join(describe(a) for a in claim.claim.asserts)
        status = package.status + (f" ({package.note})" if package.note else "")
        lines.append(f"| {claim.claim.id} | {claim.verdict} | {_cell(what)} | {_cell(status)} |")
    reasons: dict[str, int] = {}
    for s in result.statements:
        if not s.claims:
            for reason in s.reasons:
                reasons[reason] = reasons.get(reason, 0) + 1
    lines += ["", f"Statements: {len(result.statements)}; not a claim:"]
    lines += [f"- {reason}: {count}" for reason, count in sorted(reasons.items())]
    lines += ["", f"Changes from {result.claims_file.base} to {result.claims_file.target} that no claim explains:", ""]
    lines += _changes(item.unexplained)
    return [*lines, ""]


def _changes(changes: tuple[DiffChange, ...] | None) -> list[str]:
    if changes is None:
        return [f"- ({_DIFF_MISSING})"]
    if not changes:
        return ["- none"]
    counts = {level: sum(1 for c in changes if severity(c) == level) for level in ("breaking", "non-breaking", "info")}
    summary = ", ".join(f"{count} {level}" for level, count in counts.items() if count)
    return [
        f"{len(changes)} changes ({summary}), breaking first:",
        "",
        *[
            f"- {severity(c)}: `{c.id}` {c.operation or c.schema or ''}{'.' + c.property if c.property else ''}: "
            f"{_cell(c.message)}"
            for c in changes
        ],
    ]


def render_markdown(report: ContractReport) -> str:
    lines = [
        "# Changelog contracts",
        "",
        "Every statement of Intercom's changelogs, held against the pinned specs and the generated clients.",
        "Claims live in `specs/changelogs/*.claims.yaml`; regenerate this report with `intercom-gen generate`,",
        "see the evidence (JSON pointers) with `intercom-gen contract --format json`.",
        "",
        *_summary_table(report),
        "",
    ]
    for item in report.changelogs:
        lines += _changelog_section(item)
    problems = report.problems()
    lines += ["## Problems", ""] + ([f"- {p}" for p in problems] if problems else ["- none"])
    return "\n".join(lines) + "\n"


def render_text(report: ContractReport) -> str:
    lines = []
    for item in report.changelogs:
        result = item.result
        counts = ", ".join(f"{v} {item.counts[v]}" for v in VERDICTS if item.counts.get(v))
        lines.append(f"{result.name} ({result.claims_file.base} -> {result.claims_file.target}): {counts}")
        for claim, package in zip(result.claims, item.packages, strict=True):
            mark = "" if claim.as_expected else f"  [expected {claim.claim.expected}]"
            lines.append(f"  {claim.verdict:<13} {claim.claim.id}{mark}  (package: {package.status})")
            if claim.verdict in NEEDS_REASON or not claim.as_expected:
                lines.append(f"                {claim.reason}")
        changes = item.unexplained
        if changes is None:
            lines.append(f"  ({_DIFF_MISSING})")
        else:
            breaking = sum(1 for c in changes if severity(c) == "breaking")
            lines.append(f"  changes no claim explains: {len(changes)} ({breaking} breaking)")
    problems = report.problems()
    lines += [f"problem: {p}" for p in problems] or [
        "every claim has its expected verdict; every statement is covered."
    ]
    return "\n".join(lines) + "\n"


RENDERERS = {"json": render_json, "md": render_markdown, "text": render_text}
