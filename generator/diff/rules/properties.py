"""Rules about properties, of component schemas and of bodies and responses written inline.

Where a schema travels decides the judgement (``Direction``): a reader of a response and a writer of a
request are hurt by opposite changes. A schema used both ways gets the stricter judgement. A response
property becoming optional is breaking for a reader: the model field becomes ``X | None`` and code that
used it unguarded may fail (and no longer type-checks).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ..change import Check, Direction, Finding, Rule, Severity
from ..model import VersionDiff
from ._common import both_sides, code, property_changes, property_finding

Flag = Literal["required", "nullable"]


def _added(required_in_request: bool) -> Check:
    """Added properties; those required in a request are the breaking ones."""

    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for group, prop in property_changes(diff):
            if prop.new is None or not prop.added:
                continue
            if (prop.new.required and Direction.REQUEST.admits(group.sides)) == required_in_request:
                yield property_finding(group, prop, type=code(prop.new.type))

    return check


def _removed(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
    for group, prop in property_changes(diff):
        if prop.old is not None and prop.removed:
            yield property_finding(group, prop, type=code(prop.old.type))


def _retyped(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.type != prop.new.type:
            yield property_finding(group, prop, old=code(prop.old.type), new=code(prop.new.type))


def _flipped(flag: Flag, became: bool) -> Check:
    """``flag`` (required, nullable) turning from ``not became`` to ``became``, where ``direction`` admits."""

    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for group, prop in both_sides(diff):
            assert prop.old is not None and prop.new is not None
            before, after = getattr(prop.old, flag), getattr(prop.new, flag)
            if before is (not became) and after is became and direction.admits(group.sides):
                yield property_finding(group, prop)

    return check


def _flip(rule_id: str, severity: Severity, direction: Direction, flag: Flag, became: bool, *text: str) -> Rule:
    message, why = text
    return Rule(rule_id, severity, direction, message, why, _flipped(flag, became))


_B, _N = Severity.BREAKING, Severity.NON_BREAKING
_REQ, _RESP, _REQ_ONLY, _RESP_ONLY = (
    Direction.REQUEST,
    Direction.RESPONSE,
    Direction.REQUEST_ONLY,
    Direction.RESPONSE_ONLY,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "property-added",
        _N,
        Direction.ANY,
        "{target} added ({type})",
        "readers may ignore it, writers need not send it",
        _added(required_in_request=False),
    ),
    Rule(
        "required-request-property-added",
        _B,
        _REQ,
        "{target} added as required ({type})",
        "existing payloads lack it",
        _added(required_in_request=True),
    ),
    Rule(
        "property-removed",
        _B,
        Direction.ANY,
        "{target} removed (was {type})",
        "readers lose a field, writers cannot send it",
        _removed,
    ),
    Rule(
        "property-type-changed",
        _B,
        Direction.ANY,
        "{target}: type changed from {old} to {new}",
        "for readers and writers (also a body's or response's own type)",
        _retyped,
    ),
    _flip(
        "request-property-became-required",
        _B,
        _REQ,
        "required",
        True,
        "{target} became required",
        "payloads leaving it out are rejected",
    ),
    _flip(
        "request-property-became-optional",
        _N,
        _REQ_ONLY,
        "required",
        False,
        "{target} became optional",
        "payloads stay valid",
    ),
    _flip(
        "response-property-became-required",
        _N,
        _RESP_ONLY,
        "required",
        True,
        "{target} became required (always present)",
        "always present now",
    ),
    _flip(
        "response-property-became-optional",
        _B,
        _RESP,
        "required",
        False,
        "{target} became optional (may be absent)",
        "the model field becomes `X | None`",
    ),
    _flip(
        "response-property-became-nullable",
        _B,
        _RESP,
        "nullable",
        True,
        "{target} became nullable (may be null)",
        "readers may now get `None`",
    ),
    _flip(
        "request-property-became-nullable",
        _N,
        _REQ_ONLY,
        "nullable",
        True,
        "{target} became nullable (null accepted)",
        "writers may send `None`",
    ),
    _flip(
        "request-property-became-not-nullable",
        _B,
        _REQ,
        "nullable",
        False,
        "{target} is no longer nullable (null rejected)",
        "writers sending `None` are rejected",
    ),
    _flip(
        "response-property-became-not-nullable",
        _N,
        _RESP_ONLY,
        "nullable",
        False,
        "{target} is no longer nullable",
        "readers never see `None`",
    ),
)
