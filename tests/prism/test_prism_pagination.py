"""``iter_<method>`` of every paginated operation, walked against Prism (sync and async).

Prism answers every page with the spec's example. When that example carries a next cursor
(``pages.next.starting_after``) the paginator asks for the next page with it, gets the same
cursor back and stops, as it must for a repeated cursor: two pages. Without a cursor it stops
after the first page. Every request, the follow-up ones included, must be accepted by Prism.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

import pytest
from operation_calls import build_call
from prism_calls import Wire, async_client, sync_client
from prism_ledger import prism_rejection
from prism_server import PrismPool

from generator.ir.model import Operation
from generator.runtime._pagination import next_cursor, page_items
from tests.support import CLIENT_PACKAGES, annotation_type, api_for, example_misfit, method_of

# (package, "METHOD path") -> why the operation is not walked here (see test_prism_operations.py)
NOT_WALKED: dict[tuple[str, str], str] = {}


def _paginated() -> list[Any]:
    return [
        pytest.param(package, op.key, id=f"{package}-{op.key}")
        for package in CLIENT_PACKAGES
        for op in api_for(package).operations
        if op.pagination is not None
    ]


def _operation(package: str, key: str) -> Operation:
    method, path = key.split(" ", 1)
    return api_for(package).operation(method, path)


def _options(package: str, op: Operation, call: Any) -> dict[str, Any]:
    """The call's options; tolerant parsing where the spec's own example does not fit its schema."""
    return call.options(strict=False) if example_misfit(package, op) else call.options()


def _iterator(client: Any, op: Operation) -> Any:
    method = method_of(client, op)
    return getattr(method.__self__, f"iter_{op.py_name}")


def _check_pages(package: str, op: Operation, pages: list[Any], items: list[Any], seen: list[Any]) -> None:
    assert op.pagination is not None
    cursor = next_cursor(pages[0])
    assert len(pages) == (2 if cursor else 1)
    assert len(seen) == len(pages), "each page is one request (the first page is fetched once)"
    for response in seen:
        assert response.is_success and prism_rejection(response) is None, prism_rejection(response)
    if cursor:
        follow_up = seen[1].request
        if op.pagination.cursor == "query":
            assert urllib.parse.parse_qs(follow_up.url.query.decode())["starting_after"] == [cursor]
        else:
            assert b'"starting_after":"' + cursor.encode() + b'"' in follow_up.content
    expected = [item for page in pages for item in page_items(page, op.pagination.items_field)]
    assert len(items) == len(expected)
    if op.pagination.item_annotation != "Any":
        item_type = annotation_type(package, op.pagination.item_annotation)
        assert all(isinstance(item, item_type) for item in items)


@pytest.mark.parametrize(("package", "key"), _paginated())
def test_sync_iteration_against_prism(prism: PrismPool, wire: Wire, package: str, key: str) -> None:
    op = _operation(package, key)
    call = build_call(package, api_for(package), op)
    iterate = _iterator(sync_client(wire, package, prism.url(package)), op)
    wire.take()
    paginator = iterate(*call.args, **call.kwargs, request_options=_options(package, op, call))
    pages = list(paginator.pages())
    seen = wire.take()
    items = list(paginator)  # the first page is kept; later pages are fetched again
    wire.take()
    _check_pages(package, op, pages, items, seen)


@pytest.mark.parametrize(("package", "key"), _paginated())
def test_async_iteration_against_prism(prism: PrismPool, wire: Wire, package: str, key: str) -> None:
    op = _operation(package, key)
    call = build_call(package, api_for(package), op)
    iterate = _iterator(async_client(wire, package, prism.url(package)), op)

    async def walk() -> tuple[list[Any], list[Any], list[Any]]:
        wire.take()
        paginator = iterate(*call.args, **call.kwargs, request_options=_options(package, op, call))
        pages = [page async for page in paginator.pages()]
        seen = wire.take()
        items = [item async for item in paginator]
        wire.take()
        return pages, items, seen

    pages, items, seen = wire.run(walk())
    _check_pages(package, op, pages, items, seen)


def test_some_examples_carry_a_cursor_so_follow_up_pages_are_requested() -> None:
    with_cursor = []
    for param in _paginated():
        package, key = param.values
        op = _operation(package, key)
        response = next(r for r in op.responses if r.status == op.result.status)
        if any(next_cursor(example) for example in response.examples.values()):
            with_cursor.append((package, key))
    assert ("unstable", "GET /macros") in with_cursor
    assert len(with_cursor) >= 4, with_cursor
