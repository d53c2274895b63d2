"""Helpers the rules share: walking the neutral diff and phrasing where a change is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..change import Finding
from ..compute import OPERATION_ROOT
from ..model import OperationDiff, ParameterDiff, PropertyDiff, PropertyGroup, Side, VersionDiff


def property_changes(diff: VersionDiff) -> Iterator[tuple[PropertyGroup, PropertyDiff]]:
    for group in diff.property_groups():
        for prop in group.properties:
            yield group, prop


def both_sides(diff: VersionDiff) -> Iterator[tuple[PropertyGroup, PropertyDiff]]:
    """Property differences present on both sides (neither added nor removed)."""
    for group, prop in property_changes(diff):
        if prop.old is not None and prop.new is not None:
            yield group, prop


def _declared_in(prop: PropertyDiff) -> str | None:
    """The single component schema declaring a property seen through an operation, if there is one."""
    info = prop.new or prop.old
    assert info is not None
    sources = info.sources - {OPERATION_ROOT}
    return next(iter(sources)) if len(sources) == 1 else None


def _where(group: PropertyGroup) -> str:
    if group.operation is None:
        return f"schema `{group.schema}`"
    return f"`{group.operation}` {group.location}"


def property_target(group: PropertyGroup, path: str) -> str:
    return _where(group) + (f" property `{path}`" if path else "")


def property_finding(group: PropertyGroup, prop: PropertyDiff, **params: str) -> Finding:
    return Finding(
        operation=group.operation,
        schema=group.schema or _declared_in(prop),
        property=prop.path or None,
        location=group.location,
        params={"target": property_target(group, prop.path), **params},
        affects=group.affects,
    )


def touches(group: PropertyGroup, side: Side) -> bool:
    return side in group.sides


def operation_finding(op: OperationDiff, location: str = "operation", **params: str) -> Finding:
    return Finding(op.key, None, None, location, {"target": f"`{op.key}`", **params})


def parameter_finding(op: OperationDiff, parameter: ParameterDiff, **params: str) -> Finding:
    location = f"{parameter.location} parameter"
    target = f"`{op.key}` {location} `{parameter.name}`"
    return Finding(op.key, None, parameter.name, location, {"target": target, "operation": f"`{op.key}`", **params})


def parameter_changes(diff: VersionDiff) -> Iterator[tuple[OperationDiff, ParameterDiff]]:
    for op in diff.operations_modified:
        for parameter in op.parameters:
            yield op, parameter


def enum_sites(
    diff: VersionDiff,
) -> Iterator[tuple[Finding, frozenset[Side], tuple[str, ...] | None, tuple[str, ...] | None]]:
    """Every place an enum can change: properties (with their sides) and parameters (requests)."""
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.enum != prop.new.enum:
            yield property_finding(group, prop), group.sides, prop.old.enum, prop.new.enum
    for op, parameter in parameter_changes(diff):
        if parameter.old is not None and parameter.new is not None and parameter.old.enum != parameter.new.enum:
            yield parameter_finding(op, parameter), frozenset(("request",)), parameter.old.enum, parameter.new.enum


def with_params(finding: Finding, **params: str) -> Finding:
    return replace(finding, params={**finding.params, **params})


def schema_finding(diff: VersionDiff, key: str) -> Finding:
    return Finding(None, key, None, "schema", {"target": f"schema `{key}`"}, diff.schema_users.get(key, ()))


def code(value: str) -> str:
    return f"`{value}`"
