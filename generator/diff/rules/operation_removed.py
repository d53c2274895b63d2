"""BC: removing an operation is breaking: its generated method disappears from the client."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_removed:
        yield Finding(op.key, None, None, "operation", {"target": f"`{op.key}`", "method": op.py_name})


RULE = Rule("operation-removed", Severity.BREAKING, check)
