"""Assertion kinds about operations: added or removed, their parameters, statuses and content types."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ...core.naming import snake_case
from ...ir.model import Operation, Parameter
from ...ir.refs import join, resolve_pointer, split_ref
from ...ir.schema import Resolver, is_ref
from ..checks import Finding, Truth, combine_findings, finding, missing_operation, operation_or_finding
from ..specquery import Version, reachable, response_schema
from .base import Assertion

if TYPE_CHECKING:
    from ..pkgview import PackageView


def _one_operation(ref: str, parameters: tuple[str, ...], version: Version) -> Finding:
    op = version.operation(ref)
    if op is None:
        return missing_operation(ref, version)
    names = [p.name for p in op.parameters]
    missing = [p for p in parameters if p not in names]
    found = f"{op.key} ({op.operation_id or 'no operationId'}; {op.summary or 'no summary'})"
    if missing:
        why = (
            f"{ref} is {op.key} ({op.summary or 'no summary'}), taking {', '.join(names) or 'no parameters'}, "
            f"not {', '.join(missing)}"
        )
        return finding(Truth.PARTLY, why, version, op.pointer, found)
    name = f"{op.key} ({op.operation_id})" if ref == op.key else f"{ref} is {op.key}"
    return finding(Truth.TRUE, f"{name} in {version.name}", version, op.pointer, found)


def confirm_methods(package: PackageView, refs: tuple[str, ...], parameters: tuple[str, ...]) -> tuple[bool, str]:
    """The package has a method exactly where the spec has the operation, taking the parameters the spec lists."""
    notes, agrees = [], True
    for ref in refs:
        op = package.version.operation(ref)
        if op is None:
            present = package.any_method(snake_case(ref))
            agrees &= not present
            notes.append(f"{ref}: {'a method exists' if present else 'no method'}")
            continue
        method = package.method(op)
        if method is None:
            agrees = False
            notes.append(f"{ref}: method {op.py_name} missing")
            continue
        signature = list(inspect.signature(method).parameters)
        for parameter in parameters:
            in_spec = next((p for p in op.parameters if p.name == parameter), None)
            agrees &= in_spec is None or in_spec.py_name in signature
        notes.append(f"{op.py_name}({', '.join(p for p in signature if p != 'self')})")
    return agrees, "; ".join(notes)


@dataclass(frozen=True)
class OperationAdded(Assertion):
    kind: ClassVar[str] = "operation-added"
    summary: ClassVar[str] = "the operation exists (and takes those parameters)"
    operation: str | None = None
    operations: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()

    def validate(self) -> str | None:
        return None if self.operation or self.operations else "needs operation or operations"

    @property
    def refs(self) -> tuple[str, ...]:
        return self.operations or (str(self.operation),)

    def operation_refs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*(r for r in [self.operation] if r), *self.operations]))

    def owner(self) -> str:
        return ", ".join(self.operations) if self.operations else str(self.operation)

    def check(self, version: Version, payload: Any) -> Finding:
        return combine_findings([_one_operation(ref, self.parameters, version) for ref in self.refs])

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        return confirm_methods(package, self.refs, self.parameters)

    def introduced_roots(self, target: Version) -> list[Any]:
        nodes: list[Any] = []
        for ref in self.operation_refs():
            op = target.operation(ref)
            if op is not None:
                nodes += [op.body.schema if op.body else None, *(r.schema for r in op.responses)]
        return nodes


@dataclass(frozen=True)
class OperationRemoved(Assertion):
    kind: ClassVar[str] = "operation-removed"
    summary: ClassVar[str] = "no operation answers to the reference"
    operation: str

    def check(self, version: Version, payload: Any) -> Finding:
        op = version.operation(self.operation)
        if op is None:
            return finding(Truth.TRUE, f"no operation {self.operation} in {version.name}", version, "/paths")
        return finding(Truth.FALSE, f"{self.operation} is {op.key} in {version.name}", version, op.pointer)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        return confirm_methods(package, (self.operation,), ())


def _parameter(op: Operation, name: str, location: str | None) -> Parameter | None:
    return next((p for p in op.parameters if p.name == name and location in (None, p.location)), None)


@dataclass(frozen=True)
class _ParameterPresence(Assertion):
    """Whether the operation takes the parameter; ``present_is_true`` says which answer holds."""

    present_is_true: ClassVar[bool] = True
    operation: str
    parameter: str
    location: str | None = field(default=None, metadata={"yaml": "in"})

    def check(self, version: Version, payload: Any) -> Finding:
        op = operation_or_finding(self.operation, version)
        if isinstance(op, Finding):
            return op
        found = _parameter(op, self.parameter, self.location)
        truth = Truth.TRUE if (found is not None) == self.present_is_true else Truth.FALSE
        if found is None:
            return finding(
                truth, f"{op.key} takes no parameter {self.parameter} in {version.name}", version, op.pointer
            )
        why = f"{op.key} takes {found.location} parameter {self.parameter} in {version.name}"
        return finding(truth, why, version, found.pointer or op.pointer)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        return confirm_methods(package, (self.operation,), (self.parameter,))


@dataclass(frozen=True)
class ParameterAdded(_ParameterPresence):
    kind: ClassVar[str] = "parameter-added"
    summary: ClassVar[str] = "the operation takes the parameter"


@dataclass(frozen=True)
class ParameterRemoved(_ParameterPresence):
    kind: ClassVar[str] = "parameter-removed"
    summary: ClassVar[str] = "the operation exists and no longer takes the parameter"
    present_is_true: ClassVar[bool] = False


@dataclass(frozen=True)
class ResponseStatus(Assertion):
    kind: ClassVar[str] = "response-status"
    summary: ClassVar[str] = "the status is documented (returning that schema)"
    operation: str
    status: str
    schema: str | None = None

    def owner(self) -> str:
        return self.operation

    def subject_schemas(self, base: Version, target: Version) -> set[str]:
        return set()  # the schema is what the response returns, not a schema the change is about

    def check(self, version: Version, payload: Any) -> Finding:
        op = operation_or_finding(self.operation, version)
        if isinstance(op, Finding):
            return op
        statuses = [r.status for r in op.responses]
        if self.status not in statuses:
            why = f"{op.key} documents {', '.join(statuses)}, not {self.status}, in {version.name}"
            return finding(Truth.FALSE, why, version, join(op.pointer, "responses"))
        pointer = join(op.pointer, "responses", self.status)
        response = response_schema(op, self.status)
        if self.schema is not None and (response is None or self.schema not in reachable(version.schemas, response[0])):
            why = f"{op.key} {self.status} does not return {self.schema} in {version.name}"
            return finding(Truth.PARTLY, why, version, pointer)
        return finding(Truth.TRUE, f"{op.key} documents {self.status} in {version.name}", version, pointer)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        # a method exists where the operation does; where the version lacks the operation, none may
        return confirm_methods(package, (self.operation,), ())


def response_media(version: Version, op: Operation, status: str | None) -> tuple[dict[str, list[str]], str]:
    """Media types per documented status (or of ``status`` only), and the pointer of the responses."""
    pointer = join(op.pointer, "responses")
    try:
        raw = resolve_pointer(version.spec, split_ref("#" + pointer) or [])
    except KeyError:
        return {}, pointer
    out: dict[str, list[str]] = {}
    for code, declared in (raw or {}).items() if isinstance(raw, Mapping) else ():
        if status is not None and str(code) != status:
            continue
        response: Any = declared
        if is_ref(declared):
            response, _ = Resolver(version.spec).follow(declared)
            if not response:
                continue
        content = response.get("content") if isinstance(response, Mapping) else None
        out[str(code)] = [str(k) for k in content] if isinstance(content, Mapping) else []
    return out, pointer


@dataclass(frozen=True)
class ResponseContentType(Assertion):
    kind: ClassVar[str] = "response-content-type"
    summary: ClassVar[str] = "a response (of that status) is documented in that media type"
    operation: str
    content_type: str
    status: str | None = None

    def detail(self) -> str:
        return self.content_type

    def check(self, version: Version, payload: Any) -> Finding:
        op = operation_or_finding(self.operation, version)
        if isinstance(op, Finding):
            return op
        media, pointer = response_media(version, op, self.status)
        having = [code for code, types in media.items() if self.content_type in types]
        if having:
            why = f"{op.key} answers {', '.join(having)} as {self.content_type} in {version.name}"
            return finding(Truth.TRUE, why, version, join(pointer, having[0], "content"))
        listed = sorted({t for types in media.values() for t in types}) or ["no content"]
        why = f"{op.key} documents {', '.join(listed)}, not {self.content_type}, in {version.name}"
        return finding(Truth.FALSE, why, version, pointer)
