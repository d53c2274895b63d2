# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""The client base classes generated clients derive from: :class:`SyncAPIClient` and :class:`AsyncAPIClient`.

A generated client only sets class attributes::

    class Intercom(SyncAPIClient):
        api_version: ClassVar[str] = "2.13"
        servers: ClassVar[Mapping[str, str]] = {"us": "https://api.intercom.io", ...}
        default_region: ClassVar[str] = "us"

Construction is cheap: the client's own ``httpx`` client is only created by the first request.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar, cast

import httpx

from . import _retry
from ._base import BaseAPIClient, DriftHook, effective_timeout
from ._call import Exchange, Exchanged, Next, Open, Send, exchange
from ._options import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_WAIT,
    DEFAULT_TIMEOUT,
    RequestOptions,
)
from ._pagination import AsyncPaginator, SyncPaginator
from ._request import APIRequest, CursorLocation

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

_T = TypeVar("_T")
_PageT = TypeVar("_PageT")
_ItemT = TypeVar("_ItemT")
_SyncClientT = TypeVar("_SyncClientT", bound="SyncAPIClient")
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")


def run(http: httpx.Client, steps: Exchange) -> Exchanged:
    """Drive :func:`exchange` with blocking I/O (the async twin is :func:`run_async`)."""
    held: httpx.Response | None = None  # closed before the next send or sleep, and at the end
    reply: Any = None
    failure: httpx.RequestError | None = None
    try:
        while True:
            try:
                step = steps.send(reply) if failure is None else steps.throw(failure)
            except StopIteration as done:
                return cast(Exchanged, done.value)
            reply, failure = None, None
            try:
                if isinstance(step, Next):
                    reply = next(step.chunks, None)
                    continue
                if isinstance(step, Open):
                    reply = step.response.iter_raw() if step.raw else step.response.iter_bytes()
                    continue
                if held is not None:
                    held.close()
                if isinstance(step, Send):
                    reply = held = http.send(step.request, stream=True, follow_redirects=step.follow_redirects)
                else:
                    _retry.sleep(step.seconds)
            except httpx.RequestError as error:
                failure = error
    finally:
        if held is not None:
            held.close()


async def run_async(http: httpx.AsyncClient, steps: Exchange) -> Exchanged:
    """Drive :func:`exchange` with async I/O; the same as :func:`run`, line for line."""
    held: httpx.Response | None = None
    reply: Any = None
    failure: httpx.RequestError | None = None
    try:
        while True:
            try:
                step = steps.send(reply) if failure is None else steps.throw(failure)
            except StopIteration as done:
                return cast(Exchanged, done.value)
            reply, failure = None, None
            try:
                if isinstance(step, Next):
                    reply = await anext(step.chunks, None)
                    continue
                if isinstance(step, Open):
                    reply = step.response.aiter_raw() if step.raw else step.response.aiter_bytes()
                    continue
                if held is not None:
                    await held.aclose()
                if isinstance(step, Send):
                    reply = held = await http.send(step.request, stream=True, follow_redirects=step.follow_redirects)
                else:
                    await _retry.async_sleep(step.seconds)
            except httpx.RequestError as error:
                failure = error
    finally:
        if held is not None:
            await held.aclose()


class SyncAPIClient(BaseAPIClient):
    """Base class of generated synchronous clients.

    ``token`` defaults to the ``INTERCOM_ACCESS_TOKEN`` environment variable; without either,
    requests carry no ``Authorization`` header (and the API answers 401). ``base_url`` wins over
    ``region``; ``region`` defaults to the class's ``default_region``. An injected
    ``http_client`` is used as is and never closed by this client; its own ``timeout`` is used
    unless ``timeout`` is given. Redirects are not followed unless ``follow_redirects`` is true.

    An answer that does not fit its model still returns what fits and records drift (logged once
    per operation and place on the ``intercom.drift`` logger, passed to ``on_drift``, listed on
    ``with_raw_response`` answers); ``strict=True`` raises :class:`ResponseValidationError` instead.

    ``timeout`` bounds each network wait; ``deadline`` (five minutes by default; ``None`` for none)
    the whole call, every attempt, retry wait and body included: running out raises
    :class:`APITimeoutError`. An answer whose body decodes to more than ``max_response_bytes``
    (64 MiB by default; ``None`` for no limit) raises :class:`ResponseTooLargeError` while it
    streams in. An ``iter_*`` walk fetches at most ``max_pages`` pages (10,000 by default; ``None``
    for no bound).
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | httpx.URL | None = None,
        region: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        follow_redirects: bool = False,
        strict: bool = False,
        on_drift: DriftHook | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = DEFAULT_DEADLINE,
        max_pages: int | None = DEFAULT_MAX_PAGES,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            region=region,
            timeout=effective_timeout(timeout, http_client),
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            default_headers=default_headers,
            default_query=default_query,
            follow_redirects=follow_redirects,
            strict=strict,
            on_drift=on_drift,
            max_response_bytes=max_response_bytes,
            deadline=deadline,
            max_pages=max_pages,
        )
        self._http = http_client
        self._owns_http = http_client is None
        self._http_lock = threading.Lock()
        self._closed = False

    def _make_http_client(self) -> httpx.Client:
        """Create the client's own ``httpx.Client`` (called once, on first use)."""
        return httpx.Client(timeout=self.timeout, follow_redirects=self._follow_redirects)

    def _get_http(self) -> httpx.Client:
        if self._http is None:
            with self._http_lock:
                if self._closed:
                    raise RuntimeError("This client has been closed")
                if self._http is None:
                    self._http = self._make_http_client()
        return self._http

    def close(self) -> None:
        """Close the client's own ``httpx.Client``; an injected one is left open."""
        with self._http_lock:
            self._closed = True
            if self._owns_http and self._http is not None:
                self._http.close()

    def __enter__(self: _SyncClientT) -> _SyncClientT:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        path_params: Mapping[str, str | int] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Sequence[str] = (),
        headers: Mapping[str, object | None] | None = None,
        body: object | None = None,
        idempotent: bool | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        """Send one API request, retrying as configured, and parse the answer into ``cast_to``.

        Returns an :class:`APIResponse` instead when ``options`` carries the raw-response flag.
        """
        request = APIRequest(method, path, cast_to, path_params, query, explode, headers, body, idempotent, options)
        return cast(_T, self._send(request))

    def _send(self, request: APIRequest[Any]) -> Any:
        """Send ``request`` (the value every call is made of); pagination sends its pages here."""
        http = self._get_http()
        call = self._prepare(http, request)
        return self._result(call, run(http, exchange(call, self._redactor.scrub)))

    def paginate(
        self,
        method: str,
        path: str,
        *,
        page_type: type[_PageT],
        item_type: type[_ItemT],
        cursor: CursorLocation = "query",
        items_field: str = "data",
        path_params: Mapping[str, str | int] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Sequence[str] = (),
        headers: Mapping[str, object | None] | None = None,
        body: object | None = None,
        idempotent: bool | None = None,
        options: RequestOptions | None = None,
    ) -> SyncPaginator[_PageT, _ItemT]:
        """Return a paginator over a cursor-paginated list (see :mod:`._pagination`).

        Nothing is sent until the paginator is used, except when ``options`` carries the
        raw-response flag: then the first page is fetched now and an :class:`APIResponse`
        whose ``parsed`` is the paginator is returned.
        """
        first = APIRequest(method, path, page_type, path_params, query, explode, headers, body, idempotent, options)
        pages = self._pages(first, cursor=cursor, items_field=items_field)
        paginator: SyncPaginator[_PageT, _ItemT] = SyncPaginator(self._send, pages, item_type)
        if first.raw:
            return cast("SyncPaginator[_PageT, _ItemT]", paginator.fetch_first_page_raw())
        return paginator


class AsyncAPIClient(BaseAPIClient):
    """Base class of generated asynchronous clients; see :class:`SyncAPIClient` for the arguments."""

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | httpx.URL | None = None,
        region: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        follow_redirects: bool = False,
        strict: bool = False,
        on_drift: DriftHook | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = DEFAULT_DEADLINE,
        max_pages: int | None = DEFAULT_MAX_PAGES,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            region=region,
            timeout=effective_timeout(timeout, http_client),
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            default_headers=default_headers,
            default_query=default_query,
            follow_redirects=follow_redirects,
            strict=strict,
            on_drift=on_drift,
            max_response_bytes=max_response_bytes,
            deadline=deadline,
            max_pages=max_pages,
        )
        self._http = http_client
        self._owns_http = http_client is None
        self._closed = False

    def _make_http_client(self) -> httpx.AsyncClient:
        """Create the client's own ``httpx.AsyncClient`` (called once, on first use)."""
        return httpx.AsyncClient(timeout=self.timeout, follow_redirects=self._follow_redirects)

    def _get_http(self) -> httpx.AsyncClient:
        if self._http is None:
            if self._closed:
                raise RuntimeError("This client has been closed")
            self._http = self._make_http_client()
        return self._http

    async def aclose(self) -> None:
        """Close the client's own ``httpx.AsyncClient``; an injected one is left open."""
        self._closed = True
        if self._owns_http and self._http is not None:
            await self._http.aclose()

    async def close(self) -> None:
        """The same as :meth:`aclose`."""
        await self.aclose()

    async def __aenter__(self: _AsyncClientT) -> _AsyncClientT:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        path_params: Mapping[str, str | int] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Sequence[str] = (),
        headers: Mapping[str, object | None] | None = None,
        body: object | None = None,
        idempotent: bool | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        """The async version of :meth:`SyncAPIClient.request`."""
        request = APIRequest(method, path, cast_to, path_params, query, explode, headers, body, idempotent, options)
        return cast(_T, await self._send(request))

    async def _send(self, request: APIRequest[Any]) -> Any:
        """Send ``request``; see :meth:`SyncAPIClient._send`."""
        http = self._get_http()
        call = self._prepare(http, request)
        return self._result(call, await run_async(http, exchange(call, self._redactor.scrub)))

    def paginate(
        self,
        method: str,
        path: str,
        *,
        page_type: type[_PageT],
        item_type: type[_ItemT],
        cursor: CursorLocation = "query",
        items_field: str = "data",
        path_params: Mapping[str, str | int] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Sequence[str] = (),
        headers: Mapping[str, object | None] | None = None,
        body: object | None = None,
        idempotent: bool | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncPaginator[_PageT, _ItemT]:
        """Return an async paginator (a plain method: nothing is sent until the paginator is used).

        Awaiting the paginator fetches its first page; with the raw-response flag in ``options``
        the await returns an :class:`APIResponse` whose ``parsed`` is the paginator.
        """
        first = APIRequest(method, path, page_type, path_params, query, explode, headers, body, idempotent, options)
        pages = self._pages(first, cursor=cursor, items_field=items_field)
        return AsyncPaginator(self._send, pages, item_type, raw=first.raw)
