"""BC: adding a required request body is breaking: existing calls send none."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.old_body is None and op.new_body is not None and op.new_body.required:
            yield operation_finding(op, "request body", type=op.new_body.type)


RULE = Rule("required-request-body-added", Severity.BREAKING, check)
