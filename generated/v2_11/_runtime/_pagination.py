# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Iterating over Intercom's cursor-paginated lists.

Every page is a model with a ``pages`` object; ``pages.next.starting_after`` holds the cursor
of the next page (``pages`` and ``next`` may be models, plain dicts or missing). Iteration stops
when there is no cursor, and, with a warning on the ``intercom`` logger, when a server would
otherwise keep it going forever:

- a cursor comes back a second time (a server answering with the same cursor, or a cycle);
- a page has no items but names a next cursor (a server handing out new cursors for ever more
  empty pages);
- ``max_pages`` pages have been fetched (10,000 by default; ``max_pages=`` on the client or
  ``request_options={"max_pages": ...}``, ``None`` for no bound).

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
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, cast

from pydantic import BaseModel

from ._request import APIRequest, PageRequest
from ._response import APIResponse

__all__ = ["AsyncPaginator", "SyncPaginator"]

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")
SyncSend = Callable[[APIRequest[Any]], Any]
"""How a sync paginator sends a request: the client's ``_send`` (the parsed value, or an
:class:`APIResponse` when the request asks for one)."""
AsyncSend = Callable[[APIRequest[Any]], Awaitable[Any]]
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


class _PageGuard:
    """Hands out next cursors, stopping (with a warning) where a walk would never end."""

    def __init__(self, pages: PageRequest[Any]) -> None:
        self._pages = pages
        self._seen: set[str] = set()
        self._count = 0

    def next(self, page: object) -> str | None:
        """The cursor of the page after ``page``, or ``None`` to stop."""
        self._count += 1
        cursor = next_cursor(page)
        if cursor is None:
            return None
        reason = self._reason_to_stop(page, cursor)
        if reason is not None:
            logger.warning("Stopping pagination of %s: %s", self._pages.first.operation, reason)
            return None
        self._seen.add(cursor)
        return cursor

    def _reason_to_stop(self, page: object, cursor: str) -> str | None:
        if cursor in self._seen:
            return "the server repeated a cursor"
        if not _field(page, self._pages.items_field):
            return f"page {self._count} has no items but names a next cursor"
        limit = self._pages.max_pages
        if limit is not None and self._count >= limit:
            return f"max_pages ({limit:,}) pages were fetched; pass max_pages=... (or None) for more"
        return None


class SyncPaginator(Generic[PageT, ItemT]):
    """Lazily fetches the pages of a list; iterate it for the items."""

    def __init__(self, send: SyncSend, pages: PageRequest[PageT], item_type: type[ItemT]) -> None:
        self._send = send
        self._pages = pages
        self.item_type = item_type
        """The declared item type (items are already parsed as part of their page)."""
        self._first: PageT | None = None

    def _fetch(self, cursor: str | None) -> PageT:
        return cast(PageT, self._send(self._pages.page(cursor)))

    def fetch_first_page_raw(self) -> APIResponse[SyncPaginator[PageT, ItemT]]:
        """Fetch the first page now; return its response with this paginator as ``parsed``."""
        response = cast("APIResponse[PageT]", self._send(self._pages.first.with_raw(True)))
        self._first = response.parsed
        return response.with_parsed(self)

    def first_page(self) -> PageT:
        """The first page (fetched on the first call, then kept)."""
        if self._first is None:
            self._first = self._fetch(None)
        return self._first

    def pages(self) -> Iterator[PageT]:
        """Yield every page, starting with the first."""
        guard = _PageGuard(self._pages)
        page = self.first_page()
        while True:
            yield page
            cursor = guard.next(page)
            if cursor is None:
                return
            page = self._fetch(cursor)

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from page_items(page, self._pages.items_field)

    def __repr__(self) -> str:
        return f"<SyncPaginator {self._pages.first.operation}>"


class AsyncPaginator(Generic[PageT, ItemT]):
    """Lazily fetches the pages of a list; ``async for`` it for the items.

    Awaiting the paginator fetches the first page and returns the paginator itself, or an
    :class:`APIResponse` wrapping it when the call asked for a raw response.
    """

    def __init__(self, send: AsyncSend, pages: PageRequest[PageT], item_type: type[ItemT], *, raw: bool) -> None:
        self._send = send
        self._pages = pages
        self._raw = raw
        self.item_type = item_type
        """The declared item type (items are already parsed as part of their page)."""
        self._first: PageT | None = None

    async def _fetch(self, cursor: str | None) -> PageT:
        return cast(PageT, await self._send(self._pages.page(cursor)))

    async def _prime(self) -> AsyncPaginator[PageT, ItemT]:
        if not self._raw:
            await self.first_page()
            return self
        response = cast("APIResponse[PageT]", await self._send(self._pages.first.with_raw(True)))
        self._first = response.parsed
        return cast("AsyncPaginator[PageT, ItemT]", response.with_parsed(self))

    def __await__(self) -> Generator[Any, None, AsyncPaginator[PageT, ItemT]]:
        return self._prime().__await__()

    async def first_page(self) -> PageT:
        """The first page (fetched on the first call, then kept)."""
        if self._first is None:
            self._first = await self._fetch(None)
        return self._first

    async def pages(self) -> AsyncIterator[PageT]:
        """Yield every page, starting with the first."""
        guard = _PageGuard(self._pages)
        page = await self.first_page()
        while True:
            yield page
            cursor = guard.next(page)
            if cursor is None:
                return
            page = await self._fetch(cursor)

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in page_items(page, self._pages.items_field):
                yield item

    def __repr__(self) -> str:
        return f"<AsyncPaginator {self._pages.first.operation}>"
