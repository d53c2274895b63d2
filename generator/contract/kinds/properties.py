"""Assertion kinds about schemas and their properties: added, removed, nullable or required.

A ``property`` may be a dotted path into nested objects (``assignment.admin_assignee_id``,
``options[].value``); it is looked up in a component ``schema`` or in an ``operation``'s request
body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...ir.refs import join
from ..checks import Evidence, Finding, Truth, finding, locate, missing_operation, missing_schema, presence
from ..pkgview import admits_none, nested_fields
from ..specquery import Version, is_nullable, iter_schema_refs, reachable, response_schema
from .base import Assertion

if TYPE_CHECKING:
    from ..pkgview import PackageView


def field_presence(package: PackageView, schema: str | None, operation: str | None, name: str) -> tuple[int, int, str]:
    """(models, models having the field, what was found) for a property in the package."""
    models = package.property_models(schema, operation)
    having = [m.__name__ for m in models if nested_fields([m], name)]
    found = (
        f"{name} on {', '.join(having)}"
        if having
        else f"no {name} on {', '.join(m.__name__ for m in models) or '(no model)'}"
    )
    return len(models), len(having), found


class _Located(Assertion):
    """A property of a schema or of a request body (subclasses declare the fields)."""

    def where(self) -> tuple[str | None, str | None, str]:
        return getattr(self, "schema", None), getattr(self, "operation", None), str(getattr(self, "property", ""))

    def validate(self) -> str | None:
        schema, operation, _ = self.where()
        return None if schema or operation else "needs schema or operation"

    def subject_schemas(self, base: Version, target: Version) -> set[str]:
        schema, operation, _ = self.where()
        found = {schema} if schema else set()
        if operation is not None:
            for version in (base, target):
                op = version.operation(operation)
                found |= set(iter_schema_refs(op.body.schema)) if op is not None and op.body is not None else set()
        return found


def _property_node(schema: str | None, operation: str | None, name: str, target: Version) -> list[Any]:
    located = locate(schema, operation, name, target)
    return [] if isinstance(located, Finding) else [located[0].node]


@dataclass(frozen=True)
class PropertyAdded(_Located):
    kind: ClassVar[str] = "property-added"
    summary: ClassVar[str] = "the schema declares it (reachable from `via`'s response)"
    schema: str
    property: str
    via: str | None = None

    def subject_operations(self) -> set[str]:
        return set()  # "via" only locates the schema; the change is on the schema

    def subject_schemas(self, base: Version, target: Version) -> set[str]:
        return {self.schema}

    def introduced_roots(self, target: Version) -> list[Any]:
        return _property_node(self.schema, None, self.property, target)

    def check(self, version: Version, payload: Any) -> Finding:
        located = locate(self.schema, None, self.property, version)
        if isinstance(located, Finding):
            return located
        found = presence(*located, version)
        if self.via is None or found.truth is Truth.FALSE:
            return found
        op = version.operation(self.via)
        if op is None:
            return missing_operation(self.via, version)
        response = response_schema(op)
        if self.schema not in (reachable(version.schemas, response[0]) if response else set()):
            why = f"{self.schema} is not reachable from the response of {op.key} in {version.name}"
            return Finding(Truth.PARTLY, why, (*found.evidence, Evidence(version.name, op.pointer, why)))
        reach = Evidence(version.name, response[1] if response else op.pointer, f"reaches {self.schema}")
        return Finding(found.truth, f"{found.why}, in the response of {op.key}", (*found.evidence, reach))

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        models, having, found = field_presence(package, self.schema, None, self.property)
        return _agrees_on_presence(finding.truth, models, having), found


def _agrees_on_presence(truth: Truth, models: int, having: int) -> bool:
    if truth is Truth.TRUE:
        return models > 0 and having == models
    if truth is Truth.PARTLY:
        return having > 0
    return having == 0


@dataclass(frozen=True)
class BodyPropertyAdded(_Located):
    kind: ClassVar[str] = "body-property-added"
    summary: ClassVar[str] = "every variant of the request body declares it"
    operation: str
    property: str

    def introduced_roots(self, target: Version) -> list[Any]:
        return _property_node(None, self.operation, self.property, target)

    def check(self, version: Version, payload: Any) -> Finding:
        located = locate(None, self.operation, self.property, version)
        return located if isinstance(located, Finding) else presence(*located, version)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        models, having, found = field_presence(package, None, self.operation, self.property)
        return _agrees_on_presence(finding.truth, models, having), found


@dataclass(frozen=True)
class PropertyRemoved(_Located):
    kind: ClassVar[str] = "property-removed"
    summary: ClassVar[str] = "the schema (or request body) exists and no longer declares it"
    property: str
    schema: str | None = None
    operation: str | None = None

    def check(self, version: Version, payload: Any) -> Finding:
        located = locate(self.schema, self.operation, self.property, version)
        if isinstance(located, Finding):
            return located
        lookup, what = located
        if lookup.state == "absent":
            owner = self.schema or f"{self.operation} body"
            return finding(Truth.TRUE, f"{what} is not declared in {version.name}", version, owner, "not declared")
        evidence = tuple(Evidence(version.name, p, "still declared") for p in lookup.pointers)
        return Finding(Truth.FALSE, f"{what} is still declared in {version.name}", evidence)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        _, having, found = field_presence(package, self.schema, self.operation, self.property)
        return (having == 0) == (finding.truth is Truth.TRUE), found


@dataclass(frozen=True)
class SchemaAdded(Assertion):
    kind: ClassVar[str] = "schema-added"
    summary: ClassVar[str] = "the component schema exists"
    schema: str

    def check(self, version: Version, payload: Any) -> Finding:
        if self.schema in version.schemas:
            pointer = join("", "components", "schemas", self.schema)
            return finding(Truth.TRUE, f"schema {self.schema} exists in {version.name}", version, pointer, "exists")
        return missing_schema(self.schema, version)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        model = package.model(self.schema)
        found = f"model {model.__name__}" if model else "no model"
        return (model is not None) == (finding.truth is Truth.TRUE), found


@dataclass(frozen=True)
class Nullability(_Located):
    kind: ClassVar[str] = "nullability"
    summary: ClassVar[str] = "the property is (not) nullable / (not) required"
    property: str
    schema: str | None = None
    operation: str | None = None
    nullable: bool | None = None
    required: bool | None = None

    def check(self, version: Version, payload: Any) -> Finding:
        located = locate(self.schema, self.operation, self.property, version)
        if isinstance(located, Finding):
            return located
        lookup, what = located
        if lookup.state == "absent":
            return presence(lookup, what, version)
        actual = {"nullable": is_nullable(version.schemas, lookup.node), "required": lookup.required}
        wanted = {"nullable": self.nullable, "required": self.required}
        wrong = [f"{k} is {str(actual[k]).lower()}" for k in actual if wanted[k] is not None and wanted[k] != actual[k]]
        found = ", ".join(f"{k}: {str(v).lower()}" for k, v in actual.items())
        evidence = tuple(Evidence(version.name, p, found) for p in lookup.pointers)
        if wrong:
            return Finding(Truth.FALSE, f"{what}: {', '.join(wrong)} in {version.name}", evidence)
        return Finding(Truth.TRUE, f"{what}: {found} in {version.name}", evidence)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        infos = nested_fields(package.property_models(self.schema, self.operation), self.property)
        if not infos:
            return finding.truth is Truth.FALSE, "no such field"
        info = infos[0]
        optional, nullable = not info.is_required(), admits_none(info.annotation)
        found = f"{self.property}: {info.annotation!s}, {'optional' if optional else 'required'}"
        if finding.truth is not Truth.TRUE:
            return True, found  # a generated field may be wider than the spec; nothing to disagree with
        return (self.nullable is not True or nullable) and (self.required is not False or optional), found
