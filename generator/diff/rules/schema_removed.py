"""BC: removing a component schema is breaking: its model class disappears from ``models``."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import schema_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for key in diff.schemas_removed:
        yield schema_finding(diff, key)


RULE = Rule("schema-removed", Severity.BREAKING, check)
