"""The version diff as the draft reads it: every change, as the assertion that would state it.

``compute_diff(base, target)`` lists what changed between a changelog's two versions; each entry
becomes a ``Candidate``: the assertion (as its claims-file mapping), the names a changelog would
use for it (``admin_assignee_id``, ``assignment.admin_assignee_id``, an enum value, a schema key,
``GET /calls``) and the operations it concerns (to tell a ``page`` of a calls endpoint from the
``page`` of an unrelated schema).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..diff import compute_diff
from ..diff.model import OperationDiff, ParamInfo, PropertyDiff, PropertyGroup, VersionDiff
from .kinds.values import type_name
from .specquery import Version, find_property

Direction = str  # "added" | "removed" | "changed"


@dataclass(frozen=True)
class Candidate:
    asserts: Mapping[str, Any]
    names: frozenset[str]  # what a changelog may call it (lower case)
    operations: frozenset[str]  # "METHOD /path" it concerns (the target's spelling)
    direction: Direction
    evidence: str  # the diff entry, as a reviewer reads it


def _names(path: str) -> set[str]:
    clean = path.replace("[]", "")
    return {clean.lower(), clean.rsplit(".", 1)[-1].lower()} if clean else set()


class DiffIndex:
    """Candidates by name and by operation, built once per draft."""

    def __init__(self, base: Version, target: Version) -> None:
        self.base, self.target = base, target

    @functools.cached_property
    def diff(self) -> VersionDiff:
        """Computed when a statement first needs it (a text naming nothing never does)."""
        return compute_diff(self.base.api, self.target.api)

    @functools.cached_property
    def by_name(self) -> dict[str, list[Candidate]]:
        found: dict[str, list[Candidate]] = {}
        for candidate in self._all():
            for name in candidate.names:
                found.setdefault(name, []).append(candidate)
        return found

    @functools.cached_property
    def added_operations(self) -> set[str]:
        return {ref.key for ref in self.diff.operations_added}

    def named(self, name: str) -> list[Candidate]:
        return self.by_name.get(name.lower(), [])

    # -- building ----------------------------------------------------------------------------
    def _all(self) -> Iterator[Candidate]:
        diff = self.diff
        for ref in diff.operations_added:
            yield Candidate(
                {"kind": "operation-added", "operation": ref.key},
                frozenset({ref.key.lower(), (ref.operation_id or "").lower()} - {""}),
                frozenset({ref.key}),
                "added",
                f"diff: {ref.key} added",
            )
        for ref in diff.operations_removed:
            yield Candidate(
                {"kind": "operation-removed", "operation": ref.key},
                frozenset({ref.key.lower(), (ref.operation_id or "").lower()} - {""}),
                frozenset({ref.key}),
                "removed",
                f"diff: {ref.key} removed",
            )
        for key in diff.schemas_added:
            users = frozenset(diff.schema_users.get(key, ()))
            yield Candidate(
                {"kind": "schema-added", "schema": key},
                frozenset({key.lower()}),
                users,
                "added",
                f"diff: schema {key} added",
            )
        for op in diff.operations_modified:
            yield from self._operation(op)
        for group in diff.schemas_modified:
            yield from self._group(group)

    def _operation(self, op: OperationDiff) -> Iterator[Candidate]:
        key = op.new.key
        ops = frozenset({key})
        for parameter in op.parameters:
            name, where = parameter.name, parameter.location
            base = {"operation": key, "parameter": name, "in": where}
            if parameter.old is None:
                yield Candidate(
                    {"kind": "parameter-added", **base},
                    frozenset({name.lower()}),
                    ops,
                    "added",
                    f"diff: {key} {where} parameter {name} added",
                )
            elif parameter.new is None:
                yield Candidate(
                    {"kind": "parameter-removed", **base},
                    frozenset({name.lower()}),
                    ops,
                    "removed",
                    f"diff: {key} {where} parameter {name} removed",
                )
            else:
                yield from self._parameter_values(key, name, parameter.old, parameter.new)
        for status in op.statuses_added:
            yield Candidate(
                {"kind": "response-status", "operation": key, "status": status},
                frozenset({status}),
                ops,
                "added",
                f"diff: {key} documents {status}",
            )
        for group in op.property_groups:
            yield from self._group(group)

    def _parameter_values(self, key: str, name: str, old_info: ParamInfo, new_info: ParamInfo) -> Iterator[Candidate]:
        old, new, old_type, new_type = old_info.enum, new_info.enum, old_info.type, new_info.type
        ops = frozenset({key})
        where = {"operation": key, "parameter": name}
        for value in sorted(set(new or ()) - set(old or ())):
            yield Candidate(
                {"kind": "enum-value-added", **where, "value": value},
                frozenset({value.lower(), name.lower()}),
                ops,
                "added",
                f"diff: {key} parameter {name} allows {value!r}",
            )
        for value in sorted(set(old or ()) - set(new or ())) if new is not None else ():
            yield Candidate(
                {"kind": "enum-value-removed", **where, "value": value},
                frozenset({value.lower(), name.lower()}),
                ops,
                "removed",
                f"diff: {key} parameter {name} no longer allows {value!r}",
            )
        if old_type != new_type:
            op = self.target.operation(key)
            found = next((p for p in op.parameters if p.name == name), None) if op else None
            kind = type_name(self.target.schemas, found.schema) if found is not None else new_type
            yield Candidate(
                {"kind": "type-changed", **where, "type": kind},
                frozenset({name.lower()}),
                ops,
                "changed",
                f"diff: {key} parameter {name}: {old_type} -> {new_type}",
            )

    def _group(self, group: PropertyGroup) -> Iterator[Candidate]:
        if group.schema is not None:
            owner: dict[str, str] = {"schema": group.schema}
            ops = frozenset(group.affects)
            where = f"schema {group.schema}"
        elif group.operation is not None and group.location == "request body":
            owner = {"operation": group.operation}
            ops = frozenset({group.operation})
            where = f"{group.operation} request body"
        else:
            return  # an inline response: no schema a claim could name
        for prop in group.properties:
            yield from self._property(owner, ops, where, prop)

    def _property(
        self, owner: dict[str, str], ops: frozenset[str], where: str, prop: PropertyDiff
    ) -> Iterator[Candidate]:
        path = prop.path.replace("[]", "")
        names = frozenset(_names(prop.path))
        if not path:
            if prop.old is not None and prop.new is not None and "schema" in owner:
                yield from self._enum(owner, {}, (ops, where), prop)
            return
        located = {**owner, "property": path}
        if prop.added:
            kind = "property-added" if "schema" in owner else "body-property-added"
            yield Candidate({"kind": kind, **located}, names, ops, "added", f"diff: {where} property {path} added")
            return
        if prop.removed:
            yield Candidate(
                {"kind": "property-removed", **located}, names, ops, "removed", f"diff: {where} property {path} removed"
            )
            return
        assert prop.old is not None and prop.new is not None
        yield from self._enum(owner, {"property": path}, (ops, where), prop)
        if prop.old.type != prop.new.type:
            kind = self._type(owner, path) or prop.new.type
            yield Candidate(
                {"kind": "type-changed", **located, "type": kind},
                names,
                ops,
                "changed",
                f"diff: {where} {path}: {prop.old.type} -> {prop.new.type}",
            )
        if prop.old.nullable != prop.new.nullable:
            yield Candidate(
                {"kind": "nullability", **located, "nullable": prop.new.nullable},
                names,
                ops,
                "changed",
                f"diff: {where} {path} nullable {prop.new.nullable}",
            )
        if prop.old.required != prop.new.required:
            yield Candidate(
                {"kind": "nullability", **located, "required": prop.new.required},
                names,
                ops,
                "changed",
                f"diff: {where} {path} required {prop.new.required}",
            )

    def _enum(
        self, owner: dict[str, str], located: dict[str, str], where: tuple[frozenset[str], str], prop: PropertyDiff
    ) -> Iterator[Candidate]:
        ops, label = where
        names = frozenset(_names(prop.path)) or frozenset({owner.get("schema", "").lower()})
        assert prop.old is not None and prop.new is not None
        old, new = prop.old.enum, prop.new.enum
        what = located.get("property", label)
        for value in sorted(set(new or ()) - set(old or ())):
            yield Candidate(
                {"kind": "enum-value-added", **owner, **located, "value": value},
                names | {value.lower()},
                ops,
                "added",
                f"diff: {label} {what} allows {value!r}",
            )
        for value in sorted(set(old or ()) - set(new or ())) if new is not None else ():
            yield Candidate(
                {"kind": "enum-value-removed", **owner, **located, "value": value},
                names | {value.lower()},
                ops,
                "removed",
                f"diff: {label} {what} no longer allows {value!r}",
            )

    def _type(self, owner: dict[str, str], path: str) -> str | None:
        if "schema" in owner:
            node: Any = self.target.schemas.get(owner["schema"])
        else:
            op = self.target.operation(owner["operation"])
            node = op.body.schema if op is not None and op.body is not None else None
        found = find_property(self.target.schemas, node, "", path)
        return type_name(self.target.schemas, found.node) if found.node is not None else None
