"""What each breaking change means in the OLD client's Python: which calls, constructor arguments and
attribute reads it breaks, and how to fix them.

Names here are relative to the client package (``resources.contacts``, ``models.contact.Contact``);
``analysis.py`` prefixes the name the user's code imports the package as. A property path
(``data[].id``) is resolved to a model class and field by walking the package's types, so targets
only name where a path starts: a component schema's model class, or an operation's response or body.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from ...ir.fields import python_field_name
from ...ir.model import Api, Operation, Resource
from ..change import Change, Severity
from ..compute import normalise_path, path_placeholders

CallCheck = Literal["any", "passed", "keyword", "missing", "literal", "none"]
"""When a call breaks: always; when it passes the argument (by keyword); when it leaves it out; when it
passes the string ``value``; when it passes a value that may be ``None``."""


@dataclass(frozen=True)
class CallTarget:
    """Calls of one method (on every class of a resource module: sync, async, raw-response) or of one
    model class (its constructor, ``method`` is ``None``) that a change breaks."""

    owner: str
    """``resources.contacts`` (a resource module) or ``models.contact.Contact`` (a model class)."""
    method: str | None
    check: CallCheck
    argument: str | None
    change: Change
    fix: str
    value: str | None = None
    body_at: int | None = None
    """For a body field passed as a keyword argument: where ``body`` goes positionally (a call
    passing the whole body, there or as ``body=``, is left to the model's or the dict's checks)."""


@dataclass(frozen=True)
class Root:
    """Where a property path starts: a model class, or what a method returns or takes as ``body``."""

    model: str | None = None
    resource: str | None = None
    """``resources.contacts.ContactsResource``, with ``method``."""
    method: str | None = None
    body: bool = False


@dataclass(frozen=True)
class PropertyTarget:
    """Reads (``read``) of a model field, or constructor calls (``check``) naming it.

    ``fix`` is a template over ``field``, ``model``, ``old``, ``new`` (types) and ``value``, filled in
    once the path is resolved to a model class and field.
    """

    root: Root
    path: str
    read: bool
    check: CallCheck | None
    change: Change
    fix: str
    types: tuple[str, str] = ("?", "?")
    value: str | None = None


@dataclass(frozen=True)
class Targets:
    calls: tuple[CallTarget, ...]
    properties: tuple[PropertyTarget, ...]


class _OldClient:
    """The OLD version's IR, indexed the ways changes name things."""

    def __init__(self, api: Api) -> None:
        self.resource_of: dict[str, Resource] = {}
        self.by_key: dict[str, Operation] = {}
        normalised: dict[tuple[str, str], Operation] = {}
        for resource in api.resources:
            for op in resource.operations:
                self.resource_of[op.key] = resource
                self.by_key[op.key] = op
                normalised[(op.method.upper(), normalise_path(op.path))] = op
        self._normalised = normalised
        self.models = {m.schema_key: m for m in api.models if m.schema_key is not None}

    def operation(self, key: str | None) -> tuple[Operation, Resource] | None:
        if key is None:
            return None
        method, _, path = key.partition(" ")
        op = self.by_key.get(key) or self._normalised.get((method, normalise_path(path)))
        return (op, self.resource_of[op.key]) if op is not None else None

    def model(self, schema: str) -> str | None:
        model = self.models.get(schema)
        return f"models.{model.module}.{model.class_name}" if model is not None else None


def _methods(op: Operation) -> tuple[str, ...]:
    return (op.py_name, f"iter_{op.py_name}") if op.pagination is not None else (op.py_name,)


def _argument(op: Operation, change: Change) -> str | None:
    """The OLD method's argument for the parameter a change names: by wire name and location, or
    for a path parameter by its place in the path (the diff pairs them so: ``{admin_id}`` is ``{id}``)."""
    where = (change.location or "").removesuffix(" parameter")
    name = change.property
    if where == "path" and change.operation is not None:
        newer, older = path_placeholders(change.operation.partition(" ")[2]), path_placeholders(op.path)
        if name in newer and newer.index(name) < len(older):
            name = older[newer.index(name)]
    for parameter in op.parameters:
        if parameter.name == name and parameter.location == where:
            return parameter.py_name
    return None


def _operation_fix(change: Change, op: Operation, resource: Resource, argument: str | None) -> tuple[CallCheck, str]:
    rule, params = change.id, change.params
    method = f"client.{resource.attribute}.{op.py_name}"
    fixes: dict[str, tuple[CallCheck, str]] = {
        "operation-removed": ("any", f"`{method}` is gone: the operation was removed"),
        "operation-id-changed": ("any", f"`{op.py_name}` is now `{params.get('new_method')}`"),
        "operation-resource-changed": ("any", f"`{method}` is now `{params.get('new')}`"),
        "path-parameter-renamed": ("keyword", ""),
        "parameter-removed": ("passed", f"drop the `{argument}=` argument: the parameter is gone"),
        "required-parameter-added": ("any", f"pass the new required argument `{argument}=`"),
        "parameter-became-required": ("missing", f"pass `{argument}=`: it is now required"),
        "parameter-type-changed": ("passed", ""),
        "request-body-removed": ("passed", "drop the `body=` argument: the operation takes no body any more"),
        "required-request-body-added": ("any", "pass `body=`: the operation now requires a request body"),
        "request-body-became-required": ("missing", "pass `body=`: the request body is now required"),
        "request-enum-value-removed": ("literal", ""),
    }
    return fixes[rule]


def _call_targets(change: Change, old: _OldClient) -> Iterable[CallTarget]:
    found = old.operation(change.operation)
    if found is None:
        return
    op, resource = found
    owner = f"resources.{resource.module}"
    argument = _argument(op, change) if change.property else None
    if change.id in ("request-body-removed", "required-request-body-added", "request-body-became-required"):
        argument = "body"
    check, fix = _operation_fix(change, op, resource, argument)
    value = None
    if change.id == "path-parameter-renamed":
        old_arg, new_arg = change.params["old_argument"], change.params["new_argument"]
        argument, fix = old_arg, f"rename the `{old_arg}=` argument to `{new_arg}=` (or pass it positionally)"
    elif change.id == "parameter-type-changed":
        fix = f"`{argument}=` now takes {change.params['new']} (was {change.params['old']})"
    elif change.id == "request-enum-value-removed":
        value = _enum_value(change)
        fix = f"`{argument}={value!r}` is no longer accepted"
    if check != "any" and argument is None:
        return
    for method in _methods(op):
        yield CallTarget(owner, method, check, argument, change, fix, value)


_READ_FIXES = {
    "property-removed": "`{field}` is gone from `{model}`",
    "property-type-changed": "`{field}` of `{model}` is now {new} (was {old})",
    "response-property-became-optional": "`{field}` of `{model}` may now be `None` (absent): guard it",
    "response-property-became-nullable": "`{field}` of `{model}` may now be `None`: guard it",
}
_WRITE_CHECKS: Mapping[str, tuple[CallCheck, str]] = {
    "property-removed": ("passed", "drop `{field}=`: the field is gone from `{model}`"),
    "property-type-changed": ("passed", "`{field}=` of `{model}` now takes {new} (was {old})"),
    "required-request-property-added": ("any", "pass the new required field `{field}=` to `{model}`"),
    "request-property-became-required": ("missing", "pass `{field}=` to `{model}`: it is now required"),
    "request-property-became-not-nullable": ("none", "`{field}=` of `{model}` no longer accepts `None`"),
    "request-enum-value-removed": ("literal", "`{field}={value!r}` is no longer accepted by `{model}`"),
}


def _root(change: Change, old: _OldClient) -> Root | None:
    if change.operation is None:
        model = old.model(change.schema) if change.schema is not None else None
        return Root(model=model) if model is not None else None
    found = old.operation(change.operation)
    if found is None:
        return None
    op, resource = found
    where = f"resources.{resource.module}.{resource.class_name}"
    if change.location == "request body":
        return Root(resource=where, method=op.py_name, body=True)
    if change.location == f"response {op.result.status}":
        return Root(resource=where, method=op.py_name)
    return None  # an error response: no method returns it


def _enum_value(change: Change) -> str:
    """The value a ``request-enum-value-removed`` change is about: its key's detail (``'lead'``)."""
    return change.key.rsplit(":", 1)[1].strip("'\"")


def _property_targets(change: Change, old: _OldClient) -> Iterable[PropertyTarget]:
    root = _root(change, old) if change.property else None  # a root's own type: see the README
    if root is None or change.property is None:
        return
    types = (change.params.get("old", "?"), change.params.get("new", "?"))
    value = _enum_value(change) if change.id == "request-enum-value-removed" else None
    if change.id in _READ_FIXES:
        yield PropertyTarget(root, change.property, True, None, change, _READ_FIXES[change.id], types, value)
    if change.id in _WRITE_CHECKS:
        check, fix = _WRITE_CHECKS[change.id]
        yield PropertyTarget(root, change.property, False, check, change, fix, types, value)


_CALL_RULES = frozenset(
    (
        "operation-removed",
        "operation-id-changed",
        "operation-resource-changed",
        "path-parameter-renamed",
        "parameter-removed",
        "required-parameter-added",
        "parameter-became-required",
        "parameter-type-changed",
        "request-body-removed",
        "required-request-body-added",
        "request-body-became-required",
    )
)


_KEYWORD_CHECKS: Mapping[str, tuple[CallCheck, str]] = {
    "property-removed": ("passed", "drop `{field}=`: the field is gone from the request body of `{method}`"),
    "property-type-changed": ("passed", "`{field}=` of `{method}` now takes {new} (was {old})"),
    "required-request-property-added": ("missing", "pass the new required field `{field}=` to `{method}`"),
    "request-property-became-required": ("missing", "pass `{field}=` to `{method}`: it is now required"),
    "request-enum-value-removed": ("literal", "`{field}={value!r}` is no longer accepted by `{method}`"),
}


def _body_operations(change: Change, old: _OldClient) -> list[tuple[Operation, Resource]]:
    """The OLD operations whose body has the changed property at its top level."""
    if change.operation is not None:
        found = old.operation(change.operation) if change.location == "request body" else None
        return [found] if found is not None else []
    model = old.models.get(change.schema) if change.schema is not None else None
    if model is None:
        return []
    body = f"_models.{model.class_name}"
    return [
        (op, old.resource_of[op.key])
        for op in old.by_key.values()
        if op.body is not None and body in (part.strip() for part in op.body.annotation.split("|"))
    ]


def _keyword_name(op: Operation, wire: str) -> str:
    """The keyword argument a body property is (as ``render.bodies`` names it)."""
    name = python_field_name(wire)
    taken = {p.py_name for p in op.parameters} | {p.name for p in op.parameters} | {"self", "request_options"}
    return name + "_" if name in taken else name


def _keyword_targets(change: Change, old: _OldClient) -> Iterable[CallTarget]:
    """Calls passing a top-level body property as a keyword argument that the change breaks."""
    wire = change.property
    if change.id not in _KEYWORD_CHECKS or not wire or "." in wire or "[]" in wire or wire == "body":
        return
    check, template = _KEYWORD_CHECKS[change.id]
    value = _enum_value(change) if change.id == "request-enum-value-removed" else None
    old_type, new_type = change.params.get("old", "?"), change.params.get("new", "?")
    for op, resource in _body_operations(change, old):
        argument = _keyword_name(op, wire)
        method = f"{resource.attribute}.{op.py_name}"
        fix = template.format(field=argument, method=method, old=old_type, new=new_type, value=value)
        for name in _methods(op):
            yield CallTarget(
                f"resources.{resource.module}", name, check, argument, change, fix, value, len(op.path_parameters)
            )


def _is_call_change(change: Change) -> bool:
    if change.id == "request-enum-value-removed":
        return (change.location or "").endswith(" parameter")
    return change.id in _CALL_RULES


def impact_targets(changes: Iterable[Change], old_api: Api) -> Targets:
    """The Python-level targets of every breaking change (those no code can be hurt by have none)."""
    old = _OldClient(old_api)
    calls: list[CallTarget] = []
    properties: list[PropertyTarget] = []
    for change in changes:
        if change.severity is not Severity.BREAKING:
            continue
        if change.id == "schema-removed" and change.schema is not None:
            model = old.model(change.schema)
            if model is not None:
                fix = f"`{model.rsplit('.', 1)[1]}` is gone from `models`"
                calls.append(CallTarget(model, None, "any", None, change, fix))
        elif _is_call_change(change):
            calls.extend(_call_targets(change, old))
        else:
            properties.extend(_property_targets(change, old))
            calls.extend(_keyword_targets(change, old))
    return Targets(tuple(calls), tuple(properties))
