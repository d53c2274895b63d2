"""Cursor pagination over the query string and over the request body."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, ConfigDict, Field
from runtime_support import (
    Contact,
    ContactList,
    FakeServer,
    Harness,
    error_response,
    json_response,
    raw_resource,
    resolve,
)

from generator.runtime import DEFAULT_MAX_PAGES, APIResponse, AsyncPaginator, NotFoundError, SyncPaginator
from generator.runtime._pagination import next_cursor
from generator.runtime._request import APIRequest, PageRequest

Build = Callable[..., Harness]


class NextCursor(BaseModel):
    page: int | None = None
    starting_after: str | None = None


class CursorPages(BaseModel):
    type: str = "pages"
    next_page: NextCursor | None = Field(default=None, alias="next")


class TypedContactList(BaseModel):
    model_config = ConfigDict(extra="allow")

    data: list[Contact] | None = None
    pages: CursorPages | None = None


class SearchPagination(BaseModel):
    per_page: int | None = None
    starting_after: str | None = None


class SearchRequest(BaseModel):
    query: dict[str, Any]
    pagination: SearchPagination | None = None


def page(ids: list[str], after: str | None) -> dict[str, Any]:
    pages: dict[str, Any] = {"type": "pages", "per_page": 2}
    if after is not None:
        pages["next"] = {"page": 2, "starting_after": after}
    return {"type": "list", "data": [{"id": i} for i in ids], "pages": pages}


THREE_PAGES = {None: page(["1", "2"], "c1"), "c1": page(["3", "4"], "c2"), "c2": page(["5"], None)}


def cursor_of(request: httpx.Request) -> str | None:
    cursor: str | None
    if request.content:
        cursor = json.loads(request.content).get("pagination", {}).get("starting_after")
    else:
        cursor = request.url.params.get("starting_after")
    return cursor


def paged_server(pages: dict[str | None, dict[str, Any]]) -> FakeServer:
    return FakeServer(lambda request: json_response(200, pages[cursor_of(request)]))


def list_contacts(h: Harness, **kwargs: Any) -> Any:
    kwargs.setdefault("page_type", ContactList)
    kwargs.setdefault("items_field", "data")
    return h.client.paginate("get", "/contacts", item_type=Contact, cursor="query", **kwargs)


def test_query_cursor_walks_three_pages(harness: Build) -> None:
    server = paged_server(THREE_PAGES)
    h = harness(server)
    paginator = list_contacts(h, query={"per_page": 2})
    assert isinstance(paginator, SyncPaginator | AsyncPaginator)
    assert server.requests == []
    assert [c.id for c in h.collect(paginator)] == ["1", "2", "3", "4", "5"]
    assert [r.url.params.multi_items() for r in server.requests] == [
        [("per_page", "2")],
        [("per_page", "2"), ("starting_after", "c1")],
        [("per_page", "2"), ("starting_after", "c2")],
    ]
    assert all(r.url.path == "/contacts" for r in server.requests)


def test_pages_yields_page_models(harness: Build) -> None:
    h = harness(paged_server(THREE_PAGES))
    pages = h.collect(list_contacts(h).pages())
    assert [type(p) for p in pages] == [ContactList] * 3
    assert [[c.id for c in p.data] for p in pages] == [["1", "2"], ["3", "4"], ["5"]]


def test_first_page_is_fetched_once(harness: Build) -> None:
    server = paged_server(THREE_PAGES)
    h = harness(server)
    paginator = list_contacts(h)
    first = resolve(paginator.first_page())
    assert resolve(paginator.first_page()) is first
    assert [c.id for c in first.data] == ["1", "2"]
    assert len(server.requests) == 1
    assert len(h.collect(paginator)) == 5
    assert len(server.requests) == 3


def test_typed_pages_models_with_an_aliased_next(harness: Build) -> None:
    h = harness(paged_server(THREE_PAGES))
    pages = h.collect(list_contacts(h, page_type=TypedContactList).pages())
    assert len(pages) == 3
    assert pages[0].pages.next_page == NextCursor(page=2, starting_after="c1")


def test_body_cursor_keeps_other_pagination_keys(harness: Build) -> None:
    server = paged_server(THREE_PAGES)
    h = harness(server)
    body = SearchRequest(
        query={"field": "role", "operator": "=", "value": "user"}, pagination=SearchPagination(per_page=2)
    )
    paginator = h.client.paginate(
        "post",
        "/contacts/search",
        page_type=ContactList,
        item_type=Contact,
        cursor="body",
        items_field="data",
        body=body,
    )
    assert [c.id for c in h.collect(paginator)] == ["1", "2", "3", "4", "5"]
    query = {"field": "role", "operator": "=", "value": "user"}
    assert [json.loads(r.content) for r in server.requests] == [
        {"query": query, "pagination": {"per_page": 2}},
        {"query": query, "pagination": {"per_page": 2, "starting_after": "c1"}},
        {"query": query, "pagination": {"per_page": 2, "starting_after": "c2"}},
    ]
    assert all(r.method == "POST" and r.url.query == b"" for r in server.requests)


def test_body_cursor_creates_the_pagination_object(harness: Build) -> None:
    server = paged_server(THREE_PAGES)
    h = harness(server)
    paginator = h.client.paginate(
        "post",
        "/conversations/search",
        page_type=ContactList,
        item_type=Contact,
        cursor="body",
        body={"query": {"field": "open", "value": True}},
    )
    h.collect(paginator)
    assert json.loads(server.requests[1].content) == {
        "query": {"field": "open", "value": True},
        "pagination": {"starting_after": "c1"},
    }


def test_body_cursor_without_a_body(harness: Build) -> None:
    server = paged_server(THREE_PAGES)
    h = harness(server)
    h.collect(h.client.paginate("post", "/x", page_type=ContactList, item_type=Contact, cursor="body"))
    assert server.requests[0].content == b""
    assert json.loads(server.requests[2].content) == {"pagination": {"starting_after": "c2"}}


def test_a_repeated_cursor_stops_the_iteration(harness: Build, caplog: pytest.LogCaptureFixture) -> None:
    server = FakeServer(lambda request: json_response(200, page(["x"], "same")))
    h = harness(server)
    with caplog.at_level(logging.WARNING, logger="intercom"):
        items = h.collect(list_contacts(h))
    assert len(items) == 2
    assert len(server.requests) == 2
    assert "repeated a cursor" in caplog.text


def endless_server() -> FakeServer:
    """A server that hands out a fresh cursor with every page, for ever."""

    def answer(request: httpx.Request) -> httpx.Response:
        n = int(cursor_of(request) or 0) + 1
        return json_response(200, page([str(n)], str(n)))

    return FakeServer(answer)


def test_an_empty_page_naming_a_next_cursor_stops_the_walk(harness: Build, caplog: pytest.LogCaptureFixture) -> None:
    pages = {None: page(["1"], "a"), "a": page([], "b"), "b": page(["never"], None)}
    server = paged_server(pages)
    h = harness(server)
    with caplog.at_level(logging.WARNING, logger="intercom"):
        assert [c.id for c in h.collect(list_contacts(h))] == ["1"]
    assert len(server.requests) == 2
    assert "page 2 has no items but names a next cursor" in caplog.text


@pytest.mark.parametrize(("where", "limit"), [("client", 3), ("request", 5)])
def test_max_pages_bounds_a_walk_that_would_never_end(
    harness: Build, caplog: pytest.LogCaptureFixture, where: str, limit: int
) -> None:
    server = endless_server()
    h = harness(server, max_pages=limit) if where == "client" else harness(server)
    kwargs: dict[str, Any] = {} if where == "client" else {"options": {"max_pages": limit}}
    with caplog.at_level(logging.WARNING, logger="intercom"):
        items = h.collect(list_contacts(h, **kwargs))
    assert [c.id for c in items] == [str(n) for n in range(1, limit + 1)]
    assert len(server.requests) == limit
    assert f"max_pages ({limit}) pages were fetched" in caplog.text


def test_the_default_bound_and_none_lifting_it(harness: Build) -> None:
    assert harness(endless_server()).client.max_pages == DEFAULT_MAX_PAGES == 10_000
    pages = {None: page(["0"], "1"), **{str(n): page([str(n)], str(n + 1) if n < 12 else None) for n in range(1, 13)}}
    h = harness(paged_server(pages), max_pages=None)
    assert h.client.max_pages is None
    assert len(h.collect(list_contacts(h))) == 13


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "3"])
def test_max_pages_must_be_a_positive_whole_number(harness: Build, bad: object) -> None:
    with pytest.raises(ValueError, match="max_pages must be a whole number at least 1"):
        harness(endless_server(), max_pages=bad)


def test_a_cycle_of_cursors_stops_too(harness: Build) -> None:
    pages = {None: page(["1"], "a"), "a": page(["2"], "b"), "b": page(["3"], "a")}
    server = paged_server(pages)
    h = harness(server)
    assert [c.id for c in h.collect(list_contacts(h))] == ["1", "2", "3"]
    assert len(server.requests) == 3


@pytest.mark.parametrize(
    "payload",
    [
        {"data": [{"id": "1"}]},
        {"data": [{"id": "1"}], "pages": None},
        {"data": [{"id": "1"}], "pages": {"type": "pages"}},
        {"data": [{"id": "1"}], "pages": {"next": None}},
        {"data": [{"id": "1"}], "pages": {"next": {"starting_after": None}}},
        {"data": [{"id": "1"}], "pages": {"next": {"starting_after": ""}}},
        {"data": [{"id": "1"}], "pages": {"next": "https://api.intercom.io/contacts?page=2"}},
    ],
)
def test_no_cursor_means_one_page(harness: Build, payload: dict[str, Any]) -> None:
    server = FakeServer(json_response(200, payload))
    h = harness(server)
    assert [c.id for c in h.collect(list_contacts(h))] == ["1"]
    assert len(server.requests) == 1


def test_missing_items_count_as_none(harness: Build) -> None:
    h = harness(FakeServer(json_response(200, {"type": "list", "data": None})))
    assert h.collect(list_contacts(h)) == []


def test_custom_items_field(harness: Build) -> None:
    h = harness(FakeServer(json_response(200, {"conversations": [{"id": "c"}]})))
    assert h.collect(list_contacts(h, items_field="conversations")) == [{"id": "c"}]


def test_an_error_on_a_later_page_propagates(harness: Build) -> None:
    server = FakeServer(json_response(200, page(["1"], "c1")), error_response(404, "not_found", "Gone"))
    h = harness(server)
    with pytest.raises(NotFoundError):
        h.collect(list_contacts(h))


def test_raw_pagination_returns_the_first_response_around_the_paginator(harness: Build) -> None:
    server = paged_server(THREE_PAGES)
    h = harness(server)
    response = resolve(raw_resource(h).list_contacts(per_page=2))
    assert isinstance(response, APIResponse)
    assert response.status_code == 200
    assert isinstance(response.parsed, SyncPaginator | AsyncPaginator)
    assert len(server.requests) == 1
    assert [c.id for c in h.collect(response.parsed)] == ["1", "2", "3", "4", "5"]
    assert len(server.requests) == 3


def test_awaiting_an_async_paginator_fetches_the_first_page() -> None:
    server = paged_server(THREE_PAGES)
    h = Harness("async", server)
    paginator = list_contacts(h)
    assert resolve(paginator) is paginator
    assert len(server.requests) == 1
    assert len(h.collect(paginator)) == 5


def test_unknown_cursor_location_is_rejected(harness: Build) -> None:
    h = harness(FakeServer())
    with pytest.raises(ValueError, match="cursor must be"):
        h.client.paginate("get", "/x", page_type=ContactList, item_type=Contact, cursor="header")  # type: ignore[arg-type]


def test_body_cursor_needs_an_object_body() -> None:
    first = APIRequest("post", "/x", ContactList, body=[1, 2])
    pages = PageRequest.create(first, cursor="body", items_field="data")
    with pytest.raises(TypeError, match="JSON object"):
        pages.page("c")


def test_next_cursor_reads_models_and_dicts() -> None:
    assert next_cursor({"pages": {"next": {"starting_after": "abc"}}}) == "abc"
    assert next_cursor(TypedContactList.model_validate(page([], "xyz"))) == "xyz"
    assert next_cursor(ContactList.model_validate(page([], "dict-in-extra"))) == "dict-in-extra"
    assert next_cursor(None) is None
    assert next_cursor({"pages": {"next": {"starting_after": 5}}}) is None
