"""The neutral version diff: what differs between two API versions, with no judgement attached.

    VersionDiff
    ├── operations_added / operations_removed: OperationRef (method, path, operationId)
    ├── operations_modified: OperationDiff (matched on method + path with placeholders normalised)
    │   ├── renamed path parameters, operationId / method / resource changes
    │   ├── parameters: ParameterDiff (query, header, path)
    │   ├── request body: BodyDiff (presence, required) + PropertyGroup
    │   └── responses: statuses added/removed + one PropertyGroup per common status
    ├── schemas_added / schemas_removed: component schema keys
    └── schemas_modified: PropertyGroup per component schema present on both sides

A ``PropertyGroup`` holds the property differences found under one root (a component schema, a
request body or a response), each as a ``PropertyDiff`` of two ``Prop`` summaries. Whether a
difference breaks a caller is decided later, by the rules in ``generator.diff.rules``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Side = Literal["request", "response"]
BOTH_SIDES: frozenset[Side] = frozenset(("request", "response"))


@dataclass(frozen=True)
class Prop:
    """A property (or a root schema, path ``""``) reduced to what matters to a caller."""

    type: str
    nullable: bool
    required: bool
    enum: tuple[str, ...] | None
    sources: frozenset[str]
    """Where it is declared: component schema keys, or the root's own label for inline declarations."""
    via: frozenset[str] = frozenset()
    """How the root reaches it: the components the root itself refers to, or the root's own label."""

    def same_shape(self, other: Prop) -> bool:
        return (self.type, self.nullable, self.required, self.enum) == (
            other.type,
            other.nullable,
            other.required,
            other.enum,
        )


@dataclass(frozen=True)
class PropertyDiff:
    """One property present on either side whose shape differs (``old``/``new`` None: added/removed)."""

    path: str
    old: Prop | None
    new: Prop | None

    @property
    def added(self) -> bool:
        return self.old is None and self.new is not None

    @property
    def removed(self) -> bool:
        return self.old is not None and self.new is None


@dataclass(frozen=True)
class PropertyGroup:
    """The property differences under one root, and which way data under that root travels."""

    operation: str | None
    schema: str | None
    location: str
    sides: frozenset[Side]
    properties: tuple[PropertyDiff, ...]
    affects: tuple[str, ...] = ()
    """For a component schema: the operations whose requests or responses use it."""


@dataclass(frozen=True)
class OperationRef:
    method: str
    path: str
    operation_id: str | None
    py_name: str

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass(frozen=True)
class ParamInfo:
    name: str
    py_name: str
    location: str
    required: bool
    type: str
    enum: tuple[str, ...] | None


@dataclass(frozen=True)
class ParameterDiff:
    """A query/header parameter matched by location and name, or a path parameter matched by position."""

    location: str
    old: ParamInfo | None
    new: ParamInfo | None

    @property
    def name(self) -> str:
        info = self.new or self.old
        assert info is not None
        return info.name


@dataclass(frozen=True)
class BodyInfo:
    required: bool
    content_type: str
    type: str


@dataclass(frozen=True)
class OperationDiff:
    old: OperationRef
    new: OperationRef
    old_resource: str
    new_resource: str
    became_deprecated: bool
    parameters: tuple[ParameterDiff, ...]
    old_body: BodyInfo | None
    new_body: BodyInfo | None
    statuses_added: tuple[str, ...]
    statuses_removed: tuple[str, ...]
    property_groups: tuple[PropertyGroup, ...]

    @property
    def key(self) -> str:
        return self.new.key


@dataclass(frozen=True)
class VersionDiff:
    old_label: str
    new_label: str
    operations_added: tuple[OperationRef, ...]
    operations_removed: tuple[OperationRef, ...]
    operations_modified: tuple[OperationDiff, ...]
    schemas_added: tuple[str, ...]
    schemas_removed: tuple[str, ...]
    schemas_modified: tuple[PropertyGroup, ...]
    schema_users: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Component schema -> operations using it (newer side, or older side for removed schemas)."""
    resources: Mapping[str, str] = field(default_factory=dict)
    """Operation (``GET /x``, either side) -> the client resource holding its method (newer side first)."""

    def property_groups(self) -> tuple[PropertyGroup, ...]:
        """Every group of property differences: component schemas first, then operations."""
        return self.schemas_modified + tuple(g for op in self.operations_modified for g in op.property_groups)
