"""Judged changes: the ``Rule`` records, what a rule finds (``Finding``) and what the diff reports (``Change``)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .model import Side, VersionDiff


class Severity(str, enum.Enum):
    """How a change affects code calling the generated Python client."""

    BREAKING = "breaking"
    NON_BREAKING = "non-breaking"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.BREAKING: 0, Severity.NON_BREAKING: 1, Severity.INFO: 2}


class Direction(str, enum.Enum):
    """Which way the data a rule judges must travel for the rule to apply.

    A schema used both ways is on both sides, so of a pair of rules (``request-…``/``response-…``)
    the breaking one applies to it: ``request`` and ``response`` admit a side among others,
    ``request-only`` and ``response-only`` admit nothing else.
    """

    ANY = "any"
    REQUEST = "request"
    RESPONSE = "response"
    REQUEST_ONLY = "request-only"
    RESPONSE_ONLY = "response-only"

    def admits(self, sides: frozenset[Side]) -> bool:
        if self is Direction.REQUEST:
            return "request" in sides
        if self is Direction.RESPONSE:
            return "response" in sides
        if self is Direction.REQUEST_ONLY:
            return "response" not in sides
        if self is Direction.RESPONSE_ONLY:
            return "request" not in sides
        return True


@dataclass(frozen=True)
class Change:
    """One judged difference between two versions, ready to print or to check against a changelog.

    ``operation`` is ``"GET /contacts/{id}"`` on the newer side (the older one for removals) and
    None for changes made to a component schema; ``schema`` is the component schema concerned;
    ``property`` a dotted property path (``data[].id``) or a parameter name.
    """

    id: str
    severity: Severity
    operation: str | None
    schema: str | None
    property: str | None
    message: str
    location: str | None = None
    """Where in the operation or schema: ``request body``, ``response 200``, ``query parameter``..."""
    affects: tuple[str, ...] = ()
    """For a change to a component schema: the operations whose requests or responses use it."""
    key: str = ""
    """The change's identity: its rule id and where it is (see ``change_key``); unique within one diff."""
    params: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The rule's message parameters (``old_argument``, ``new_method``, ``old``/``new`` types...)."""
    resources: tuple[str, ...] = ()
    """The client resources (``contacts``) whose methods the change concerns: the operation's, or those
    of the operations using the schema; empty for a schema no operation uses."""

    def sort_key(self) -> tuple[int, str, str, str, str, str]:
        return (
            self.severity.rank,
            self.operation or "",
            self.schema or "",
            self.property or "",
            self.id,
            self.message,
        )

    def as_dict(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "severity": self.severity.value,
            "operation": self.operation,
            "schema": self.schema,
            "property": self.property,
            "message": self.message,
        }


@dataclass(frozen=True)
class Finding:
    """What a rule saw; its ``Rule`` turns it into a ``Change`` with the rule's id, severity and message."""

    operation: str | None
    schema: str | None
    property: str | None
    location: str | None
    params: Mapping[str, str] = field(default_factory=dict)
    affects: tuple[str, ...] = ()
    detail: str | None = None
    """What tells apart two findings of one rule at one place (an enum value), for the key."""


Check = Callable[[VersionDiff, Direction], Iterable[Finding]]
"""A rule's test: every finding in the diff, for data travelling as the rule's direction admits."""


def change_key(rule_id: str, finding: Finding) -> str:
    """``rule:subject[:location][:property][:detail]``, e.g. ``path-parameter-renamed:GET /contacts/{id}:path
    parameter:id`` or ``response-property-became-optional:schema contact:id``."""
    subject = finding.operation or f"schema {finding.schema}"
    parts = [rule_id, subject]
    if finding.operation is not None and finding.location not in (None, "operation"):
        parts.append(str(finding.location))
    parts += [p for p in (finding.property, finding.detail) if p]
    return ":".join(parts)


@dataclass(frozen=True)
class Rule:
    """Everything about one rule, in one place: the registry, the messages and the README table read it.

    ``message`` is a ``str.format`` template over the finding's parameters (``target`` always says
    where the change is); ``why`` is the one-line reason for the severity, as the README lists it.
    """

    id: str
    severity: Severity
    direction: Direction
    message: str
    why: str
    check: Check

    def findings(self, diff: VersionDiff) -> Iterable[Finding]:
        return self.check(diff, self.direction)

    def change(self, finding: Finding) -> Change:
        return Change(
            id=self.id,
            severity=self.severity,
            operation=finding.operation,
            schema=finding.schema,
            property=finding.property,
            message=self.message.format(**finding.params),
            location=finding.location,
            affects=finding.affects,
            key=change_key(self.id, finding),
            params=finding.params,
        )
