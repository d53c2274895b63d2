"""BC: an operationId change that renames the generated method is breaking: callers of the old name fail."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.old.operation_id != op.new.operation_id and op.old.py_name != op.new.py_name:
            yield operation_finding(
                op,
                old=str(op.old.operation_id),
                new=str(op.new.operation_id),
                old_method=op.old.py_name,
                new_method=op.new.py_name,
            )


RULE = Rule("operation-id-changed", Severity.BREAKING, check)
