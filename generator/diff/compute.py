"""``Api`` x ``Api`` -> ``VersionDiff``: the neutral diff, computed on the generator's IR.

Operations are matched on method + path with every ``{placeholder}`` normalised, so a path
parameter renamed from ``{contact_id}`` to ``{id}`` is a change to one operation, not a removal
and an addition. Component schemas are matched by key; schemas the generator had to invent for
dangling refs do not count as defined.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..core.naming import resource_attribute
from ..ir.model import Api, Operation, Parameter
from ..ir.refs import is_repaired
from .flatten import Flattener, View, describe, enum_of
from .model import (
    BOTH_SIDES,
    BodyInfo,
    OperationDiff,
    OperationRef,
    ParameterDiff,
    ParamInfo,
    PropertyDiff,
    PropertyGroup,
    Side,
    VersionDiff,
)
from .usage import schema_usage

_PLACEHOLDER = re.compile(r"\{[^{}/]*\}")
OPERATION_ROOT = ""
"""The label crediting declarations made inline in an operation's body or response."""


def normalise_path(path: str) -> str:
    """``/contacts/{contact_id}/tags/{id}`` -> ``/contacts/{}/tags/{}``."""
    return _PLACEHOLDER.sub("{}", path)


def path_placeholders(path: str) -> list[str]:
    return [match[1:-1] for match in _PLACEHOLDER.findall(path)]


def _index(api: Api) -> dict[tuple[str, str], Operation]:
    """Operations by (method, normalised path); paths that only differ in placeholder names stay apart."""
    grouped: dict[tuple[str, str], list[Operation]] = {}
    for op in api.operations:
        grouped.setdefault((op.method, normalise_path(op.path)), []).append(op)
    index: dict[tuple[str, str], Operation] = {}
    for key, ops in grouped.items():
        if len(ops) == 1:
            index[key] = ops[0]
        else:
            index.update({(op.method, op.path): op for op in ops})
    return index


def _ref(op: Operation) -> OperationRef:
    return OperationRef(op.method, op.path, op.operation_id, op.py_name)


class _Side:
    """One version being compared: its IR, schema views and schema usage."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.schemas: Mapping[str, Any] = api.spec["components"]["schemas"]
        self.keys = {str(k) for k, v in self.schemas.items() if not is_repaired(v)}
        self.flattener = Flattener(self.schemas)
        self.usage = schema_usage(api)


def diff_views(old: View, new: View, label: str) -> tuple[PropertyDiff, ...]:
    """Property differences between two views of one root.

    A difference reached through the same component on both sides is left to that component:
    its own diff reports it once, instead of once per place using it.
    """
    shared = (old.owners & new.owners) - {label}
    found: list[PropertyDiff] = []
    if not old.root.same_shape(new.root):
        found.append(PropertyDiff("", old.root, new.root))
    for path in sorted(old.properties.keys() | new.properties.keys()):
        before, after = old.properties.get(path), new.properties.get(path)
        if before is not None and after is not None and before.same_shape(after):
            continue
        via = (before.via if before else frozenset()) | (after.via if after else frozenset())
        same_way = before is None or after is None or before.via == after.via
        if via <= shared and same_way:
            continue
        found.append(PropertyDiff(path, before, after))
    return _drop_descendants(found)


def _parent(path: str) -> str:
    head = path.rsplit(".", 1)[0] if "." in path else ""
    return head[:-2] if head.endswith("[]") else head


def _has_ancestor(path: str, paths: set[str]) -> bool:
    parent = _parent(path)
    while parent:
        if parent in paths:
            return True
        parent = _parent(parent)
    return False


def _drop_descendants(found: list[PropertyDiff]) -> tuple[PropertyDiff, ...]:
    """An added (removed) object reports itself, not each property inside it as well."""
    added = {d.path for d in found if d.added}
    removed = {d.path for d in found if d.removed}
    return tuple(
        d
        for d in found
        if not (d.added and _has_ancestor(d.path, added)) and not (d.removed and _has_ancestor(d.path, removed))
    )


def _param_info(param: Parameter) -> ParamInfo:
    return ParamInfo(
        param.name, param.py_name, param.location, param.required, describe(param.schema), enum_of(param.schema)
    )


def _named_parameters(op: Operation) -> dict[tuple[str, str], Parameter]:
    """Query and header parameters by (location, name); header names are case-insensitive."""
    return {
        (p.location, p.name.lower() if p.location == "header" else p.name): p
        for p in op.parameters
        if p.location != "path"
    }


def _parameter_diffs(old: Operation, new: Operation) -> tuple[ParameterDiff, ...]:
    """Path parameters pair up by their place in the path; the others by location and name."""
    found: list[ParameterDiff] = []
    old_path = {p.name: p for p in old.path_parameters}
    new_path = {p.name: p for p in new.path_parameters}
    for before_name, after_name in zip(path_placeholders(old.path), path_placeholders(new.path), strict=False):
        before, after = old_path.get(before_name), new_path.get(after_name)
        if before is not None and after is not None:
            found.append(ParameterDiff("path", _param_info(before), _param_info(after)))
    before_map, after_map = _named_parameters(old), _named_parameters(new)
    for key in sorted(before_map.keys() | after_map.keys()):
        before, after = before_map.get(key), after_map.get(key)
        found.append(
            ParameterDiff(
                key[0],
                _param_info(before) if before is not None else None,
                _param_info(after) if after is not None else None,
            )
        )
    return tuple(d for d in found if d.old != d.new)


def _body(op: Operation) -> BodyInfo | None:
    if op.body is None:
        return None
    return BodyInfo(op.body.required, op.body.content_type, describe(op.body.schema))


def _group(
    where: tuple[str, str, str],
    old_schema: Mapping[str, Any] | None,
    new_schema: Mapping[str, Any] | None,
    before: _Side,
    after: _Side,
) -> PropertyGroup | None:
    """Compare one body or response; identical text can only differ inside components, compared on their own."""
    if old_schema == new_schema:
        return None
    old_view = before.flattener.view(old_schema, OPERATION_ROOT)
    new_view = after.flattener.view(new_schema, OPERATION_ROOT)
    properties = diff_views(old_view, new_view, OPERATION_ROOT)
    operation, location, side = where
    sides: frozenset[Side] = frozenset(("request",)) if side == "request" else frozenset(("response",))
    return PropertyGroup(operation, None, location, sides, properties) if properties else None


def _operation_groups(old: Operation, new: Operation, before: _Side, after: _Side) -> list[PropertyGroup]:
    groups: list[PropertyGroup | None] = []
    if old.body is not None and new.body is not None:
        groups.append(_group((new.key, "request body", "request"), old.body.schema, new.body.schema, before, after))
    old_responses = {r.status: r for r in old.responses}
    for response in new.responses:
        previous = old_responses.get(response.status)
        if previous is not None:
            where = (new.key, f"response {response.status}", "response")
            groups.append(_group(where, previous.schema, response.schema, before, after))
    return [g for g in groups if g is not None]


def _operation_diff(old: Operation, new: Operation, before: _Side, after: _Side) -> OperationDiff | None:
    old_statuses = {r.status for r in old.responses}
    new_statuses = {r.status for r in new.responses}
    diff = OperationDiff(
        old=_ref(old),
        new=_ref(new),
        old_resource=resource_attribute(old.tags[0]),
        new_resource=resource_attribute(new.tags[0]),
        became_deprecated=new.deprecated and not old.deprecated,
        parameters=_parameter_diffs(old, new),
        old_body=_body(old),
        new_body=_body(new),
        statuses_added=tuple(sorted(new_statuses - old_statuses)),
        statuses_removed=tuple(sorted(old_statuses - new_statuses)),
        property_groups=tuple(_operation_groups(old, new, before, after)),
    )
    unchanged = (
        diff.old == diff.new
        and diff.old_resource == diff.new_resource
        and not diff.became_deprecated
        and not diff.parameters
        and diff.old_body == diff.new_body
        and not diff.statuses_added
        and not diff.statuses_removed
        and not diff.property_groups
    )
    return None if unchanged else diff


def _schema_groups(before: _Side, after: _Side) -> tuple[PropertyGroup, ...]:
    groups = []
    for key in sorted(before.keys & after.keys):
        if before.schemas[key] == after.schemas[key]:
            continue  # identical text: refs inside it are compared on their own components
        properties = diff_views(before.flattener.component(key), after.flattener.component(key), key)
        if properties:
            sides = before.usage.sides.get(key, frozenset()) | after.usage.sides.get(key, frozenset())
            users = after.usage.operations.get(key) or before.usage.operations.get(key, ())
            groups.append(PropertyGroup(None, key, "schema", sides or BOTH_SIDES, properties, users))
    return tuple(groups)


def compute_diff(old: Api, new: Api) -> VersionDiff:
    """The neutral difference between two versions of the API."""
    before, after = _Side(old), _Side(new)
    old_ops, new_ops = _index(old), _index(new)
    modified = []
    for key in sorted(old_ops.keys() & new_ops.keys()):
        diff = _operation_diff(old_ops[key], new_ops[key], before, after)
        if diff is not None:
            modified.append(diff)
    return VersionDiff(
        old_label=old.source,
        new_label=new.source,
        operations_added=tuple(_ref(new_ops[k]) for k in sorted(new_ops.keys() - old_ops.keys())),
        operations_removed=tuple(_ref(old_ops[k]) for k in sorted(old_ops.keys() - new_ops.keys())),
        operations_modified=tuple(modified),
        schemas_added=tuple(sorted(after.keys - before.keys)),
        schemas_removed=tuple(sorted(before.keys - after.keys)),
        schemas_modified=_schema_groups(before, after),
        schema_users={**before.usage.operations, **after.usage.operations},
        resources={op.key: resource_attribute(op.tags[0]) for api in (old, new) for op in api.operations},
    )
