"""BC: adding an operation is not breaking: the client gains a method and nothing else changes."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_added:
        yield Finding(op.key, None, None, "operation", {"target": f"`{op.key}`", "method": op.py_name})


RULE = Rule("operation-added", Severity.NON_BREAKING, check)
