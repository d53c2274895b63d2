"""Changes between a changelog's two versions that none of its claims explains.

The version diff (``generator.diff.diff_apis(old, new) -> list[Change]``) lists every change
between a changelog's two versions; this module keeps those no claim explains.

A claim explains a change when they name the same thing: the same operation (by ``METHOD /path``
in either version), or the same schema and property, or a schema the target adds together with
what the claim says was added (the request and response schemas of a new operation, the type of a
new property). Claims that only give advice (doc-only, unverifiable) explain nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..ir.model import Api
from .evaluate import ChangelogResult
from .kinds import Assertion
from .specquery import Version, iter_schema_refs

SEVERITY_ORDER = {"breaking": 0, "non-breaking": 1, "info": 2}


class DiffChange(Protocol):
    """What contracts need of a diff entry (``generator.diff.Change`` provides it)."""

    @property
    def id(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def operation(self) -> str | None: ...
    @property
    def schema(self) -> str | None: ...
    @property
    def message(self) -> str: ...
    @property  # last: inside this class body the name ``property`` is rebound by this member
    def property(self) -> str | None: ...


DiffFunction = Callable[[Api, Api], Sequence[DiffChange]]


@dataclass(frozen=True)
class Subject:
    """What one assertion is about, in the terms diff entries use."""

    operations: frozenset[str]  # "METHOD /path" in base and target
    schemas: frozenset[str]
    name: str | None  # property, parameter or field name; None = anything on the operation/schema
    introduced: frozenset[str] = frozenset()  # schemas new in the target that come with what was added

    def explains(self, change: DiffChange) -> bool:
        if change.schema is not None and change.schema in self.introduced:
            return True
        if change.operation is not None and change.operation in self.operations:
            return self.name is None or change.property in (None, self.name)
        if change.schema is not None and change.schema in self.schemas:
            return self.name is None or change.property == self.name
        return False


def _introduced(a: Assertion, base: Version, target: Version) -> frozenset[str]:
    """Schemas the target adds along with an added operation or property (its bodies, its type, and
    the new schemas those refer to)."""
    # follow references through new schemas only: what an existing schema refers to is not new here
    todo = [key for node in a.introduced_roots(target) for key in iter_schema_refs(node)]
    found: set[str] = set()
    while todo:
        key = todo.pop()
        if key in found or key in base.schemas:
            continue
        found.add(key)
        todo.extend(iter_schema_refs(target.schemas.get(key)))
    return frozenset(found)


def subject(a: Assertion, base: Version, target: Version) -> Subject | None:
    if a.evidence == "none":
        return None
    refs = a.subject_operations()
    operations = {op.key for v in (base, target) for ref in refs if (op := v.operation(ref)) is not None}
    name = a.subject_name()
    introduced = _introduced(a, base, target)
    return Subject(frozenset(operations), frozenset(a.subject_schemas(base, target)), name, introduced)


def severity(change: DiffChange) -> str:
    """The severity as plain text (the diff may hand over a string enum)."""
    return str(getattr(change.severity, "value", change.severity))


def unexplained(
    changes: Iterable[DiffChange], result: ChangelogResult, base: Version, target: Version
) -> list[DiffChange]:
    """Changes no claim of ``result`` explains, breaking first."""
    subjects = [s for c in result.claims for a in c.claim.asserts if (s := subject(a, base, target)) is not None]
    left = [c for c in changes if not any(s.explains(c) for s in subjects)]
    return sorted(
        left,
        key=lambda c: (SEVERITY_ORDER.get(severity(c), 3), c.operation or "", c.schema or "", c.property or "", c.id),
    )
