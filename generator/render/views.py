"""View models for the templates: every string a template prints is computed here.

Identifiers come from the IR (already sanitised); every literal from the spec (paths, wire names,
text) is printed through ``repr`` or ``docstring``, so spec content can never become code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..ir.model import Api, Operation, Parameter, Resource
from .bodies import BodyShape
from .signatures import Signatures, field_docs, public, signatures
from .text import plain_text

__all__ = ["OperationView", "ResourceView", "api_views", "comment_text", "docstring", "inline_text", "public"]


def docstring(*parts: str, indent: str = "") -> str:
    """A triple-quoted docstring holding ``parts`` as inert text."""
    text = "\n\n".join(plain_text(p).strip() for p in parts if p and p.strip())
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text).strip() or "No description in the spec."
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.rstrip() for line in text.splitlines()]
    if lines[-1].endswith('"'):
        lines[-1] = lines[-1][:-1] + '\\"'

    body = ("\n" + indent).join(lines)
    return f'"""{body}\n{indent}"""' if len(lines) > 1 else f'"""{body}"""'


def inline_text(text: str) -> str:
    """``text`` made safe to print inside a one-line docstring: escapes, no line breaks, no quotes."""
    escaped = text.encode("unicode_escape").decode("ascii")
    return escaped.replace('"', '\\"').replace("`", "'")


_CODING = re.compile(r"(coding)([:=])")


def comment_text(text: str) -> str:
    """``text`` made safe inside a ``#`` comment: one line, printable ASCII, no encoding declaration.

    Line breaks, control and non-ASCII characters and backslashes are written as Python escapes
    (a spec file named ``x\nimport os`` stays in the comment), and ``coding:``/``coding=`` is
    broken up so a name cannot set the module's source encoding (PEP 263 reads the first two lines).
    """
    escaped = "".join(c if " " <= c <= "~" and c != "\\" else c.encode("unicode_escape").decode("ascii") for c in text)
    return _CODING.sub(lambda m: f"{m[1]}\\x{ord(m[2]):02x}", escaped)


@dataclass(frozen=True)
class OperationView:
    name: str
    signature: str
    returns: str
    docstring: str
    request_args: str
    cast_open: str
    cast_close: str
    paginated: bool
    page_returns: str
    paginate_args: str
    overloads: tuple[str, ...] = ()
    names_constant: str = ""
    names_literal: str = ""


def _mapping(params: tuple[Parameter, ...]) -> str:
    return "{" + ", ".join(f"{p.name!r}: {p.py_name}" for p in params) + "}"


def _common_args(op: Operation, sig: Signatures) -> list[str]:
    args = [repr(op.method), repr(op.path)]
    if op.path_arguments:
        args.append(f"path_params={_mapping(op.path_arguments)}")
    if op.query_parameters:
        args.append(f"query={_mapping(op.query_parameters)}")
    if op.exploded:
        args.append(f"explode={op.exploded!r}")
    headers = [f"{p.name!r}: {p.py_name}" for p in op.header_parameters]
    accept = _accept(op)
    if accept:
        headers.insert(0, f"'Accept': {accept!r}")
    if op.version_header is not None:
        headers.insert(0, f"'Intercom-Version': {op.version_header!r}")
    if headers:
        args.append("headers={" + ", ".join(headers) + "}")
    if sig.body_argument:
        args.append(f"body={sig.body_argument}")
    return args


def _accept(op: Operation) -> str | None:
    """A non-JSON success content type is asked for explicitly (the runtime defaults to JSON).

    The content types of the operation's other answers follow with a lower preference, so a
    server that negotiates content can still send its JSON error bodies.
    """
    success = next((r for r in op.responses if r.status == op.result.status), None)
    if success is None or success.content_type is None or success.content_type.endswith("json"):
        return None
    others = dict.fromkeys(r.content_type for r in op.responses if r.content_type and r is not success)
    others.pop(success.content_type, None)
    return ", ".join([success.content_type, *(f"{t};q=0.9" for t in others)])


def _param_docs(op: Operation, shape: BodyShape | None) -> str:
    lines = []
    params = list(op.parameters)
    for p in params:
        text = " ".join(plain_text(p.description).split()) or "(no description in the spec)"
        lines.append(f"{p.py_name}: {text}")
    lines += field_docs(shape)
    if op.body is not None and op.body.description and not (shape and shape.fields):
        lines.append(f"body: {' '.join(plain_text(op.body.description).split())}")
    return "Args:\n" + "\n".join("    " + line for line in lines) if lines else ""


def table_pointer(resource: Resource, op: Operation) -> str:
    """Where a docstring's summarised table is printed whole (the package's reference.md)."""
    return f"the package's reference.md, under `client.{resource.attribute}.{op.py_name}`"


def operation_view(op: Operation, pointer: str = "", shape: BodyShape | None = None) -> OperationView:
    sig = signatures(op, shape)
    cast_to = public(f"cast(Any, {op.result.cast_to})" if op.result.needs_cast else op.result.cast_to)
    request = [*_common_args(op, sig), f"cast_to={cast_to}", "options=request_options"]
    doc_head = op.summary or f"{op.method.upper()} {op.path}"
    doc = docstring(
        doc_head,
        plain_text(op.description, pointer),
        _param_docs(op, shape),
        f"`{op.method.upper()} {op.path}`",
        indent="        ",
    )
    paginate = []
    page_returns = ""
    if op.pagination is not None:
        pg = op.pagination
        paginate = [
            *_common_args(op, sig),
            f"page_type={public(pg.page_annotation)}",
            f"item_type={public(_item_type(pg.item_annotation))}",
            f"cursor={pg.cursor!r}",
            f"items_field={pg.items_field!r}",
            "options=request_options",
        ]
        page_returns = public(f"{pg.page_annotation}, {pg.item_annotation}")
    return OperationView(
        name=op.py_name,
        signature=sig.implementation,
        returns=public(op.result.annotation),
        docstring=doc,
        request_args=", ".join(request),
        cast_open=f"cast({public(op.result.annotation)!r}, " if op.result.needs_cast else "",
        cast_close=")" if op.result.needs_cast else "",
        paginated=op.pagination is not None,
        page_returns=page_returns,
        paginate_args=", ".join(paginate),
        overloads=sig.overloads,
        names_constant=sig.names_constant,
        names_literal=sig.names_literal,
    )


def _item_type(annotation: str) -> str:
    """The runtime value for ``item_type`` (it only carries the type): a union is not a ``type``."""
    if annotation == "Any":
        return "object"
    return f"cast(Any, {annotation})" if _is_union(annotation) else annotation


def _is_union(annotation: str) -> bool:
    return "|" in annotation


@dataclass(frozen=True)
class ResourceView:
    module: str
    class_name: str
    attribute: str
    docstring: str
    client_docstring: str
    operations: tuple[OperationView, ...]
    typing_imports: str
    runtime_imports: str
    import_names: str
    collections_imports: str = ""
    uses_params: bool = False
    uses_body: bool = False


def _imports(resource: Resource, ops: tuple[OperationView, ...]) -> tuple[str, str, bool, bool]:
    """(typing names, collections.abc names, uses ``params``, uses ``_body``) of a resource module."""
    text = " ".join(t for op in ops for t in (op.signature, *op.overloads, op.returns, op.page_returns))
    names = [n for n in ("Any", "Literal") if re.search(rf"\b{n}\b", text)]
    unions = any(op.pagination and _is_union(op.pagination.item_annotation) for op in resource.operations)
    if unions or any(op.result.needs_cast for op in resource.operations):
        names += ["cast"] + ([] if "Any" in names else ["Any"])
    if any(op.overloads for op in ops):
        names += ["overload"]
    if re.search(r"\bparams\.", text):
        names += ["TYPE_CHECKING"]
    collections = [n for n in ("Mapping", "Sequence") if re.search(rf"\b{n}\[", text)]
    typing_names = ", ".join(export_order(sorted(set(names))))
    return typing_names, ", ".join(collections), "TYPE_CHECKING" in names, any(op.overloads for op in ops)


def export_order(names: list[str]) -> list[str]:
    """``__all__`` order: CONSTANTS, then Classes, then functions (as isort-style linters expect)."""
    return sorted(names, key=lambda n: (0 if n.isupper() else 1 if n[:1].isupper() else 2, n))


def _runtime_imports(resource: Resource) -> str:
    names = ["AsyncResource", "RequestOptions", "SyncResource", "to_async_raw_response", "to_raw_response"]
    if any(op.pagination for op in resource.operations):
        names += ["AsyncPaginator", "SyncPaginator"]
    return ", ".join(sorted(names))


def resource_view(resource: Resource, shapes: Mapping[str, BodyShape | None] | None = None) -> ResourceView:
    title = resource.tag
    shapes = shapes or {}
    ops = tuple(operation_view(op, table_pointer(resource, op), shapes.get(op.key)) for op in resource.operations)
    typing_names, collections, uses_params, uses_body = _imports(resource, ops)
    return ResourceView(
        module=resource.module,
        class_name=resource.class_name,
        attribute=resource.attribute,
        docstring=docstring(f"Operations tagged {title!r} in the spec.", resource.description),
        client_docstring=docstring(resource.description or f"Operations tagged {title!r}.", indent="        "),
        operations=ops,
        typing_imports=typing_names,
        collections_imports=collections,
        uses_params=uses_params,
        uses_body=uses_body,
        runtime_imports=_runtime_imports(resource),
        import_names=", ".join(sorted([resource.class_name, "Async" + resource.class_name])),
    )


def api_views(api: Api, shapes: Mapping[str, BodyShape | None] | None = None) -> tuple[ResourceView, ...]:
    return tuple(resource_view(r, shapes) for r in api.resources)
