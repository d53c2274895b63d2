"""BC: deprecating an operation is info: the method still works, and says it is deprecated."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.became_deprecated:
            yield operation_finding(op, method=op.new.py_name)


RULE = Rule("operation-deprecated", Severity.INFO, check)
