"""Rules about whole operations: added, removed, renamed, moved, deprecated.

An operation is one method of the generated client (``client.<resource>.<method>``): removing it, or
changing its name or its resource, breaks its callers; anything else about it is additive or advisory.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Check, Direction, Finding, Rule, Severity
from ..model import OperationRef, VersionDiff
from ._common import operation_finding


def _listed(added: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        refs: tuple[OperationRef, ...] = diff.operations_added if added else diff.operations_removed
        for op in refs:
            yield Finding(op.key, None, None, "operation", {"target": f"`{op.key}`", "method": op.py_name})

    return check


def _renamed(method_renamed: bool) -> Check:
    """An operationId change; whether the generated method's name changes with it decides the rule."""

    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for op in diff.operations_modified:
            if op.old.operation_id == op.new.operation_id or (op.old.py_name != op.new.py_name) != method_renamed:
                continue
            ids = {"old": str(op.old.operation_id), "new": str(op.new.operation_id)}
            if method_renamed:
                yield operation_finding(op, **ids, old_method=op.old.py_name, new_method=op.new.py_name)
            else:
                yield operation_finding(op, **ids, method=op.new.py_name)

    return check


def _moved(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.old_resource != op.new_resource:
            yield operation_finding(
                op,
                old=f"client.{op.old_resource}.{op.old.py_name}",
                new=f"client.{op.new_resource}.{op.new.py_name}",
            )


def _deprecated(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.became_deprecated:
            yield operation_finding(op, method=op.new.py_name)


RULES: tuple[Rule, ...] = (
    Rule(
        "operation-added",
        Severity.NON_BREAKING,
        Direction.ANY,
        "{target} added (method `{method}`)",
        "the client gains a method",
        _listed(added=True),
    ),
    Rule(
        "operation-removed",
        Severity.BREAKING,
        Direction.ANY,
        "{target} removed (method `{method}`)",
        "the method disappears",
        _listed(added=False),
    ),
    Rule(
        "operation-id-changed",
        Severity.BREAKING,
        Direction.ANY,
        "{target}: operationId `{old}` is now `{new}`; method `{old_method}` is now `{new_method}`",
        "the generated method is renamed",
        _renamed(method_renamed=True),
    ),
    Rule(
        "operation-id-respelled",
        Severity.INFO,
        Direction.ANY,
        "{target}: operationId `{old}` is now `{new}`; the method is still `{method}`",
        "operationId respelled, same method name",
        _renamed(method_renamed=False),
    ),
    Rule(
        "operation-resource-changed",
        Severity.BREAKING,
        Direction.ANY,
        "{target}: method moved from `{old}` to `{new}`",
        "the method moves to another resource (tag)",
        _moved,
    ),
    Rule(
        "operation-deprecated",
        Severity.INFO,
        Direction.ANY,
        "{target} is deprecated (method `{method}`)",
        "the method still works",
        _deprecated,
    ),
)
