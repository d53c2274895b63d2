"""Arguments for calling one generated method, built from the spec's own examples.

Every value comes from the spec: a parameter's ``example`` (or its schema's), the request body
example that belongs to the success answer (Intercom names request and response examples alike,
``successful`` on both sides), and otherwise the smallest value the schema allows. Bodies are
turned into the method's own body type (a generated model) before the call, so what goes on the
wire is what the model serialises, not the example itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from generator.ir.model import Api, Operation
from generator.ir.refs import resolve_pointer, split_ref
from tests.support import annotation_type

MINIMAL = "(minimal)"
"""A ``body_choice``: the smallest body the schema allows instead of the spec's example."""
_MAX_DEPTH = 12
_FORMAT_STRINGS = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "email": "someone@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "uuid": "00000000-0000-4000-8000-000000000000",
}


@dataclass(frozen=True)
class Call:
    """How to call one generated method: ``method(*args, **kwargs, request_options=...)``."""

    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    prefer: str
    """The ``Prefer`` header for Prism: the status the method expects and the matching example."""
    body_example: str | None = None

    def options(self, **extra: Any) -> dict[str, Any]:
        """``request_options`` carrying the ``Prefer`` header (and ``extra`` options)."""
        headers = {"Prefer": self.prefer} if self.prefer else {}
        return {"extra_headers": headers, **extra}


def deref(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s (parameters, bodies, schemas) to what they point at."""
    for _ in range(16):
        if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str)):
            return node
        tokens = split_ref(node["$ref"])
        node = resolve_pointer(spec, tokens) if tokens is not None else {}
    return node


def raw_operation(api: Api, op: Operation) -> tuple[Mapping[str, Any], list[Mapping[str, Any]]]:
    """The operation object as written in the spec, and its parameters (path-level ones included)."""
    tokens = split_ref("#" + op.pointer)
    assert tokens is not None
    raw = resolve_pointer(api.spec, tokens)
    item = resolve_pointer(api.spec, tokens[:-1])
    params: dict[tuple[str, str], Mapping[str, Any]] = {}
    for node in [*(item.get("parameters") or []), *(raw.get("parameters") or [])]:
        param = deref(api.spec, node)
        params[(str(param.get("name")), str(param.get("in")))] = param
    return raw, list(params.values())


def _example(node: Mapping[str, Any]) -> tuple[bool, Any]:
    if "example" in node:
        return True, node["example"]
    examples = node.get("examples")
    if isinstance(examples, Mapping):
        for example in examples.values():
            if isinstance(example, Mapping) and "value" in example:
                return True, example["value"]
    return False, None


def _merge_all_of(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for member in schema.get("allOf") or []:
        part = _merge_all_of(spec, deref(spec, member))
        merged.setdefault("properties", {}).update(part.get("properties") or {})
        merged["required"] = [*merged.get("required", []), *part.get("required", [])]
        if merged.get("type") is None and part.get("type") is not None:
            merged["type"] = part["type"]
    return merged


def minimal(spec: Mapping[str, Any], schema: Any, depth: int = 0) -> Any:
    """The smallest value ``schema`` accepts: required properties only, scalars from their examples.

    Object and array examples are not used (they are what a request example may get wrong); a
    string with a known ``format`` gets a value of that format rather than its example.
    """
    schema = deref(spec, schema)
    if not isinstance(schema, Mapping) or depth > _MAX_DEPTH:
        return None
    if schema.get("allOf"):
        return minimal(spec, _merge_all_of(spec, schema), depth + 1)
    for keyword in ("oneOf", "anyOf"):
        members = schema.get(keyword)
        if isinstance(members, list) and members:
            # the first alternative, together with what the schema says beside the alternatives
            rest = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
            return minimal(spec, _merge_all_of(spec, {"allOf": [rest, members[0]]}), depth + 1)
    kind = schema.get("type")
    if kind == "object" or (kind is None and "properties" in schema):
        props = schema.get("properties") or {}
        return {name: minimal(spec, props.get(name, {}), depth + 1) for name in schema.get("required") or []}
    if kind == "array":
        count = int(schema.get("minItems") or 0)
        return [minimal(spec, schema.get("items") or {}, depth + 1) for _ in range(count)]
    return _scalar(schema)


def _scalar(schema: Mapping[str, Any]) -> Any:
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return next((v for v in schema["enum"] if v is not None), None)
    kind = schema.get("type")
    if kind == "string" and schema.get("format") in _FORMAT_STRINGS:
        return _FORMAT_STRINGS[str(schema["format"])]
    found, value = _example(schema)
    if found and not isinstance(value, Mapping | list):
        return value
    if kind in ("integer", "number"):
        return int(schema.get("minimum") or 1)
    if kind == "boolean":
        return True
    return "example"


def parameter_value(spec: Mapping[str, Any], param: Mapping[str, Any]) -> Any:
    found, value = _example(param)
    if found:
        return value
    return minimal(spec, param.get("schema") or {})


def _success_examples(api: Api, op: Operation) -> list[str]:
    response = next((r for r in op.responses if r.status == op.result.status), None)
    return list(response.examples) if response is not None else []


def _body_example(api: Api, op: Operation, raw: Mapping[str, Any], choice: str | None) -> tuple[str | None, Any]:
    """The request example that goes with the success answer, else the first one, else minimal.

    ``choice`` overrides that: ``MINIMAL`` or the name of another request example.
    """
    assert op.body is not None
    body = deref(api.spec, raw.get("requestBody") or {})
    media = (body.get("content") or {}).get(op.body.content_type) or {}
    named = {n: e["value"] for n, e in (media.get("examples") or {}).items() if isinstance(e, Mapping) and "value" in e}
    if choice == MINIMAL:
        return None, minimal(api.spec, op.body.schema)
    if choice is not None:
        return choice, named[choice]
    for name in _success_examples(api, op):
        if name in named:
            return name, named[name]
    if named:
        name = next(iter(named))
        return name, named[name]
    found, value = _example(media)
    if found:
        return None, value
    if not op.body.required:
        return None, None
    return None, minimal(api.spec, op.body.schema)


def body_value(package: str, annotation: str, example: Any) -> Any:
    """``example`` as the method's body type (a model, a union of models...) or as is for dicts.

    Request models are strict (they never convert a value), so an example whose values have other
    JSON types than its schema says raises ``pydantic.ValidationError`` here.
    """
    if annotation.startswith("dict[") or annotation == "Any":
        return example
    return TypeAdapter(annotation_type(package, annotation)).validate_python(example)


def build_call(package: str, api: Api, op: Operation, body_choice: str | None = None) -> Call:
    """Arguments for ``op``'s method; raises ``pydantic.ValidationError`` when the body example does
    not fit the method's body type."""
    raw, raw_params = raw_operation(api, op)
    by_key = {(str(p.get("name")), str(p.get("in"))): p for p in raw_params}
    args = []
    kwargs: dict[str, Any] = {}
    for param in op.parameters:
        source = by_key.get((param.name, param.location)) or {"schema": param.schema}
        value = parameter_value(api.spec, source)
        if param.location == "path":
            args.append(value)
        elif param.required or _example(source)[0]:
            kwargs[param.py_name] = value
    example_name = None
    if op.body is not None:
        example_name, example = _body_example(api, op, raw, body_choice)
        if example is not None:
            kwargs["body"] = body_value(package, op.body.annotation, example)
    # Prism takes only numeric codes; for a ``default`` answer it picks the response itself
    prefer = f"code={op.result.status}" if (op.result.status or "").isdigit() else ""
    if example_name is not None and example_name in _success_examples(api, op):
        prefer = ", ".join(filter(None, [prefer, f"example={example_name}"]))
    return Call(tuple(args), kwargs, prefer, example_name)
