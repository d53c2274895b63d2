# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""One API request as one value: :class:`APIRequest`, and :class:`PageRequest` for a list's pages.

``client.request(...)`` and ``client.paginate(...)`` build the value once from their arguments;
from there it is passed, unchanged, through the shared request building (``_base``), the call
on the wire (``_call``), and pagination, which derives the request of each next page with
:meth:`APIRequest.after_cursor`. The sync and the async client hand around the same value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from ._encode import jsonable
from ._options import RequestOptions, wants_raw, with_raw_flag, without_raw_flag

CursorLocation = Literal["query", "body"]
_T = TypeVar("_T")


@dataclass(frozen=True)
class APIRequest(Generic[_T]):
    """What to send and what to parse the answer into; nothing about how (see ``_call``).

    ``path`` is the template (``/contacts/{id}``) filled from ``path_params``; ``query`` entries
    named in ``explode`` are objects whose fields become parameters; ``idempotent=None`` decides
    by method; ``options`` are the caller's :class:`RequestOptions`.
    """

    method: str
    path: str
    cast_to: type[_T]
    path_params: Mapping[str, str | int] | None = None
    query: Mapping[str, object] | None = None
    explode: Sequence[str] = ()
    headers: Mapping[str, object | None] | None = None
    body: object | None = None
    idempotent: bool | None = None
    options: RequestOptions | None = None

    @property
    def verb(self) -> str:
        """The HTTP method, upper case."""
        return self.method.upper()

    @property
    def operation(self) -> str:
        """``GET /contacts/{id}``: how drift records and log messages name the call."""
        return f"{self.verb} {self.path}"

    @property
    def raw(self) -> bool:
        """Whether the caller asked for an :class:`APIResponse` rather than the parsed value."""
        return wants_raw(self.options)

    def with_raw(self, raw: bool) -> APIRequest[_T]:
        """The same request, asking (or not) for an :class:`APIResponse`."""
        options = with_raw_flag(self.options) if raw else without_raw_flag(self.options)
        return dataclasses.replace(self, options=options)

    def after_cursor(self, cursor: str, location: CursorLocation) -> APIRequest[_T]:
        """The request for the page that starts after ``cursor``.

        ``"query"`` sends it as the query parameter ``starting_after``; ``"body"`` as
        ``body["pagination"]["starting_after"]``, keeping the other ``pagination`` keys.
        """
        if location == "query":
            return dataclasses.replace(self, query={**(self.query or {}), "starting_after": cursor})
        body = {} if self.body is None else jsonable(self.body)
        if not isinstance(body, dict):
            raise TypeError("A body cursor needs a JSON object as the request body")
        pagination = body.get("pagination")
        pagination = dict(pagination) if isinstance(pagination, Mapping) else {}
        pagination["starting_after"] = cursor
        return dataclasses.replace(self, body={**body, "pagination": pagination})


@dataclass(frozen=True)
class PageRequest(Generic[_T]):
    """A cursor-paginated list: the first page's request and where its items and cursor go."""

    first: APIRequest[_T]
    """The request of the first page, without the raw-response flag."""
    cursor: CursorLocation
    items_field: str
    max_pages: int | None = None
    """Stop after this many pages (``None``: no bound)."""

    @classmethod
    def create(
        cls, first: APIRequest[_T], *, cursor: str, items_field: str, max_pages: int | None = None
    ) -> PageRequest[_T]:
        """Check the arguments of ``paginate`` and bundle them."""
        if cursor not in ("query", "body"):
            raise ValueError(f"cursor must be 'query' or 'body', not {cursor!r}")
        location: CursorLocation = "query" if cursor == "query" else "body"
        return cls(first.with_raw(False), location, items_field, max_pages)

    def page(self, cursor: str | None) -> APIRequest[_T]:
        """The request of the first page (``cursor=None``) or of the page after ``cursor``."""
        return self.first if cursor is None else self.first.after_cursor(cursor, self.cursor)
