# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Iterating over Intercom's cursor-paginated lists.

Every page is a model with a ``pages`` object; ``pages.next.starting_after`` holds the cursor
of the next page (``pages`` and ``next`` may be models, plain dicts or missing). Iteration stops
when there is no cursor, or when a cursor comes back a second time (so a server that keeps
answering with the same cursor cannot cause an endless loop).

The cursor is sent back in one of two places:

- ``cursor="query"`` (list endpoints): as the query parameter ``starting_after``.
- ``cursor="body"`` (search endpoints): as ``body["pagination"]["starting_after"]``, keeping
  the other ``pagination`` keys such as ``per_page``.

A paginator sends nothing until it is used. Iterating it yields the items of every page (taken
from the page's ``items_field``), ``pages()`` yields the pages and ``first_page()`` returns the
first page, which is fetched once and then kept.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Generator, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, NamedTuple, TypeVar, cast

from pydantic import BaseModel

from ._encode import jsonable
from ._options import RequestOptions, wants_raw, with_raw_flag, without_raw_flag
from ._response import APIResponse

if TYPE_CHECKING:
    from ._client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncPaginator", "SyncPaginator"]

CursorLocation = Literal["query", "body"]
PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")
logger = logging.getLogger("intercom")


def _field(obj: object, name: str) -> object:
    """``obj[name]`` for mappings, the field called (or aliased) ``name`` for models, else ``None``."""
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    if isinstance(obj, BaseModel):
        for attribute, info in type(obj).model_fields.items():
            if info.alias == name:
                return getattr(obj, attribute)
    return getattr(obj, name, None)


def next_cursor(page: object) -> str | None:
    """The ``pages.next.starting_after`` cursor of ``page``, or ``None`` on the last page."""
    cursor = _field(_field(_field(page, "pages"), "next"), "starting_after")
    return cursor if isinstance(cursor, str) and cursor else None


def page_items(page: object, items_field: str) -> list[Any]:
    """The items of ``page`` (an absent or ``None`` field counts as no items)."""
    items = _field(page, items_field)
    return [] if items is None else list(cast("Sequence[Any]", items))


class PageRequest(NamedTuple):
    """Everything needed to request one page; :meth:`for_cursor` derives the next request."""

    method: str
    path: str
    page_type: Any
    cursor: CursorLocation
    items_field: str
    path_params: Mapping[str, str | int] | None
    query: Mapping[str, object] | None
    explode: Sequence[str]
    headers: Mapping[str, object | None] | None
    body: object | None
    idempotent: bool | None
    options: RequestOptions
    """The caller's options without the raw-response flag."""
    raw: bool
    """Whether the caller asked for a raw response (honoured for the first page only)."""

    @classmethod
    def create(
        cls,
        method: str,
        path: str,
        *,
        page_type: Any,
        cursor: str,
        items_field: str,
        path_params: Mapping[str, str | int] | None,
        query: Mapping[str, object] | None,
        explode: Sequence[str],
        headers: Mapping[str, object | None] | None,
        body: object | None,
        idempotent: bool | None,
        options: RequestOptions | None,
    ) -> PageRequest:
        """Check the arguments of ``paginate`` and bundle them."""
        if cursor not in ("query", "body"):
            raise ValueError(f"cursor must be 'query' or 'body', not {cursor!r}")
        return cls(
            method=method,
            path=path,
            page_type=page_type,
            cursor=cast("CursorLocation", cursor),
            items_field=items_field,
            path_params=path_params,
            query=query,
            explode=tuple(explode),
            headers=headers,
            body=body,
            idempotent=idempotent,
            options=without_raw_flag(options),
            raw=wants_raw(options),
        )

    def for_cursor(self, cursor: str) -> PageRequest:
        """The request for the page that starts after ``cursor``."""
        if self.cursor == "query":
            return self._replace(query={**(self.query or {}), "starting_after": cursor})
        body = {} if self.body is None else jsonable(self.body)
        if not isinstance(body, dict):
            raise TypeError("A body cursor needs a JSON object as the request body")
        pagination = body.get("pagination")
        pagination = dict(pagination) if isinstance(pagination, Mapping) else {}
        pagination["starting_after"] = cursor
        return self._replace(body={**body, "pagination": pagination})

    def request_kwargs(self, *, raw: bool = False) -> dict[str, Any]:
        """Keyword arguments for ``client.request``."""
        return {
            "cast_to": self.page_type,
            "path_params": self.path_params,
            "query": self.query,
            "explode": self.explode,
            "headers": self.headers,
            "body": self.body,
            "idempotent": self.idempotent,
            "options": with_raw_flag(self.options) if raw else self.options,
        }


class _CursorGuard:
    """Hands out next cursors, refusing any cursor it has seen before."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._seen: set[str] = set()

    def next(self, page: object) -> str | None:
        cursor = next_cursor(page)
        if cursor is None:
            return None
        if cursor in self._seen:
            logger.warning("Stopping pagination of %s: the server repeated a cursor", self._path)
            return None
        self._seen.add(cursor)
        return cursor


class SyncPaginator(Generic[PageT, ItemT]):
    """Lazily fetches the pages of a list; iterate it for the items."""

    def __init__(self, client: SyncAPIClient, spec: PageRequest, item_type: type[ItemT]) -> None:
        self._client = client
        self._spec = spec
        self.item_type = item_type
        """The declared item type (items are already parsed as part of their page)."""
        self._first: PageT | None = None

    def _fetch(self, spec: PageRequest) -> PageT:
        return cast(PageT, self._client.request(spec.method, spec.path, **spec.request_kwargs()))

    def fetch_first_page_raw(self) -> APIResponse[SyncPaginator[PageT, ItemT]]:
        """Fetch the first page now; return its response with this paginator as ``parsed``."""
        spec = self._spec
        answer = self._client.request(spec.method, spec.path, **spec.request_kwargs(raw=True))
        response = cast("APIResponse[PageT]", answer)
        self._first = response.parsed
        return response.with_parsed(self)

    def first_page(self) -> PageT:
        """The first page (fetched on the first call, then kept)."""
        if self._first is None:
            self._first = self._fetch(self._spec)
        return self._first

    def pages(self) -> Iterator[PageT]:
        """Yield every page, starting with the first."""
        guard = _CursorGuard(self._spec.path)
        page = self.first_page()
        while True:
            yield page
            cursor = guard.next(page)
            if cursor is None:
                return
            page = self._fetch(self._spec.for_cursor(cursor))

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from page_items(page, self._spec.items_field)

    def __repr__(self) -> str:
        return f"<SyncPaginator {self._spec.method.upper()} {self._spec.path}>"


class AsyncPaginator(Generic[PageT, ItemT]):
    """Lazily fetches the pages of a list; ``async for`` it for the items.

    Awaiting the paginator fetches the first page and returns the paginator itself, or an
    :class:`APIResponse` wrapping it when the call asked for a raw response.
    """

    def __init__(self, client: AsyncAPIClient, spec: PageRequest, item_type: type[ItemT]) -> None:
        self._client = client
        self._spec = spec
        self.item_type = item_type
        """The declared item type (items are already parsed as part of their page)."""
        self._first: PageT | None = None

    async def _fetch(self, spec: PageRequest) -> PageT:
        return cast(PageT, await self._client.request(spec.method, spec.path, **spec.request_kwargs()))

    async def _prime(self) -> AsyncPaginator[PageT, ItemT]:
        spec = self._spec
        if not spec.raw:
            await self.first_page()
            return self
        answer = await self._client.request(spec.method, spec.path, **spec.request_kwargs(raw=True))
        response = cast("APIResponse[PageT]", answer)
        self._first = response.parsed
        return cast("AsyncPaginator[PageT, ItemT]", response.with_parsed(self))

    def __await__(self) -> Generator[Any, None, AsyncPaginator[PageT, ItemT]]:
        return self._prime().__await__()

    async def first_page(self) -> PageT:
        """The first page (fetched on the first call, then kept)."""
        if self._first is None:
            self._first = await self._fetch(self._spec)
        return self._first

    async def pages(self) -> AsyncIterator[PageT]:
        """Yield every page, starting with the first."""
        guard = _CursorGuard(self._spec.path)
        page = await self.first_page()
        while True:
            yield page
            cursor = guard.next(page)
            if cursor is None:
                return
            page = await self._fetch(self._spec.for_cursor(cursor))

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in page_items(page, self._spec.items_field):
                yield item

    def __repr__(self) -> str:
        return f"<AsyncPaginator {self._spec.method.upper()} {self._spec.path}>"
