"""Rendering judged changes: a compact text list, a Markdown review document, or JSON.

All three take the changes in report order (breaking, non-breaking, info; then operation,
schema, property, rule id) and are deterministic: the same inputs print the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from .change import Change, Severity

FORMATS = ("text", "md", "json")
_HEADINGS = {
    Severity.BREAKING: "Breaking changes",
    Severity.NON_BREAKING: "Non-breaking changes",
    Severity.INFO: "Informational changes",
}


def _ordered(changes: Sequence[Change]) -> list[Change]:
    return sorted(changes, key=Change.sort_key)


def render_json(old: str, new: str, changes: Sequence[Change]) -> str:
    document = {"from": old, "to": new, "changes": [c.as_dict() for c in _ordered(changes)]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _counts_line(changes: Sequence[Change]) -> str:
    counts = Counter(c.severity for c in changes)
    return ", ".join(f"{counts.get(s, 0)} {s.value}" for s in Severity)


def render_text(old: str, new: str, changes: Sequence[Change]) -> str:
    lines = [f"{old} -> {new}: {len(changes)} changes ({_counts_line(changes)})"]
    width = max((len(c.id) for c in changes), default=0)
    for change in _ordered(changes):
        lines.append(f"{change.severity.value:<12} {change.id:<{width}}  {change.message}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _summary_table(changes: Sequence[Change]) -> list[str]:
    by_rule = Counter((c.severity, c.id) for c in changes)
    lines = ["| Severity | Rule | Changes |", "|---|---|---:|"]
    for severity in Severity:
        total = sum(n for (s, _), n in by_rule.items() if s == severity)
        lines.append(f"| **{severity.value}** | *all* | **{total}** |")
        for (_, rule), count in sorted((k, n) for k, n in by_rule.items() if k[0] == severity):
            lines.append(f"| {severity.value} | `{rule}` | {count} |")
    return lines


def render_markdown(old: str, new: str, changes: Sequence[Change]) -> str:
    """The review document: a summary table, then every change grouped by severity, breaking first."""
    ordered = _ordered(changes)
    lines = [
        f"# API changes from {old} to {new}",
        "",
        f"{len(ordered)} changes: {_counts_line(ordered)}. Severities judge the effect on code calling",
        "the generated Python client.",
        "",
        "## Summary",
        "",
        *_summary_table(ordered),
    ]
    for severity in Severity:
        section = [c for c in ordered if c.severity == severity]
        lines += ["", f"## {_HEADINGS[severity]} ({len(section)})", ""]
        if not section:
            lines.append("None.")
        lines += [f"- `{c.id}`: {_escape(c.message)}" for c in section]
    return "\n".join(lines) + "\n"


def render(fmt: str, old: str, new: str, changes: Sequence[Change]) -> str:
    if fmt == "json":
        return render_json(old, new, changes)
    if fmt == "md":
        return render_markdown(old, new, changes)
    return render_text(old, new, changes)
