"""A generated client (generated/v2_13) meets whatever a server sends, end to end.

Every test goes through the generated package: ``Intercom(...).contacts.show_contact(...)`` over
an ``httpx.MockTransport``. Waits between retries are recorded, never slept.
"""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import CONTACT, Server, async_client, client, ok
from hypothesis import HealthCheck, given, settings, strategies as st

pytestmark = pytest.mark.usefixtures("no_stray_sleep")


# --- path parameters cannot reach another path or add a query -------------------------------

HOSTILE_IDS = ["../admins", "a/b?c=d", "..", ".", "%2e%2e", "a#fragment", "x y", "ü/..", "a;b=c", "\r\nHost: evil", "?"]


def _only_segment(request: httpx.Request, prefix: bytes) -> str:
    raw = request.url.raw_path
    assert raw.startswith(prefix), raw
    segment = raw[len(prefix) :]
    assert b"/" not in segment and b"?" not in segment and b"#" not in segment, raw
    assert request.url.query == b""
    assert request.url.host == "api.test"
    return urllib.parse.unquote(segment.decode("ascii"))


@pytest.mark.parametrize("contact_id", HOSTILE_IDS)
def test_path_parameters_stay_in_their_segment(pkg: ModuleType, contact_id: str) -> None:
    server = Server(ok())
    client(pkg, server).contacts.show_contact(contact_id)
    (request,) = server.requests
    assert _only_segment(request, b"/contacts/") == contact_id


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(contact_id=st.text(min_size=1, max_size=40))
def test_any_text_as_a_path_parameter_stays_in_its_segment(pkg: ModuleType, contact_id: str) -> None:
    server = Server(ok())
    client(pkg, server).contacts.show_contact(contact_id)
    (request,) = server.requests
    assert _only_segment(request, b"/contacts/") == contact_id


def test_two_path_parameters_are_each_encoded(pkg: ModuleType) -> None:
    server = Server(ok({"type": "tag", "id": "t"}))
    client(pkg, server).tags.detach_tag_from_contact("../../admins", "x?y=z")
    (request,) = server.requests
    assert request.url.raw_path == b"/contacts/..%2F..%2Fadmins/tags/x%3Fy%3Dz"
    assert request.url.query == b""


def test_an_empty_path_parameter_is_refused_before_sending(pkg: ModuleType) -> None:
    server = Server(ok())
    with pytest.raises(ValueError, match="must not be empty"):
        client(pkg, server).contacts.show_contact("")
    assert server.requests == []


# --- responses that are not what the spec promised --------------------------------------------

BAD_SUCCESS_BODIES: dict[str, Callable[[], httpx.Response]] = {
    "html page": lambda: httpx.Response(
        200, text="<html><body>Login</body></html>", headers={"Content-Type": "text/html"}
    ),
    "truncated json": lambda: httpx.Response(
        200, content=b'{"type": "contact", "id": "1", "ro', headers={"Content-Type": "application/json"}
    ),
    "json with a wrong content type": lambda: httpx.Response(
        200, text=json.dumps(CONTACT), headers={"Content-Type": "text/plain"}
    ),
    "a list instead of an object": lambda: ok([1, 2, 3]),
    "a number instead of an object": lambda: ok(42),
    "an object where a string belongs": lambda: ok({"type": "contact", "id": {"nested": True}}),
    "empty body": lambda: httpx.Response(200, content=b"", headers={"Content-Type": "application/json"}),
    "binary garbage": lambda: httpx.Response(
        200, content=bytes(range(256)), headers={"Content-Type": "application/json"}
    ),
    "nan in json": lambda: httpx.Response(200, content=b'{"id": NaN', headers={"Content-Type": "application/json"}),
}


# JSON of the wrong shape is drift: the default client returns what fits (see test_runtime_drift.py)
DRIFTING_BODIES = {"a list instead of an object", "a number instead of an object", "an object where a string belongs"}
DRIFTING_BODIES |= {"empty body"}


@pytest.mark.parametrize("name", sorted(DRIFTING_BODIES))
def test_json_of_the_wrong_shape_returns_what_fits_and_records_drift(pkg: ModuleType, name: str) -> None:
    drift: list[Any] = []
    contact = client(pkg, Server(BAD_SUCCESS_BODIES[name]()), on_drift=drift.append).contacts.show_contact("1")
    assert isinstance(contact, pkg.models.ShowContactResponse)
    assert [d for d in drift if d.kind == "invalid"], drift


@pytest.mark.parametrize("name", sorted(BAD_SUCCESS_BODIES))
def test_a_bad_success_body_raises_a_typed_error_with_status_and_body(pkg: ModuleType, name: str) -> None:
    """Every bad body raises in strict mode; a body that is not JSON at all raises in every mode."""
    response = BAD_SUCCESS_BODIES[name]()
    strict = name in DRIFTING_BODIES
    with pytest.raises(pkg.ResponseValidationError) as caught:
        client(pkg, Server(response), strict=strict).contacts.show_contact("1")
    error = caught.value
    assert isinstance(error, pkg.APIError)
    assert error.status_code == 200
    assert error.raw_body == response.text
    assert str(error).startswith("200 response could not be parsed as ShowContactResponse: ")
    assert error.reason in str(error)


@pytest.mark.parametrize("name", ["html page", "truncated json", "a list instead of an object"])
def test_the_async_client_raises_the_same_typed_error(pkg: ModuleType, name: str) -> None:
    response = BAD_SUCCESS_BODIES[name]()

    async def call() -> None:
        async with async_client(pkg, Server(response), strict=name in DRIFTING_BODIES) as api:
            await api.contacts.show_contact("1")

    with pytest.raises(pkg.ResponseValidationError) as caught:
        asyncio.run(call())
    assert caught.value.status_code == 200
    assert caught.value.raw_body == response.text


BAD_ERROR_BODIES = [
    (404, b"<html>Not Found</html>", "text/html", "NotFoundError"),
    (404, b'{"type": "error.list", "errors": [{"code": "not_found"', "application/json", "NotFoundError"),
    (401, b"", "application/json", "AuthenticationError"),
    (422, b"[1, 2]", "application/json", "UnprocessableEntityError"),
    (500, b"\xff\xfe garbage", "application/octet-stream", "InternalServerError"),
    (418, b"I'm a teapot", "text/plain", "APIStatusError"),
]


@pytest.mark.parametrize(("status", "content", "content_type", "error_class"), BAD_ERROR_BODIES)
def test_an_error_status_with_any_body_raises_its_typed_error(
    pkg: ModuleType, status: int, content: bytes, content_type: str, error_class: str
) -> None:
    response = httpx.Response(status, content=content, headers={"Content-Type": content_type})
    with pytest.raises(pkg.APIStatusError) as caught:
        client(pkg, Server(response), max_retries=0).contacts.show_contact("1")
    error = caught.value
    assert type(error).__name__ == error_class
    assert error.status_code == status
    assert error.raw_body == response.text
    assert error.body is None  # not an Intercom error body: nothing invented
    assert str(error).startswith(str(status))


def test_an_intercom_error_body_is_parsed(pkg: ModuleType) -> None:
    body = {"type": "error.list", "request_id": "r1", "errors": [{"code": "not_found", "message": "Gone"}]}
    with pytest.raises(pkg.NotFoundError) as caught:
        client(pkg, Server(httpx.Response(404, json=body))).contacts.show_contact("1")
    assert caught.value.body.errors[0].code == "not_found"
    assert caught.value.request_id == "r1"
    assert "not_found: Gone" in str(caught.value)


# --- rate limits and retries ---------------------------------------------------------------


def test_429_waits_for_retry_after(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.Response(429, headers={"Retry-After": "3"}), ok())
    contact = client(pkg, server).contacts.show_contact("1")
    assert contact.id == "1"
    assert waits == [3.0]
    assert len(server.requests) == 2


def test_429_waits_until_the_rate_limit_resets(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.Response(429, headers={"X-RateLimit-Reset": str(1_700_000_000 + 7)}), ok())
    client(pkg, server).contacts.create_contact({"email": "a@example.com"})  # 429 is retried even for POST
    assert waits == [7.0]
    assert [r.method for r in server.requests] == ["POST", "POST"]


def test_a_long_retry_after_is_capped(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.Response(429, headers={"Retry-After": "86400"}), ok())
    client(pkg, server, max_retry_wait=10).contacts.show_contact("1")
    assert waits == [10.0]


@pytest.mark.parametrize(("max_retries", "max_wait"), [(0, 5.0), (1, 5.0), (4, 2.5)])
def test_attempts_and_total_wait_are_bounded_and_configurable(
    pkg: ModuleType, waits: list[float], max_retries: int, max_wait: float
) -> None:
    server = Server(httpx.Response(429, headers={"Retry-After": "3600"}))
    options = {"max_retries": max_retries, "max_retry_wait": max_wait}
    with pytest.raises(pkg.RateLimitError) as caught:
        client(pkg, server).contacts.show_contact("1", request_options=options)
    assert len(server.requests) == max_retries + 1
    assert waits == [max_wait] * max_retries
    assert sum(waits) <= max_retries * max_wait
    assert caught.value.retry_after == 3600.0


def test_client_wide_retry_settings_apply(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.Response(503))
    with pytest.raises(pkg.InternalServerError):
        client(pkg, server, max_retries=3, max_retry_wait=1.0).contacts.show_contact("1")
    assert len(server.requests) == 4
    assert waits == [0.25, 0.5, 1.0]  # backoff with the jitter fixed at one half, capped at 1 second


@pytest.mark.parametrize(
    ("call", "method"),
    [
        (lambda api: api.contacts.show_contact("1"), "GET"),
        (lambda api: api.contacts.update_contact("1", {"name": "x"}), "PUT"),
        (lambda api: api.contacts.delete_contact("1"), "DELETE"),
    ],
)
def test_5xx_is_retried_when_the_request_is_safe_to_repeat(
    pkg: ModuleType, waits: list[float], call: Callable[[Any], Any], method: str
) -> None:
    server = Server(httpx.Response(502), httpx.Response(500), ok({"id": "1", "type": "contact", "deleted": True}))
    call(client(pkg, server))
    assert [r.method for r in server.requests] == [method] * 3


def test_5xx_is_not_retried_for_a_post(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.Response(500, text="oops"), ok())
    with pytest.raises(pkg.InternalServerError) as caught:
        client(pkg, server).contacts.create_contact({"email": "a@example.com"})
    assert len(server.requests) == 1
    assert waits == []
    assert caught.value.raw_body == "oops"


def test_a_post_is_retried_on_5xx_only_when_the_caller_says_so(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.Response(500), ok())
    options = {"retry_non_idempotent": True}
    client(pkg, server).contacts.create_contact({"email": "a@example.com"}, request_options=options)
    assert len(server.requests) == 2


# --- timeouts and dropped connections --------------------------------------------------------

NETWORK_FAILURES = [
    (httpx.ReadTimeout("timed out"), "APITimeoutError"),
    (httpx.ConnectTimeout("timed out"), "APITimeoutError"),
    (httpx.ConnectError("Connection refused"), "APIConnectionError"),
    (httpx.RemoteProtocolError("peer closed connection without sending complete message body"), "APIConnectionError"),
    (httpx.ReadError("connection reset by peer"), "APIConnectionError"),
]


@pytest.mark.parametrize(("failure", "error_class"), NETWORK_FAILURES, ids=lambda v: type(v).__name__)
def test_network_failures_raise_the_documented_errors(
    pkg: ModuleType, waits: list[float], failure: Exception, error_class: str
) -> None:
    server = Server(failure)
    with pytest.raises(pkg.APIConnectionError) as caught:
        client(pkg, server, max_retries=2).contacts.show_contact("1")
    assert type(caught.value).__name__ == error_class
    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert len(server.requests) == 3  # a GET is safe to repeat


def test_a_dropped_connection_after_sending_a_post_is_not_repeated(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.RemoteProtocolError("peer closed connection"), ok())
    with pytest.raises(pkg.APIConnectionError):
        client(pkg, server).contacts.create_contact({"email": "a@example.com"})
    assert len(server.requests) == 1


def test_a_post_that_never_connected_is_retried(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.ConnectError("Connection refused"), ok())
    client(pkg, server).contacts.create_contact({"email": "a@example.com"})
    assert len(server.requests) == 2


def test_the_timeout_option_reaches_the_transport(pkg: ModuleType) -> None:
    server = Server(ok())
    client(pkg, server).contacts.show_contact("1", request_options={"timeout": 1.5})
    assert server.requests[0].extensions["timeout"] == {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}
