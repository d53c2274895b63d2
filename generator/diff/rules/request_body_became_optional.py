"""BC: a required request body becoming optional is not breaking: existing calls still send one."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        old, new = op.old_body, op.new_body
        if old is not None and new is not None and old.required and not new.required:
            yield operation_finding(op, "request body")


RULE = Rule("request-body-became-optional", Severity.NON_BREAKING, check)
