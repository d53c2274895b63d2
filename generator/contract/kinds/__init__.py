"""Assertion kinds: the single registry of what a claim can assert.

Each kind is a frozen dataclass in one of the modules here, carrying its spec check and its
package check (see ``base``). Adding a kind is one class and one line in ``ALL_KINDS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import Assertion, AssertionError_, EvidenceKind, build
from .documents import (
    DocOnly,
    Documented,
    ExampleValidates,
    RequestExample,
    SearchableField,
    Unverifiable,
    VersionHeader,
)
from .operations import (
    OperationAdded,
    OperationRemoved,
    ParameterAdded,
    ParameterRemoved,
    ResponseContentType,
    ResponseStatus,
)
from .properties import BodyPropertyAdded, Nullability, PropertyAdded, PropertyRemoved, SchemaAdded
from .values import DefaultValue, EnumValueAdded, EnumValueRemoved, Limit, TypeChanged

ALL_KINDS: tuple[type[Assertion], ...] = (
    OperationAdded,
    OperationRemoved,
    ParameterAdded,
    ParameterRemoved,
    PropertyAdded,
    BodyPropertyAdded,
    PropertyRemoved,
    SchemaAdded,
    Nullability,
    DefaultValue,
    TypeChanged,
    EnumValueAdded,
    EnumValueRemoved,
    Limit,
    ResponseStatus,
    ResponseContentType,
    ExampleValidates,
    RequestExample,
    VersionHeader,
    SearchableField,
    Documented,
    DocOnly,
    Unverifiable,
)
KINDS: Mapping[str, type[Assertion]] = {cls.kind: cls for cls in ALL_KINDS}
assert len(KINDS) == len(ALL_KINDS), "two assertion kinds share a name"


def parse_assertion(raw: Any, pointer: str) -> Assertion:
    """The assertion a claims-file mapping describes; raises AssertionError_ saying what is wrong."""
    kind = raw.get("kind") if isinstance(raw, Mapping) else raw
    cls = KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None or not isinstance(raw, Mapping):
        raise AssertionError_(f"unknown assertion kind {kind!r} (known: {', '.join(KINDS)})")
    return build(cls, raw, pointer)


__all__ = [
    "ALL_KINDS",
    "KINDS",
    "Assertion",
    "AssertionError_",
    "BodyPropertyAdded",
    "DefaultValue",
    "DocOnly",
    "Documented",
    "EnumValueAdded",
    "EnumValueRemoved",
    "EvidenceKind",
    "ExampleValidates",
    "Limit",
    "Nullability",
    "OperationAdded",
    "OperationRemoved",
    "ParameterAdded",
    "ParameterRemoved",
    "PropertyAdded",
    "PropertyRemoved",
    "RequestExample",
    "ResponseContentType",
    "ResponseStatus",
    "SchemaAdded",
    "SearchableField",
    "TypeChanged",
    "Unverifiable",
    "VersionHeader",
    "parse_assertion",
]
