"""Rules about enums, of properties (either direction) and of parameters (requests).

The generated models accept values they do not know when reading (``Literal[...] | str``), so a
reader never breaks on an enum; a writer breaks when a value it may send is taken away.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..change import Check, Direction, Finding, Rule, Severity
from ..model import VersionDiff
from ._common import enum_sites, with_params


def _values(added: bool) -> Check:
    """One finding per value added to (or removed from) an enum present on both sides."""

    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for finding, sides, old, new in enum_sites(diff):
            if old is None or new is None or not direction.admits(sides):
                continue
            for value in sorted(set(new) - set(old) if added else set(old) - set(new)):
                yield replace(with_params(finding, value=repr(value)), detail=repr(value))

    return check


def _constraint(added: bool) -> Check:
    """An enum appearing (``added``) or disappearing; the message lists its values."""

    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for finding, sides, old, new in enum_sites(diff):
            values = new if added and old is None else old if not added and new is None else None
            if values is not None and direction.admits(sides):
                yield with_params(finding, values=", ".join(repr(v) for v in values))

    return check


RULES: tuple[Rule, ...] = (
    Rule(
        "enum-value-added",
        Severity.NON_BREAKING,
        Direction.ANY,
        "{target}: enum value {value} added",
        "models accept unknown values (`Literal[...] | str`)",
        _values(added=True),
    ),
    Rule(
        "request-enum-value-removed",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target}: enum value {value} removed",
        "writers sending it are rejected",
        _values(added=False),
    ),
    Rule(
        "response-enum-value-removed",
        Severity.NON_BREAKING,
        Direction.RESPONSE_ONLY,
        "{target}: enum value {value} removed",
        "readers stop seeing it",
        _values(added=False),
    ),
    Rule(
        "request-enum-constraint-added",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target}: now restricted to the values {values}",
        "values outside the enum are rejected",
        _constraint(added=True),
    ),
    Rule(
        "response-enum-constraint-added",
        Severity.NON_BREAKING,
        Direction.RESPONSE_ONLY,
        "{target}: now lists its values {values}",
        "readers get a narrower type",
        _constraint(added=True),
    ),
    Rule(
        "enum-constraint-removed",
        Severity.NON_BREAKING,
        Direction.ANY,
        "{target}: no longer restricted to the values {values}",
        "any value accepted; readers already accept unknown ones",
        _constraint(added=False),
    ),
)
