"""Assertion kinds about the values a property or parameter takes: defaults, types, enums, limits.

Each names a property (of a component ``schema`` or of an ``operation``'s request body; dotted for
nested ones) or a ``parameter`` of an ``operation``; an enum may also be a schema's own
(``schema`` alone, e.g. ``intercom_version``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...ir.refs import join
from ...ir.schema import is_ref
from ..checks import Evidence, Finding, Truth, finding, locate, missing_schema, operation_or_finding, presence
from ..pkgview import literal_values, nested_fields
from ..specquery import Version, deref
from .base import Assertion

if TYPE_CHECKING:
    from ..pkgview import PackageView

_LIMITS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "min_length": "minLength",
    "max_length": "maxLength",
    "min_items": "minItems",
    "max_items": "maxItems",
}


class _Valued(Assertion):
    """Something with a value: a property of a schema or request body, a parameter, or a schema itself."""

    def where(self) -> tuple[str | None, str | None, str | None, str | None]:
        return (
            getattr(self, "schema", None),
            getattr(self, "operation", None),
            getattr(self, "property", None),
            getattr(self, "parameter", None),
        )

    def validate(self) -> str | None:
        schema, operation, prop, parameter = self.where()
        if parameter is not None and operation is None:
            return "a parameter needs its operation"
        if not (schema or operation):
            return "needs schema or operation"
        if operation is not None and not (prop or parameter):
            return "an operation needs a property (of its request body) or a parameter"
        if prop is None and parameter is None and not self.schema_alone:
            return "needs property or parameter"
        return None

    schema_alone: ClassVar[bool] = False

    def detail(self) -> str:
        _, _, prop, parameter = self.where()
        return str(prop or parameter or "")

    def node(self, version: Version) -> tuple[Mapping[str, Any], str, str] | Finding:
        """The schema of the value: (node, pointer, label) or why there is none."""
        schema, operation, prop, parameter = self.where()
        if parameter is not None:
            op = operation_or_finding(str(operation), version)
            if isinstance(op, Finding):
                return op
            found = next((p for p in op.parameters if p.name == parameter), None)
            if found is None:
                why = f"{op.key} has no parameter {parameter} in {version.name}"
                return finding(Truth.FALSE, why, version, op.pointer)
            resolved, pointer = deref(version.schemas, found.schema, join(found.pointer or op.pointer, "schema"))
            return resolved, pointer, f"{op.key} parameter {parameter}"
        if prop is None:
            if schema not in version.schemas:
                return missing_schema(str(schema), version)
            return version.schemas[str(schema)], join("", "components", "schemas", str(schema)), str(schema)
        located = locate(schema, operation, prop, version)
        if isinstance(located, Finding):
            return located
        lookup, what = located
        if lookup.state == "absent" or lookup.node is None:
            return presence(lookup, what, version)
        resolved, pointer = deref(version.schemas, lookup.node, lookup.pointers[0])
        return resolved, pointer, what


@dataclass(frozen=True)
class DefaultValue(_Valued):
    kind: ClassVar[str] = "default-value"
    summary: ClassVar[str] = "the spec declares that default (for a property or a parameter)"
    default: Any
    property: str | None = None
    parameter: str | None = None
    schema: str | None = None
    operation: str | None = None

    def package_checked(self) -> bool:
        return self.parameter is None

    def check(self, version: Version, payload: Any) -> Finding:
        found = self.node(version)
        if isinstance(found, Finding):
            return found
        node, pointer, what = found
        if "default" not in node:
            return finding(
                Truth.UNKNOWN, f"{what} declares no default in {version.name}", version, pointer, "no default"
            )
        truth = Truth.TRUE if node["default"] == self.default else Truth.FALSE
        return finding(truth, f"{what} defaults to {json.dumps(node['default'])} in {version.name}", version, pointer)

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        if self.property is None:
            return None
        infos = nested_fields(package.property_models(self.schema, self.operation), self.property)
        if not infos:
            return finding.truth is Truth.FALSE, "no such field"
        defaults = {repr(i.default) for i in infos}
        found = f"default {', '.join(sorted(defaults))}"
        if finding.truth is Truth.UNKNOWN:
            return defaults == {"None"}, found + " (the client sends nothing unless set)"
        return (defaults == {repr(self.default)}) == (finding.truth is Truth.TRUE), found


def type_name(schemas: Mapping[str, Any], node: Any) -> str:
    """``string``, ``integer``, ``array<string>``, ``object`` ...; a bare reference gives the schema key."""
    if is_ref(node) and "type" not in node:
        resolved, pointer = deref(schemas, node, "")
        key = pointer.rsplit("/", 1)[-1]
        kind = resolved.get("type")
        return str(kind) if isinstance(kind, str) and kind != "object" else key
    resolved, _ = deref(schemas, node, "")
    kind = resolved.get("type")
    if kind == "array":
        return f"array<{type_name(schemas, resolved.get('items'))}>"
    if isinstance(kind, list):
        return "|".join(str(k) for k in kind)
    if kind is None:
        for keyword in ("oneOf", "anyOf"):
            if isinstance(resolved.get(keyword), list):
                return f"{keyword}({', '.join(type_name(schemas, m) for m in resolved[keyword])})"
    return str(kind or "any")


@dataclass(frozen=True)
class TypeChanged(_Valued):
    kind: ClassVar[str] = "type-changed"
    summary: ClassVar[str] = "the property or parameter has that type (`integer`, `array<string>`, a schema key)"
    type: str
    property: str | None = None
    parameter: str | None = None
    schema: str | None = None
    operation: str | None = None
    format: str | None = None

    def check(self, version: Version, payload: Any) -> Finding:
        schema, operation, prop, parameter = self.where()
        if parameter is None:
            located = locate(schema, operation, str(prop), version)
            if isinstance(located, Finding):
                return located
            lookup, what = located
            if lookup.node is None:
                return presence(lookup, what, version)
            raw, pointer = lookup.node, lookup.pointers[0]
            resolved, _ = deref(version.schemas, raw, pointer)
        else:
            found = self.node(version)
            if isinstance(found, Finding):
                return found
            resolved, pointer, what = found
            raw = resolved
        actual = type_name(version.schemas, raw)
        matches = self.type in (actual, actual.split("<", 1)[0])
        if self.format is not None:
            matches &= resolved.get("format") == self.format
            actual += f" ({resolved.get('format') or 'no format'})"
        truth = Truth.TRUE if matches else Truth.FALSE
        return finding(truth, f"{what} is {actual} in {version.name}", version, pointer, actual)


def enum_of(schemas: Mapping[str, Any], node: Any) -> list[str] | None:
    """The enum values a node allows (through references, allOf/oneOf/anyOf members and array items)."""
    found: list[str] = []
    declared = False
    stack = [node]
    seen = 0
    while stack and seen < 64:
        seen += 1
        current, _ = deref(schemas, stack.pop(), "")
        if isinstance(current.get("enum"), list):
            declared = True
            found += [str(v) for v in current["enum"] if v is not None]
        for keyword in ("allOf", "oneOf", "anyOf"):
            stack.extend(m for m in current.get(keyword) or [] if isinstance(m, Mapping))
        if current.get("type") == "array" and isinstance(current.get("items"), Mapping):
            stack.append(current["items"])
    return list(dict.fromkeys(found)) if declared else None


class _EnumValue(_Valued):
    schema_alone: ClassVar[bool] = True
    present_is_true: ClassVar[bool] = True

    def detail(self) -> str:
        return f"{super().detail() or ''}={getattr(self, 'value', '')}".lstrip("=")

    def check(self, version: Version, payload: Any) -> Finding:
        found = self.node(version)
        if isinstance(found, Finding):
            return found
        node, pointer, what = found
        value = str(getattr(self, "value", ""))
        values = enum_of(version.schemas, node)
        if values is None:
            why = f"{what} declares no enum in {version.name} (any value)"
            return Finding(
                Truth.UNKNOWN if self.present_is_true else Truth.FALSE, why, (Evidence(version.name, pointer, why),)
            )
        has = value in values
        listed = ", ".join(values[:12]) + (", ..." if len(values) > 12 else "")
        verb = "allows" if has else "does not allow"
        truth = Truth.TRUE if has == self.present_is_true else Truth.FALSE
        return finding(truth, f"{what} {verb} {value!r} in {version.name} ({listed})", version, join(pointer, "enum"))

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        schema, operation, prop, _ = self.where()
        if prop is None:
            return None
        infos = nested_fields(package.property_models(schema, operation), prop)
        if not infos:
            return finding.truth is Truth.FALSE, "no such field"
        literals = literal_values(infos[0].annotation)
        if literals is None:
            return True, f"{prop}: {infos[0].annotation!s} (any value)"
        has = str(getattr(self, "value", "")) in literals
        in_spec = (finding.truth is Truth.TRUE) == self.present_is_true
        return has == in_spec, f"{prop}: {', '.join(sorted(literals))}"

    def package_checked(self) -> bool:
        return self.where()[2] is not None


@dataclass(frozen=True)
class EnumValueAdded(_EnumValue):
    kind: ClassVar[str] = "enum-value-added"
    summary: ClassVar[str] = "the enum of the property, parameter or schema lists the value"
    value: str
    property: str | None = None
    parameter: str | None = None
    schema: str | None = None
    operation: str | None = None


@dataclass(frozen=True)
class EnumValueRemoved(_EnumValue):
    kind: ClassVar[str] = "enum-value-removed"
    summary: ClassVar[str] = "the enum of the property, parameter or schema no longer lists the value"
    present_is_true: ClassVar[bool] = False
    value: str
    property: str | None = None
    parameter: str | None = None
    schema: str | None = None
    operation: str | None = None


@dataclass(frozen=True)
class Limit(_Valued):
    kind: ClassVar[str] = "limit"
    summary: ClassVar[str] = "the spec declares those bounds (`minimum`, `maximum`, `max_length`, `max_items` ...)"
    property: str | None = None
    parameter: str | None = None
    schema: str | None = None
    operation: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_length: float | None = None
    max_length: float | None = None
    min_items: float | None = None
    max_items: float | None = None

    def validate(self) -> str | None:
        if all(getattr(self, name) is None for name in _LIMITS):
            return f"needs one of {', '.join(_LIMITS)}"
        return super().validate()

    def check(self, version: Version, payload: Any) -> Finding:
        found = self.node(version)
        if isinstance(found, Finding):
            return found
        node, pointer, what = found
        wanted = {key: getattr(self, name) for name, key in _LIMITS.items() if getattr(self, name) is not None}
        declared = {key: node[key] for key in wanted if key in node}
        shown = ", ".join(f"{k} {v}" for k, v in declared.items()) or "no bounds"
        if not declared:
            return finding(Truth.UNKNOWN, f"{what} declares {shown} in {version.name}", version, pointer, shown)
        wrong = [k for k, v in declared.items() if v != wanted[k]]
        truth = Truth.FALSE if wrong else Truth.TRUE if len(declared) == len(wanted) else Truth.PARTLY
        return finding(truth, f"{what} declares {shown} in {version.name}", version, pointer, shown)
