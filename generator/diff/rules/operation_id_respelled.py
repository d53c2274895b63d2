"""BC: an operationId respelled without renaming the generated method (case, separators) is info only."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.old.operation_id != op.new.operation_id and op.old.py_name == op.new.py_name:
            yield operation_finding(
                op, old=str(op.old.operation_id), new=str(op.new.operation_id), method=op.new.py_name
            )


RULE = Rule("operation-id-respelled", Severity.INFO, check)
