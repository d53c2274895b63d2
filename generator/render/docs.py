"""The documents of a package folder: ``README.md`` (using the package) and ``reference.md``
(every method with one short example call).

Examples are computed here and printed by the templates: each passes the path parameters
positionally and the required parameters and body fields (of the first "requires one of"
alternative) as keywords, with a placeholder of the argument's type (a string names its argument,
``"<id>"``; numbers are 1, flags ``True``, enums their first value, lists and dicts empty).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..ir.model import Api, Operation, Resource
from .bodies import BodyShape
from .inputs import split_union
from .signatures import public
from .text import plain_text

_LITERAL = re.compile(r"^Literal\[(.*?)(?:, |\]$)")


@dataclass(frozen=True)
class MethodDoc:
    name: str
    summary: str
    http: str
    example: str
    paginated: bool


@dataclass(frozen=True)
class ResourceDoc:
    title: str
    attribute: str
    description: str
    methods: tuple[MethodDoc, ...]


def placeholder(annotation: str, name: str) -> str:
    """A value of ``annotation`` to show in an example (the first member of a union)."""
    first = split_union(public(annotation))[0]
    literal = _LITERAL.match(first)
    if literal is not None:
        value = literal.group(1)
        quoted = value.startswith("'") and value.endswith("'") and '"' not in value
        return f'"{value[1:-1]}"' if quoted else value
    simple = {"str": f'"<{name}>"', "int": "1", "float": "1.0", "bool": "True"}
    if first in simple:
        return simple[first]
    if first.startswith(("Sequence[", "list[")):
        return "[]"
    return "{}" if first.startswith(("Mapping[", "dict[", "params.", "models.")) else "None"


def example_call(resource: Resource, op: Operation, shape: BodyShape | None) -> str:
    args = [placeholder(p.annotation, p.py_name) for p in op.path_parameters]
    args += [
        f"{p.py_name}={placeholder(p.annotation, p.py_name)}"
        for p in op.parameters
        if p.location != "path" and p.required
    ]
    if shape is not None and shape.fields:
        first = shape.alternatives[0] if shape.alternatives else frozenset()
        args += [
            f"{f.py_name}={placeholder(f.annotation, f.py_name)}" for f in shape.fields if f.required or f.wire in first
        ]
    elif shape is not None and op.body is not None and op.body.required:
        args.append("body={}")
    return f"client.{resource.attribute}.{op.py_name}({', '.join(args)})"


def _one_line(text: str) -> str:
    return " ".join(plain_text(text).split())


def reference(api: Api, shapes: Mapping[str, BodyShape | None]) -> tuple[ResourceDoc, ...]:
    """Every resource and method of ``api``, with its example."""
    docs = []
    for resource in api.resources:
        methods = tuple(
            MethodDoc(
                name=op.py_name,
                summary=_one_line(op.summary or "") or f"{op.method.upper()} {op.path}",
                http=f"{op.method.upper()} {op.path}",
                example=example_call(resource, op, shapes.get(op.key)),
                paginated=op.pagination is not None,
            )
            for op in resource.operations
        )
        first_paragraph = plain_text(resource.description or "").split("\n\n")[0]
        docs.append(ResourceDoc(resource.tag, resource.attribute, " ".join(first_paragraph.split()), methods))
    return tuple(docs)


def markdown_banner(banner: str) -> str:
    """The package banner's first line as an HTML comment (which cannot hold the command's ``--``)."""
    first = banner.splitlines()[0].removeprefix("# ")
    return f"<!-- {first} Do not edit: regenerate with `intercom-gen generate`. -->"
