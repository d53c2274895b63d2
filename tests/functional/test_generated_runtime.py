"""The runtime's features, reached through each generated package (sync and async alike).

tests/runtime covers the runtime in depth with its own tiny client; these tests check that every
generated package exports it and that its generated methods pass everything through: per-call
options, raw responses, retries, pagination, context managers and the error hierarchy.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.support import CLIENT_PACKAGES, api_for, package_module

ERROR_TREE = {
    "IntercomError": Exception,
    "APIError": "IntercomError",
    "APIStatusError": "APIError",
    "BadRequestError": "APIStatusError",
    "AuthenticationError": "APIStatusError",
    "PermissionDeniedError": "APIStatusError",
    "NotFoundError": "APIStatusError",
    "ConflictError": "APIStatusError",
    "UnprocessableEntityError": "APIStatusError",
    "RateLimitError": "APIStatusError",
    "InternalServerError": "APIStatusError",
    "APIConnectionError": "APIError",
    "APITimeoutError": "APIConnectionError",
    "ResponseValidationError": "APIError",
}
Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waits: list[float] = []

    async def async_wait(seconds: float) -> None:
        waits.append(seconds)

    for package in CLIENT_PACKAGES:
        retry = package_module(package)._runtime._retry
        monkeypatch.setattr(retry, "sleep", waits.append)
        monkeypatch.setattr(retry, "async_sleep", async_wait)
    return waits


def _example(package: str, py_name: str) -> Any:
    """The spec's first success example of the operation generated as ``py_name``."""
    op = next(op for op in api_for(package).operations if op.py_name == py_name)
    response = next(r for r in op.responses if r.status == op.result.status)
    return next(iter(response.examples.values()))


def _page(package: str, py_name: str, items_field: str, item_id: str, cursor: str | None) -> dict[str, Any]:
    """A page built from the spec's list and item examples, holding one item, pointing to ``cursor``.

    (2.11's cursor object requires ``per_page`` beside ``starting_after``.)
    """
    page = dict(_example(package, py_name))
    item = dict(next(iter(_example(package, py_name)[items_field]), None) or _item_example(package, items_field))
    page[items_field] = [{**item, "id": item_id}]
    page["pages"] = {"type": "pages", **({"next": {"per_page": 1, "starting_after": cursor}} if cursor else {})}
    return page


def _item_example(package: str, items_field: str) -> dict[str, Any]:
    show = {"conversations": "retrieve_conversation", "data": "show_contact"}[items_field]
    return dict(_example(package, show))


def _sync(package: str, handler: Handler, **kwargs: Any) -> Any:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return package_module(package).Intercom(token="test-token", base_url="https://api.test", http_client=http, **kwargs)


def _async(package: str, handler: Handler, **kwargs: Any) -> Any:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    module = package_module(package)
    return module.AsyncIntercom(token="test-token", base_url="https://api.test", http_client=http, **kwargs)


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_the_package_exports_the_documented_error_hierarchy(package: str) -> None:
    module = package_module(package)
    for name, parent in ERROR_TREE.items():
        assert name in module.__all__
        cls = getattr(module, name)
        base = parent if isinstance(parent, type) else getattr(module, parent)
        assert cls.__bases__ == (base,), name
        assert cls is getattr(module._runtime, name)
    for name in ("APIResponse", "RequestOptions", "SyncPaginator", "AsyncPaginator", "RateLimit", "API_VERSION"):
        assert name in module.__all__
    assert "SyncAPIClient" not in module.__all__


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_per_call_options_raw_response_and_retries(package: str, no_waiting: list[float]) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(429, json={"type": "error.list", "errors": []}, headers={"Retry-After": "3"})
        headers = {"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "999", "X-Request-Id": "req-1"}
        return httpx.Response(200, json=admin, headers=headers)

    admin = _example(package, "identify_admin")

    client = _sync(package, answer, max_retries=0)
    options = {"max_retries": 1, "timeout": 4.5, "extra_headers": {"X-Trace": "t1"}, "extra_query": {"debug": "1"}}
    raw = client.admins.with_raw_response.identify_admin(request_options=options)
    assert raw.status_code == 200 and raw.retries_taken == 1 and raw.request_id == "req-1"
    assert raw.rate_limit.remaining == 999
    assert raw.parsed.email == admin["email"]
    assert no_waiting == [3.0]
    last = seen[-1]
    assert last.headers["X-Trace"] == "t1" and last.url.params["debug"] == "1"
    assert last.extensions["timeout"]["read"] == 4.5
    assert last.headers["Intercom-Version"] == package_module(package).API_VERSION


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_a_post_is_not_retried_on_5xx_unless_asked(package: str) -> None:
    calls: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) < 3:
            return httpx.Response(503, text="unavailable")
        return httpx.Response(200, json={**_example(package, "create_tag"), "name": "vip"})

    client = _sync(package, answer)
    module = package_module(package)
    with pytest.raises(module.InternalServerError):
        client.tags.create_tag({"name": "vip"})
    assert len(calls) == 1
    tag = client.tags.create_tag({"name": "vip"}, request_options={"retry_non_idempotent": True})
    assert len(calls) == 3 and tag.name == "vip"


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_async_client_pagination_and_context_manager(package: str) -> None:
    pages = {
        None: _page(package, "list_conversations", "conversations", "1", "c2"),
        "c2": _page(package, "list_conversations", "conversations", "2", None),
    }

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("starting_after")])

    async def walk() -> tuple[list[str], bool]:
        async with _async(package, answer) as client:
            ids = [c.id async for c in client.conversations.iter_list_conversations()]
            http = client._http
        return ids, http.is_closed

    ids, injected_closed = asyncio.run(walk())
    assert ids == ["1", "2"]
    assert injected_closed is False  # an injected client belongs to the caller


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_the_clients_own_http_client_is_closed_by_the_context_manager(package: str) -> None:
    module = package_module(package)
    with module.Intercom(token="test-token") as client:
        http = client._get_http()
        assert not http.is_closed
    assert http.is_closed


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_search_pagination_sends_the_cursor_in_the_body(package: str) -> None:
    bodies: list[dict[str, Any]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        bodies.append(body)
        cursor = body["pagination"].get("starting_after")
        page = _page(package, "search_contacts", "data", cursor or "first", None if cursor else "c2")
        return httpx.Response(200, json=page)

    client = _sync(package, answer)
    query = {"query": {"field": "email", "operator": "=", "value": "a@example.com"}, "pagination": {"per_page": 1}}
    ids = [c.id for c in client.contacts.iter_search_contacts(query)]
    assert ids == ["first", "c2"]
    assert bodies[1]["pagination"] == {"per_page": 1, "starting_after": "c2"}
    assert bodies[1]["query"] == query["query"]
