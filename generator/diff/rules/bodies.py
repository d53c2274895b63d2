"""Rules about request bodies (the method's ``body`` argument) and documented response statuses.

A response status changes no signature: the generated method's return type comes from the success
response, whose body is compared property by property, and the runtime maps every status to the same
errors whether the spec documents it or not.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Check, Direction, Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def _added(required: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for op in diff.operations_modified:
            if op.old_body is None and op.new_body is not None and op.new_body.required == required:
                yield operation_finding(op, "request body", type=op.new_body.type)

    return check


def _removed(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
    for op in diff.operations_modified:
        if op.old_body is not None and op.new_body is None:
            yield operation_finding(op, "request body", type=op.old_body.type)


def _required(became: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for op in diff.operations_modified:
            old, new = op.old_body, op.new_body
            if old is not None and new is not None and old.required != became and new.required == became:
                yield operation_finding(op, "request body")

    return check


def _statuses(added: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for op in diff.operations_modified:
            for status in op.statuses_added if added else op.statuses_removed:
                yield operation_finding(op, f"response {status}", status=status)

    return check


RULES: tuple[Rule, ...] = (
    Rule(
        "request-body-added",
        Severity.NON_BREAKING,
        Direction.REQUEST,
        "{target}: optional request body added ({type})",
        "an optional `body` argument",
        _added(required=False),
    ),
    Rule(
        "required-request-body-added",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target}: required request body added ({type})",
        "existing calls send none",
        _added(required=True),
    ),
    Rule(
        "request-body-removed",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target}: request body removed (was {type})",
        "calls passing `body` fail",
        _removed,
    ),
    Rule(
        "request-body-became-required",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target}: request body became required",
        "calls without a body fail",
        _required(became=True),
    ),
    Rule(
        "request-body-became-optional",
        Severity.NON_BREAKING,
        Direction.REQUEST,
        "{target}: request body became optional",
        "existing calls still send one",
        _required(became=False),
    ),
    Rule(
        "response-status-added",
        Severity.INFO,
        Direction.RESPONSE,
        "{target}: response status {status} added",
        "the runtime maps statuses to errors itself",
        _statuses(added=True),
    ),
    Rule(
        "response-status-removed",
        Severity.INFO,
        Direction.RESPONSE,
        "{target}: response status {status} removed",
        "the runtime's error mapping does not depend on it",
        _statuses(added=False),
    ),
)
