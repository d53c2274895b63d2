"""Recognising Intercom's cursor pagination in an operation.

Intercom pages lists with a cursor: a page's ``pages.next.starting_after`` is sent back as
``starting_after`` (a query parameter for ``GET`` lists, ``pagination.starting_after`` in the
body of ``POST .../search``). An operation is paginated when its result model has such a
``pages`` object and exactly one array property (the items). Lists paged by page number
or scroll (they take ``page`` or ``scroll_param``) are left alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .model import CursorKind, Pagination

_OTHER_PAGING = frozenset({"page", "scroll_param"})

if TYPE_CHECKING:
    from .model import Operation
    from .types import Annotator


def _properties(schema: Mapping[str, Any], annotator: Annotator, depth: int = 0) -> dict[str, Mapping[str, Any]]:
    """Properties of a schema through ``$ref``, ``allOf`` and union members (enough for page shapes)."""
    if depth > 8:
        return {}
    schema = annotator.deref(schema)
    props: dict[str, Mapping[str, Any]] = {}
    for member in [*(schema.get("allOf") or []), *(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]:
        if isinstance(member, Mapping):
            props.update(_properties(member, annotator, depth + 1))
    for name, sub in (schema.get("properties") or {}).items():
        if isinstance(sub, Mapping):
            props[str(name)] = sub
    return props


def _has_cursor(pages: Mapping[str, Any], annotator: Annotator) -> bool:
    nxt = _properties(pages, annotator).get("next")
    return nxt is not None and "starting_after" in _properties(nxt, annotator)


def detect_pagination(op: Operation, annotator: Annotator) -> Pagination | None:
    if not op.result.annotation.startswith("_models.") or op.result.needs_cast:
        return None
    response = next((r for r in op.responses if r.status == op.result.status), None)
    if response is None or response.schema is None:
        return None
    props = _properties(response.schema, annotator)
    pages = props.get("pages")
    if pages is None or not _has_cursor(pages, annotator):
        return None
    arrays = [name for name, sub in props.items() if annotator.deref(sub).get("type") == "array"]
    if len(arrays) != 1:
        return None
    cursor: CursorKind
    query = {p.name for p in op.query_parameters}
    if op.method == "get" and not query & _OTHER_PAGING:
        cursor = "query"
    elif op.method == "post" and op.body is not None and "pagination" in _properties(op.body.schema, annotator):
        cursor = "body"
    else:
        return None
    items = annotator.deref(props[arrays[0]]).get("items")
    item = "Any"
    if isinstance(items, Mapping):
        item = annotator.value(items) if annotator.is_model_ref(items) else annotator.model_union(items) or "Any"
    return Pagination(cursor, arrays[0], item, op.result.annotation)
