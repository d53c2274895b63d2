"""Judged changes: what a rule finds (``Finding``) and what the diff reports (``Change``)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .model import VersionDiff


class Severity(str, enum.Enum):
    """How a change affects code calling the generated Python client."""

    BREAKING = "breaking"
    NON_BREAKING = "non-breaking"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.BREAKING: 0, Severity.NON_BREAKING: 1, Severity.INFO: 2}


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
    """What a rule saw; the registry turns it into a ``Change`` with the rule's id, severity and message."""

    operation: str | None
    schema: str | None
    property: str | None
    location: str | None
    params: Mapping[str, str] = field(default_factory=dict)
    affects: tuple[str, ...] = ()


Check = Callable[[VersionDiff], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    check: Check
