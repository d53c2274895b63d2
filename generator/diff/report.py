"""Rendering judged changes: a compact text list, a Markdown review document, JSON, JUnit XML or
GitHub annotations (the last two in ``ci.py``).

All take the changes in report order (breaking, non-breaking, info; then operation, schema,
property, rule id) and are deterministic: the same inputs print the same bytes. Text and Markdown
open with a summary grouped per rule and per resource. Given a ``Review`` (an accept file, a gate),
accepted changes say so and the gate's verdict is printed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from .change import Change, Severity
from .gate import Review

FORMATS = ("text", "md", "json", "junit", "github")
_HEADINGS = {
    Severity.BREAKING: "Breaking changes",
    Severity.NON_BREAKING: "Non-breaking changes",
    Severity.INFO: "Informational changes",
}
NO_RESOURCE = "(no operation)"
"""The resource of a change to a schema that no operation uses."""


def ordered(changes: Sequence[Change]) -> list[Change]:
    return sorted(changes, key=Change.sort_key)


def render_json(old: str, new: str, changes: Sequence[Change], review: Review | None = None) -> str:
    entries = []
    for change in ordered(changes):
        entry = change.as_dict()
        entry = {"id": entry.pop("id"), "key": change.key, **entry}
        entry["accepted"] = review.reason(change) if review is not None else None
        entries.append(entry)
    document: dict[str, object] = {"from": old, "to": new, "changes": entries}
    if review is not None:
        document["gate"] = {
            "fail_on": review.fail_on.value if review.fail_on is not None else None,
            "failing": len(review.failing),
            "accepted": len(review.accepted),
            "unmatched_accepted_keys": [e.key for e in review.unmatched],
        }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def counts_line(changes: Sequence[Change]) -> str:
    counts = Counter(c.severity for c in changes)
    return ", ".join(f"{counts.get(s, 0)} {s.value}" for s in Severity)


def by_rule(changes: Sequence[Change]) -> list[tuple[Severity, str, int]]:
    """(severity, rule id, count), breaking first, then the most frequent."""
    counts = Counter((c.severity, c.id) for c in changes)
    return sorted(((s, r, n) for (s, r), n in counts.items()), key=lambda t: (t[0].rank, -t[2], t[1]))


def by_resource(changes: Sequence[Change]) -> list[tuple[str, int, int]]:
    """(resource, changes, breaking changes); a change to a shared schema counts for each resource using it."""
    total: Counter[str] = Counter()
    breaking: Counter[str] = Counter()
    for change in changes:
        for resource in change.resources or (NO_RESOURCE,):
            total[resource] += 1
            breaking[resource] += change.severity is Severity.BREAKING
    return [(r, total[r], breaking[r]) for r in sorted(total, key=lambda r: (r == NO_RESOURCE, r))]


def gate_line(review: Review) -> str:
    """The verdict, e.g. ``gate: --fail-on breaking: 3 changes fail (12 accepted)``."""
    accepted = f" ({len(review.accepted)} accepted)"
    if review.fail_on is None:
        return f"gate: none (no --fail-on){accepted if review.accepted else ''}"
    failing = len(review.failing)
    verdict = f"{failing} change{'s' if failing != 1 else ''} fail" if failing else "passes"
    return f"gate: --fail-on {review.fail_on.value}: {verdict}{accepted}"


def _text_summary(changes: Sequence[Change]) -> list[str]:
    lines = ["", "By rule:"]
    lines += [f"  {s.value:<12} {n:>5}  {rule}" for s, rule, n in by_rule(changes)]
    lines += ["By resource (a change to a shared schema counts for each resource using it):"]
    width = max((len(r) for r, _, _ in by_resource(changes)), default=0)
    lines += [f"  {r:<{width}}  {n:>5} changes, {b} breaking" for r, n, b in by_resource(changes)]
    return [*lines, ""]


def render_text(old: str, new: str, changes: Sequence[Change], review: Review | None = None) -> str:
    lines = [f"{old} -> {new}: {len(changes)} changes ({counts_line(changes)})"]
    if review is not None:
        lines.append(gate_line(review))
    if changes:
        lines += _text_summary(changes)
    width = max((len(c.id) for c in changes), default=0)
    for change in ordered(changes):
        reason = review.reason(change) if review is not None else None
        accepted = f"  [accepted: {reason}]" if reason is not None else ""
        lines.append(f"{change.severity.value:<12} {change.id:<{width}}  {change.message}{accepted}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _summary_table(changes: Sequence[Change]) -> list[str]:
    counts = Counter((c.severity, c.id) for c in changes)
    lines = ["| Severity | Rule | Changes |", "|---|---|---:|"]
    for severity in Severity:
        total = sum(n for (s, _), n in counts.items() if s == severity)
        lines.append(f"| **{severity.value}** | *all* | **{total}** |")
        for (_, rule), count in sorted((k, n) for k, n in counts.items() if k[0] == severity):
            lines.append(f"| {severity.value} | `{rule}` | {count} |")
    return lines


def _resource_table(changes: Sequence[Change]) -> list[str]:
    lines = [
        "### By resource",
        "",
        "A change to a schema counts for every resource whose operations use it.",
        "",
        "| Resource | Changes | Breaking |",
        "|---|---:|---:|",
    ]
    for resource, total, breaking in by_resource(changes):
        name = resource if resource == NO_RESOURCE else f"`client.{resource}`"
        lines.append(f"| {name} | {total} | {breaking} |")
    return lines


def render_markdown(old: str, new: str, changes: Sequence[Change], review: Review | None = None) -> str:
    """The review document: summary tables (per rule, per resource), then every change by severity."""
    ordered_changes = ordered(changes)
    lines = [
        f"# API changes from {old} to {new}",
        "",
        f"{len(ordered_changes)} changes: {counts_line(ordered_changes)}. Severities judge the effect on code calling",
        "the generated Python client.",
    ]
    if review is not None:
        lines += ["", f"**{gate_line(review)}**"]
    lines += ["", "## Summary", "", *_summary_table(ordered_changes), "", *_resource_table(ordered_changes)]
    for severity in Severity:
        section = [c for c in ordered_changes if c.severity == severity]
        lines += ["", f"## {_HEADINGS[severity]} ({len(section)})", ""]
        if not section:
            lines.append("None.")
        for change in section:
            reason = review.reason(change) if review is not None else None
            accepted = f" (accepted: {_escape(reason)})" if reason is not None else ""
            lines.append(f"- `{change.id}`: {_escape(change.message)}{accepted}")
    return "\n".join(lines) + "\n"
