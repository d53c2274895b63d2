"""IR dataclasses: what one Intercom API version offers, with the Python names and annotations its
package uses.

    Api
    ├── servers: Server (region, url)
    ├── resources: Resource (one per primary tag)
    │   └── operations: Operation (method + path)
    │       ├── parameters: Parameter (path, query, header; never Intercom-Version)
    │       ├── body: Body | None
    │       ├── responses: Response (every status, for diffs)
    │       ├── result: Result (what the method returns)
    │       └── pagination: Pagination | None
    └── models: ModelClass (one per component schema and per hoisted inline body)

Every Python-facing string (identifiers, annotations) is computed while building the IR, so
templates only print. The IR is immutable; the raw spec it came from travels with it (``spec``,
already repaired of dangling refs) for consumers such as the version diff.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ParameterLocation = Literal["path", "query", "header"]
CursorKind = Literal["query", "body"]


@dataclass(frozen=True)
class Server:
    region: str
    url: str
    description: str


_MODEL_NAME = re.compile(r"_models\.(\w+)")


def model_names(annotation: str) -> list[str]:
    """The model classes an annotation names (``_models.Contact | None`` -> ``["Contact"]``)."""
    return _MODEL_NAME.findall(annotation)


@dataclass(frozen=True)
class Parameter:
    name: str
    py_name: str
    location: ParameterLocation
    required: bool
    annotation: str
    description: str
    deprecated: bool
    explode_object: bool
    schema: Mapping[str, Any] = field(repr=False)
    fills_path: bool = False
    """A query or header parameter whose name is also a ``{placeholder}`` of the path (a spec defect):
    its value fills the path as well."""
    pointer: str = field(default="", compare=False)
    """Where the parameter is declared (for diagnostics)."""


@dataclass(frozen=True)
class Body:
    annotation: str
    required: bool
    content_type: str
    description: str
    schema: Mapping[str, Any] = field(repr=False)
    examples: Mapping[str, Any] = field(repr=False, default_factory=dict)


@dataclass(frozen=True)
class Response:
    status: str
    description: str
    content_type: str | None
    schema: Mapping[str, Any] | None = field(repr=False)
    examples: Mapping[str, Any] = field(repr=False, default_factory=dict)


@dataclass(frozen=True)
class Result:
    """What a generated method returns: ``annotation`` for the signature, ``cast_to`` for the runtime."""

    annotation: str
    cast_to: str
    needs_cast: bool
    status: str | None


@dataclass(frozen=True)
class Pagination:
    cursor: CursorKind
    items_field: str
    item_annotation: str
    page_annotation: str


@dataclass(frozen=True)
class Operation:
    operation_id: str | None
    method: str
    path: str
    tags: tuple[str, ...]
    py_name: str
    summary: str
    description: str
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: Body | None
    responses: tuple[Response, ...]
    result: Result
    pagination: Pagination | None
    pointer: str
    version_header: str | None = None
    """The ``Intercom-Version`` value to send when the operation declares another spelling of the
    client's version (``unstable`` for ``Unstable``); ``None`` sends the client's own."""

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def path_arguments(self) -> tuple[Parameter, ...]:
        """The parameters that fill the path's placeholders (path parameters and ``fills_path`` ones)."""
        return tuple(p for p in self.parameters if p.location == "path" or p.fills_path)

    @property
    def query_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    @property
    def header_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "header")

    @property
    def exploded(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parameters if p.explode_object)


@dataclass(frozen=True)
class Resource:
    tag: str
    attribute: str
    class_name: str
    module: str
    description: str
    operations: tuple[Operation, ...]


@dataclass(frozen=True)
class ModelClass:
    """One generated model class; ``origin`` is the JSON pointer of the schema it comes from."""

    class_name: str
    module: str
    origin: str
    schema_key: str | None


@dataclass(frozen=True)
class Api:
    source: str
    version: str
    title: str
    description: str
    servers: tuple[Server, ...]
    resources: tuple[Resource, ...]
    models: tuple[ModelClass, ...]
    model_document: Mapping[str, Any] = field(repr=False)
    field_aliases: Mapping[str, list[str]] = field(repr=False)
    spec: Mapping[str, Any] = field(repr=False)
    request_widenings: Mapping[str, str] = field(repr=False, default_factory=dict)
    """Request-side schema pointer -> the JSON type the spec's own request examples send besides the
    declared one; the request models accept both (see ``examples.py``)."""
    example_misfits: Mapping[tuple[str, str, str], str] = field(repr=False, default_factory=dict)
    """(operation key, status or ``request``, example name) of the spec's own examples holding a value
    of another type than their schema says (reported as ``example-type-mismatch``), with the first."""

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for resource in self.resources for op in resource.operations)

    def operation(self, method: str, path: str) -> Operation:
        for op in self.operations:
            if op.method == method.lower() and op.path == path:
                return op
        raise KeyError(f"{method.upper()} {path}")
