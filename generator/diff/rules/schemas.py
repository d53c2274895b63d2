"""Rules about component schemas as a whole: each is one class in the client's ``models``."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Check, Direction, Finding, Rule, Severity
from ..model import VersionDiff
from ._common import schema_finding


def _listed(added: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for key in diff.schemas_added if added else diff.schemas_removed:
            yield schema_finding(diff, key)

    return check


RULES: tuple[Rule, ...] = (
    Rule(
        "schema-added",
        Severity.NON_BREAKING,
        Direction.ANY,
        "{target} added",
        "`models` gains a class",
        _listed(added=True),
    ),
    Rule(
        "schema-removed",
        Severity.BREAKING,
        Direction.ANY,
        "{target} removed",
        "a model class disappears",
        _listed(added=False),
    ),
)
