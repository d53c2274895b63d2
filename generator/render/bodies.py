"""Request bodies as keyword arguments: which fields an operation's method takes, and how they are typed.

For a body that is an object (a class of the model document), each top-level property becomes a
keyword-only argument named as the model's field (``from`` -> ``from_``), typed by
``InputTypes`` (a model or a TypedDict wherever an object goes), required when the schema
requires it. Where a property's name is taken by a parameter of the method (``id`` in the path and
in the body), the keyword gets a trailing underscore (``id_``) and is still sent as ``id``. A
property called ``body`` whose values can never be a mapping (Intercom's are message texts)
keeps its name: the method tells it apart from a whole body by its type at run time.

- A "requires one of" rule (``anyOf`` of members that only list required properties, such as
  ``email`` | ``external_id`` | ``role`` for a new contact) gives one overload per member, with
  that member's properties required.
- A union body (``oneOf`` of object classes) takes the properties of every member: each is
  optional unless every member requires it, typed by the union of the members' types.
  ``body=params.XParam`` (or a model) checks a body against one member exactly.
- A body that is no object of known properties takes ``body=`` only.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..ir.fields import python_field_name
from ..ir.model import Api, Operation
from ..ir.refs import resolve_pointer, split_ref
from ..ir.rewrites import is_constraint_only
from .inputs import InputTypes, param_name, split_union

_MODEL = re.compile(r"^_models\.(\w+)$")
_RESERVED = frozenset({"self", "request_options", "body"})


@dataclass(frozen=True)
class BodyField:
    wire: str
    py_name: str
    annotation: str
    required: bool
    description: str


@dataclass(frozen=True)
class BodyShape:
    """What a method with a request body takes besides ``body=``."""

    annotation: str  # of ``body=``: the models and their TypedDicts
    fields: tuple[BodyField, ...]  # keyword arguments; empty: ``body=`` only
    alternatives: tuple[frozenset[str], ...]  # wire names required together, one overload each
    body_field: bool  # a property called ``body`` shares the name (told apart by type)


def _members(annotation: str) -> list[str] | None:
    names = []
    for part in annotation.split(" | "):
        match = _MODEL.match(part.strip())
        if match is None:
            return None
        names.append(match.group(1))
    return names


def body_shape(api: Api, op: Operation, types: InputTypes) -> BodyShape | None:
    """The keyword form of ``op``'s body; None when the operation takes no body."""
    if op.body is None:
        return None
    members = _members(op.body.annotation)
    if members is None or not all(m in types.param_classes for m in members):
        return BodyShape(types.annotation(_schema_of(op.body.annotation)), (), (), False)
    annotation = " | ".join([f"models.{m}" for m in members] + [f"params.{param_name(m)}" for m in members])
    fields = _merged_fields(types, members)
    taken = {p.py_name for p in op.parameters} | {p.name for p in op.parameters}
    named = _named(fields, taken)
    if named is None:
        return BodyShape(annotation, (), (), False)
    body_field = any(f.py_name == "body" for f in named)
    alternatives = _alternatives(api, members[0]) if len(members) == 1 else ()
    wires = {f.wire for f in named}
    alternatives = tuple(a for a in alternatives if a <= wires)
    return BodyShape(annotation, tuple(named), alternatives, body_field)


def _schema_of(annotation: str) -> dict[str, Any]:
    match = _MODEL.match(annotation)
    return {"$ref": f"#/components/schemas/{match.group(1)}"} if match else {}


def _merged_fields(types: InputTypes, members: list[str]) -> list[tuple[str, str, bool, str]]:
    """(wire, annotation, required, description) over every member, in first-seen order."""
    seen: dict[str, tuple[list[str], int, str]] = {}
    for member in members:
        for wire, schema, required in types.properties(member):
            annotation = types.annotation(schema, params="params.", models="models.")
            known, count, description = seen.get(wire, ([], 0, ""))
            text = description or (str(schema.get("description", "")) if isinstance(schema, Mapping) else "")
            seen[wire] = ([*known, annotation], count + int(required), text)
    return [
        (wire, _join(annotations), count == len(members), text) for wire, (annotations, count, text) in seen.items()
    ]


def _join(annotations: list[str]) -> str:
    """The union of member annotations, their ``Literal`` values merged (``Literal["a", "b"] | str``)."""
    values: list[str] = []
    others: list[str] = []
    for part in (p.strip() for a in annotations for p in split_union(a)):
        if part.startswith("Literal[") and part.endswith("]"):
            values += [v for v in part[len("Literal[") : -1].split(", ") if v not in values]
        elif part not in others:
            others.append(part)
    parts = ([f"Literal[{', '.join(values)}]"] if values else []) + [p for p in others if p != "None"]
    return " | ".join(parts + (["None"] if "None" in others else []))


def _named(fields: list[tuple[str, str, bool, str]], taken: set[str]) -> list[BodyField] | None:
    """Keyword names for the fields; None when two would be the same (then ``body=`` only)."""
    out: list[BodyField] = []
    used: set[str] = set()
    for wire, annotation, required, description in fields:
        name = python_field_name(wire)
        if name == "body" and _may_be_mapping(annotation):
            name = "body_"
        elif name in taken or name in _RESERVED - {"body"}:
            name += "_"
        if not name.isidentifier() or keyword.iskeyword(name) or name in used | taken | {"self", "request_options"}:
            return None
        used.add(name)
        out.append(BodyField(wire, name, annotation, required, description))
    return out


def _may_be_mapping(annotation: str) -> bool:
    """A ``body`` property that a whole body could be mistaken for."""
    return any(token in annotation for token in ("Param", "models.", "Mapping", "Any"))


def _alternatives(api: Api, class_name: str) -> tuple[frozenset[str], ...]:
    """The "requires one of" members of the spec schema behind ``class_name`` (dropped from the models)."""
    model = next((m for m in api.models if m.class_name == class_name), None)
    tokens = split_ref("#" + model.origin) if model is not None else None
    try:
        schema = resolve_pointer(api.spec, tokens) if tokens is not None else None
    except KeyError:
        return ()
    if not isinstance(schema, Mapping):
        return ()
    for union in ("anyOf", "oneOf"):
        members = schema.get(union)
        if isinstance(members, list) and members and all(map(is_constraint_only, members)):
            groups = [frozenset(str(r) for r in m.get("required") or []) for m in members]
            if all(groups):
                return tuple(dict.fromkeys(groups))
    return ()
