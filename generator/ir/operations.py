"""Building IR operations from path items: parameters, bodies, responses, result, pagination."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from ..core.diagnostics import Diagnostics
from ..core.naming import RESERVED_ATTRIBUTES, method_name, method_name_from_route, pascal_case
from .model import Body, Operation, Pagination, Response, Result
from .pagination import detect_pagination
from .parameters import ParameterBuilder, unshadow
from .refs import join
from .schema import is_ref
from .types import Annotator


class Hoister:
    """Names inline body/response schemas after their operation and records them for the models."""

    def __init__(self, taken: Mapping[str, str], source: str, diagnostics: Diagnostics) -> None:
        self._taken = {name: origin for origin, name in taken.items()}
        self.schemas: dict[str, Mapping[str, Any]] = {}
        self.origins: dict[str, str] = {}
        self._source = source
        self._diagnostics = diagnostics

    def hoist(self, name: str, schema: Mapping[str, Any], pointer: str) -> str:
        if name in self._taken or name in self.schemas:
            other = self._taken.get(name) or self.origins[name]
            self._diagnostics.error(
                self._source,
                pointer,
                f"inline schema would be named {name!r}, which {other} already uses; rename that class with a "
                "class-name override (registry `class_names`, or --class-name KEY=Name)",
                code="name-collision",
            )
            return name
        self.schemas[name] = schema
        self.origins[name] = pointer
        return name


class OperationBuilder:
    def __init__(
        self, spec: Mapping[str, Any], annotator: Annotator, hoister: Hoister, source: str, diagnostics: Diagnostics
    ) -> None:
        self._spec = spec
        self._annotator = annotator
        self._hoister = hoister
        self._source = source
        self._diagnostics = diagnostics

    def _deref(self, node: Any) -> Any:
        """A component parameter/requestBody/response a reference stands for (``node`` itself otherwise)."""
        return self._annotator.resolver.follow(node)[0] if is_ref(node) else node

    def build(self, path: str, method: str, raw: Mapping[str, Any], shared_params: list[Any]) -> Operation:
        pointer = join("", "paths", path, method)
        op_id = raw.get("operationId")
        if isinstance(op_id, str) and op_id.strip():
            py_name = method_name(op_id)
            base = op_id
        else:
            op_id = None
            py_name = method_name_from_route(method, path)
            base = py_name
            self._diagnostics.warning(
                self._source,
                pointer,
                f"operation has no operationId; method named {py_name!r} from its method and path",
                code="missing-operation-id",
            )
        if not py_name or py_name in RESERVED_ATTRIBUTES:
            self._diagnostics.error(
                self._source,
                join(pointer, "operationId"),
                f"operationId {op_id!r} does not give a usable Python name",
                code="bad-name",
            )
        own = list(raw.get("parameters") or [])
        params = ParameterBuilder(self._annotator, self._deref, self._source, self._diagnostics)
        parameters = params.build(path, pointer, shared_params, own)
        version = str((self._spec.get("info") or {}).get("version", ""))
        version_header = params.version_spelling(pointer, [*shared_params, *own], version)
        body = self._body(pointer, raw.get("requestBody"), base)
        responses = self._responses(pointer, raw.get("responses") or {})
        result = self._result(pointer, responses, base)
        tags = tuple(str(t) for t in raw.get("tags") or ()) or ("Default",)
        op = Operation(
            operation_id=op_id,
            method=method,
            path=path,
            tags=tags,
            py_name=py_name,
            summary=str(raw.get("summary") or "").strip(),
            description=str(raw.get("description") or "").strip(),
            deprecated=bool(raw.get("deprecated")),
            parameters=parameters,
            body=body,
            responses=responses,
            result=result,
            pagination=None,
            pointer=pointer,
            version_header=version_header,
        )
        pagination = detect_pagination(op, self._annotator)
        used = names_in_body(result, pagination)
        parameters = unshadow(parameters, used, self._source, self._diagnostics)
        return Operation(**{**op.__dict__, "pagination": pagination, "parameters": parameters})

    def _body(self, pointer: str, raw: Any, base: str) -> Body | None:
        body = self._deref(raw)
        if not isinstance(body, Mapping):
            return None
        content = body.get("content") or {}
        if not isinstance(content, Mapping) or not content:
            return None
        content_type = "application/json" if "application/json" in content else str(next(iter(content)))
        media = content.get(content_type) or {}
        schema = media.get("schema") if isinstance(media, Mapping) else None
        where = join(pointer, "requestBody", "content", content_type, "schema")
        if not isinstance(schema, Mapping):
            return Body("dict[str, Any]", bool(body.get("required")), content_type, "", {})
        annotation = self._annotator.payload(
            schema, lambda s: self._hoister.hoist(pascal_case(base) + "RequestBody", s, where)
        )
        description = str(body.get("description") or "").strip()
        examples = _examples(media) if isinstance(media, Mapping) else {}
        return Body(annotation, bool(body.get("required")), content_type, description, schema, examples)

    def _responses(self, pointer: str, raw: Mapping[str, Any]) -> tuple[Response, ...]:
        out = []
        for status, value in raw.items():
            response = self._deref(value)
            if not isinstance(response, Mapping):
                continue
            content = response.get("content") or {}
            content_type = None
            schema = None
            examples: Mapping[str, Any] = {}
            if isinstance(content, Mapping) and content:
                content_type = "application/json" if "application/json" in content else str(next(iter(content)))
                media = content.get(content_type) or {}
                if isinstance(media, Mapping):
                    schema = media.get("schema") if isinstance(media.get("schema"), Mapping) else None
                    examples = _examples(media)
            out.append(
                Response(str(status), str(response.get("description") or "").strip(), content_type, schema, examples)
            )
        return tuple(out)

    def _result(self, pointer: str, responses: tuple[Response, ...], base: str) -> Result:
        chosen = _success_response(responses)
        if chosen is None:
            self._diagnostics.warning(
                self._source,
                join(pointer, "responses"),
                "no success response is described; the method returns the decoded JSON untyped (Any)",
                code="no-success-response",
            )
            return Result("Any", "object", False, None)
        if chosen.status.startswith("3"):
            return Result("str", "str", False, chosen.status)
        if chosen.content_type is not None and not chosen.content_type.endswith("json"):
            kind = "str" if chosen.content_type.startswith("text/") else "bytes"  # files come back as they are
            return Result(kind, kind, False, chosen.status)
        if chosen.schema is None or chosen.content_type is None:
            return Result("None", "type(None)", False, chosen.status)
        where = join(pointer, "responses", chosen.status, "content", chosen.content_type, "schema")
        annotation = self._annotator.payload(
            chosen.schema, lambda s: self._hoister.hoist(pascal_case(base) + "Response", s, where)
        )
        simple = annotation == "str" or (annotation.startswith("_models.") and "|" not in annotation)
        return Result(annotation, annotation, not simple, chosen.status)


def _names(expression: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(expression, mode="eval")) if isinstance(n, ast.Name)}


def names_in_body(result: Result, pagination: Pagination | None) -> set[str]:
    """Names a generated method's body evaluates besides its parameters (``type`` in ``type(None)``,
    ``str`` in ``dict[str, Any]``...): a parameter of the same name would shadow them."""
    used = _names(result.cast_to)
    if result.needs_cast:
        used |= {"cast", "Any"}
    if pagination is not None:
        used |= _names(pagination.page_annotation) | _names(pagination.item_annotation) | {"cast", "Any", "object"}
    return used


def _success_response(responses: tuple[Response, ...]) -> Response | None:
    for prefix in ("2", "3"):
        candidates = sorted((r for r in responses if r.status.startswith(prefix)), key=lambda r: r.status)
        if candidates:
            with_content = [r for r in candidates if r.schema is not None]
            return (with_content or candidates)[0]
    return None  # a `default` response describes unexpected errors, not success


def _examples(media: Mapping[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    named = media.get("examples")
    if isinstance(named, Mapping):
        for name, example in named.items():
            if isinstance(example, Mapping) and "value" in example:
                found[str(name)] = example["value"]
    if "example" in media:
        found.setdefault("example", media["example"])
    return found
