"""BC: a response status no longer documented is info: the runtime's error mapping does not depend on it."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        for status in op.statuses_removed:
            yield operation_finding(op, f"response {status}", status=status)


RULE = Rule("response-status-removed", Severity.INFO, check)
