"""Raw responses: ``APIResponse`` and the ``to_raw_response`` wrappers used by generated code."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from runtime_support import (
    NOW,
    Contact,
    ContactsResource,
    FakeServer,
    Harness,
    error_response,
    json_response,
    raw_resource,
    resolve,
)

from generator.runtime import APIResponse, NotFoundError, RateLimit, RequestOptions, to_raw_response

Build = Callable[..., Harness]
RATE_HEADERS = {
    "X-Request-Id": "req-42",
    "X-RateLimit-Limit": "1000",
    "X-RateLimit-Remaining": "998",
    "X-RateLimit-Reset": str(int(NOW) + 10),
}


def show(harness: Build, reply: httpx.Response, **kwargs: Any) -> Any:
    return resolve(raw_resource(harness(FakeServer(reply))).show_contact("1", **kwargs))


def test_raw_response_exposes_status_headers_and_parsed_value(harness: Build) -> None:
    response = show(harness, json_response(200, {"id": "1", "name": "Ada"}, headers=RATE_HEADERS))
    assert isinstance(response, APIResponse)
    assert response.parsed == Contact(id="1", name="Ada")
    assert response.status_code == 200
    assert isinstance(response.headers, httpx.Headers)
    assert response.headers["x-ratelimit-limit"] == "1000"
    assert response.request_id == "req-42"
    assert response.rate_limit == RateLimit(limit=1000, remaining=998, reset=int(NOW) + 10)
    assert isinstance(response.http_response, httpx.Response)
    assert response.http_response.json() == {"id": "1", "name": "Ada"}
    assert isinstance(response.elapsed, datetime.timedelta)
    assert response.elapsed >= datetime.timedelta(0)
    assert response.retries_taken == 0
    assert repr(response) == "<APIResponse [200] Contact>"


def test_missing_or_unreadable_rate_limit_headers(harness: Build) -> None:
    response = show(harness, json_response(200, {"id": "1"}, headers={"X-RateLimit-Limit": "lots"}))
    assert response.rate_limit == RateLimit(limit=None, remaining=None, reset=None)


def test_request_id_falls_back_to_the_body(harness: Build) -> None:
    response = show(harness, json_response(200, {"id": "1", "request_id": "body-id"}))
    assert response.request_id == "body-id"
    assert show(harness, json_response(200, {"id": "1"})).request_id is None


def test_the_callers_options_are_kept_and_not_modified(harness: Build) -> None:
    server = FakeServer(json_response(200, {"id": "1"}))
    options: RequestOptions = {"extra_headers": {"X-Trace": "t1"}}
    response = resolve(raw_resource(harness(server)).show_contact("1", request_options=options))
    assert isinstance(response, APIResponse)
    assert server.last.headers["X-Trace"] == "t1"
    assert options == {"extra_headers": {"X-Trace": "t1"}}


def test_errors_still_raise_through_the_wrapper(harness: Build) -> None:
    with pytest.raises(NotFoundError):
        show(harness, error_response(404, "not_found", "Contact Not Found"))


def test_the_wrapper_keeps_the_method_name() -> None:
    resource = ContactsResource(None)  # type: ignore[arg-type]
    assert to_raw_response(resource.show_contact).__name__ == "show_contact"


def test_with_parsed_swaps_the_value(harness: Build) -> None:
    response = show(harness, json_response(200, {"id": "1"}))
    other = response.with_parsed("other")
    assert other.parsed == "other"
    assert other.http_response is response.http_response
