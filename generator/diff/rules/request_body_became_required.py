"""BC: an optional request body becoming required is breaking: calls without a body fail."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        old, new = op.old_body, op.new_body
        if old is not None and new is not None and not old.required and new.required:
            yield operation_finding(op, "request body")


RULE = Rule("request-body-became-required", Severity.BREAKING, check)
