"""BC: removing the request body is breaking: calls passing ``body`` fail."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.old_body is not None and op.new_body is None:
            yield operation_finding(op, "request body", type=op.old_body.type)


RULE = Rule("request-body-removed", Severity.BREAKING, check)
