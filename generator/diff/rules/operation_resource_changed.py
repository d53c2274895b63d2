"""BC: an operation moving to another tag is breaking: its method moves to another client resource."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.old_resource != op.new_resource:
            yield operation_finding(
                op,
                old=f"client.{op.old_resource}.{op.old.py_name}",
                new=f"client.{op.new_resource}.{op.new.py_name}",
            )


RULE = Rule("operation-resource-changed", Severity.BREAKING, check)
