"""Method signatures: parameters, keyword body fields and the overloads that type them.

A method whose body has fields is printed as overloads plus one implementation:

- one keyword overload per "requires one of" alternative (or one, without alternatives): path
  parameters positional, then keyword-only parameters, body fields and ``request_options``;
- one ``body`` overload: the whole body as a model or a TypedDict dict, positional or ``body=``
  (calls written before bodies took keyword arguments keep working);
- the implementation: ``body: Any = OMIT`` and ``**fields: Any``, which ``_body.request_body``
  turns into what is sent (or a ``TypeError``).

A method without body fields has one signature, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ir.model import Operation, Parameter
from .bodies import BodyField, BodyShape
from .text import plain_text

_OPTIONS = "request_options: RequestOptions | None = None"
_PRIVATE_MODELS = re.compile(r"\b_models\.")


def public(annotation: str) -> str:
    """An IR annotation as users read it: ``models.Contact`` (the IR writes ``_models.Contact``)."""
    return _PRIVATE_MODELS.sub("models.", annotation)


def _parameter(p: Parameter) -> str:
    if p.required:
        return f"{p.py_name}: {public(p.annotation)}"
    return f"{p.py_name}: {public(p.annotation)} | None = None"


def _keyword_parameters(op: Operation) -> list[str]:
    keyword = [p for p in op.parameters if p.location != "path"]
    return [_parameter(p) for p in sorted(keyword, key=lambda p: not p.required)]


def _field(f: BodyField, required: bool) -> str:
    return f"{f.py_name}: {f.annotation}" if required else f"{f.py_name}: {f.annotation} = ..."


@dataclass(frozen=True)
class Signatures:
    implementation: str
    overloads: tuple[str, ...]
    body_argument: str  # the expression passed as ``body=`` to the runtime ("" without a body)
    names_constant: str  # module constant of keyword -> wire name ("" without fields)
    names_literal: str


def signatures(op: Operation, shape: BodyShape | None) -> Signatures:
    """The implementation's signature and the overloads; ``body`` stays positional-or-keyword
    (after the path parameters), as it was before bodies took keyword arguments."""
    head = ["self", *(_parameter(p) for p in op.path_parameters)]
    tail = [*_keyword_parameters(op), _OPTIONS]
    if shape is None:
        return Signatures(", ".join([*head, "*", *tail]), (), "", "", "")
    if not shape.fields:
        whole_required = op.body is not None and op.body.required
        body = f"body: {shape.annotation}" if whole_required else f"body: {shape.annotation} | None = None"
        return Signatures(", ".join([*head, body, "*", *tail]), (), "body", "", "")
    overloads = []
    for alternative in shape.alternatives or (frozenset(),):
        required = [f for f in shape.fields if f.required or f.wire in alternative]
        optional = [f for f in shape.fields if f not in required]
        fields = [_field(f, True) for f in required] + [_field(f, False) for f in optional]
        overloads.append(", ".join([*head, "*", *tail[:-1], *fields, _OPTIONS]))
    overloads.append(", ".join([*head, f"body: {shape.annotation}", "*", *tail]))
    implementation = ", ".join([*head, "body: Any = OMIT", "*", *tail, "**fields: Any"])
    constant = f"_{op.py_name.upper()}_FIELDS"
    names = "{" + ", ".join(f"{f.py_name!r}: {f.wire!r}" for f in shape.fields) + "}"
    flag = ", body_field=True" if shape.body_field else ""
    argument = f"request_body({op.py_name!r}, body, fields, {constant}{flag})"
    return Signatures(implementation, tuple(overloads), argument, constant, names)


def field_docs(shape: BodyShape | None) -> list[str]:
    """``Args:`` lines for the body: one per field, and ``body``."""
    if shape is None:
        return []
    lines = []
    groups = [sorted(a) for a in shape.alternatives]
    for f in shape.fields:
        text = " ".join(plain_text(f.description).split()) or "(no description in the spec)"
        mark = " Required." if f.required else ""
        lines.append(f"{f.py_name}: {text}{mark}")
    if groups:
        rule = " | ".join(" + ".join(g) for g in groups)
        lines.append(f"(one of these is required: {rule})")
    if shape.fields:
        lines.append("body: the whole request body (a model or a dict) instead of the keyword arguments")
    return lines
