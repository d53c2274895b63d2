"""BC: adding a component schema is not breaking: the client's ``models`` gain a class."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import schema_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for key in diff.schemas_added:
        yield schema_finding(diff, key)


RULE = Rule("schema-added", Severity.NON_BREAKING, check)
