"""The single registry of diff rules, built from the rule families, and ``diff_apis``.

Rule ids are stable kebab-case strings; each family module under ``rules/`` holds one ``Rule``
record per id. Adding a rule is one record in one family (and a fixture case testing it); the
README's rule table is ``rule_table()``, checked by a test.
"""

from __future__ import annotations

from dataclasses import replace

from ..ir.model import Api
from .change import Change, Finding, Rule
from .compute import compute_diff
from .model import VersionDiff
from .rules import bodies, enums, operations, parameters, properties, schemas

FAMILIES = (operations, parameters, bodies, schemas, properties, enums)
ALL_RULES: tuple[Rule, ...] = tuple(rule for family in FAMILIES for rule in family.RULES)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL_RULES}


def _resources(diff: VersionDiff, finding: Finding) -> tuple[str, ...]:
    operations = (finding.operation,) if finding.operation is not None else finding.affects
    return tuple(sorted({diff.resources[op] for op in operations if op in diff.resources}))


def judge(diff: VersionDiff) -> list[Change]:
    """Run every rule over a neutral diff; changes come back in report order."""
    changes = [
        replace(rule.change(finding), resources=_resources(diff, finding))
        for rule in ALL_RULES
        for finding in rule.findings(diff)
    ]
    return sorted(changes, key=Change.sort_key)


def diff_apis(old: Api, new: Api) -> list[Change]:
    """Every change from ``old`` to ``new``, judged for a caller of the generated client."""
    return judge(compute_diff(old, new))


def rule_table() -> str:
    """The README's table of rules: id, severity, the direction it applies to, and why."""
    lines = ["| Rule | Severity | Applies to | Why |", "|---|---|---|---|"]
    for rule in ALL_RULES:
        why = rule.why.replace("|", "\\|")
        lines.append(f"| `{rule.id}` | {rule.severity.value} | {rule.direction.value} | {why} |")
    return "\n".join(lines) + "\n"
