"""A generated client (generated/v2_13) meets answers built to break it: absurd rate-limit headers,
bodies nested thousands deep, error lists sent with a 200.

Waits between retries are recorded, never slept.
"""

from __future__ import annotations

import asyncio
import math
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import Server, async_client, client, ok

pytestmark = pytest.mark.usefixtures("no_stray_sleep")

# --- rate-limit headers that are not numbers a clock can use ---------------------------------

ABSURD_WAITS = ["nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e400", "-1e400", "1e308", "-5", "", "soon", "0x10"]
ABSURD_WAITS += ["9" * 5000, "Wed, 21 Oct 99999 07:28:00 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "\u0663"]
WAIT_HEADERS = ["Retry-After", "X-RateLimit-Reset"]


def _sane(waits: list[float], max_wait: float) -> None:
    assert waits, "the 429 was retried"
    for wait in waits:
        assert isinstance(wait, float)
        assert math.isfinite(wait)
        assert 0.0 <= wait <= max_wait


@pytest.mark.parametrize("header", WAIT_HEADERS)
@pytest.mark.parametrize("value", ABSURD_WAITS)
def test_any_rate_limit_header_gives_a_bounded_wait(
    pkg: ModuleType, waits: list[float], header: str, value: str
) -> None:
    server = Server(httpx.Response(429, headers={header: value.encode()}), ok())  # bytes: any octets
    contact = client(pkg, server, max_retry_wait=30).contacts.show_contact("1")
    assert contact.id == "1"
    _sane(waits, 30.0)


@pytest.mark.parametrize("header", WAIT_HEADERS)
@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "-3", "garbage"])
def test_the_async_client_waits_sanely_too(pkg: ModuleType, waits: list[float], header: str, value: str) -> None:
    async def call() -> Any:
        server = Server(httpx.Response(429, headers={header: value}), ok())
        async with async_client(pkg, server, max_retry_wait=30) as api:
            return await api.contacts.show_contact("1")

    assert asyncio.run(call()).id == "1"
    _sane(waits, 30.0)


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "garbage"])
def test_retry_after_on_the_error_is_a_finite_number_or_none(pkg: ModuleType, waits: list[float], value: str) -> None:
    server = Server(httpx.Response(429, headers={"Retry-After": value, "X-RateLimit-Reset": value}))
    with pytest.raises(pkg.RateLimitError) as caught:
        client(pkg, server, max_retries=1).contacts.show_contact("1")
    retry_after = caught.value.retry_after
    assert retry_after is None or math.isfinite(retry_after)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0])
def test_an_unusable_max_retry_wait_is_refused(pkg: ModuleType, bad: float) -> None:
    with pytest.raises(ValueError, match="max_retry_wait"):
        client(pkg, Server(ok()), max_retry_wait=bad)
    with pytest.raises(ValueError, match="max_retry_wait"):
        client(pkg, Server(ok())).contacts.show_contact("1", request_options={"max_retry_wait": bad})


# --- bodies nested thousands deep ------------------------------------------------------------

DEPTH = 2000  # a 4 KB body; Python's json module gives up near 1000


def _deep_bodies() -> dict[str, bytes]:
    return {
        "arrays": b"[" * DEPTH + b"]" * DEPTH,
        "objects": b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
        "inside an error list": b'{"type":"error.list","errors":' + b"[" * DEPTH + b"]" * DEPTH + b"}",
        "inside a contact": b'{"type":"contact","id":"1","custom_attributes":'
        + b'{"a":' * DEPTH
        + b"1"
        + b"}" * DEPTH
        + b"}",
    }


DEEP = _deep_bodies()


def _json(status: int, content: bytes) -> httpx.Response:
    return httpx.Response(status, content=content, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
@pytest.mark.parametrize("name", sorted(DEEP))
def test_a_deeply_nested_success_body_is_a_typed_error_or_a_value(pkg: ModuleType, name: str, strict: bool) -> None:
    try:
        value = client(pkg, Server(_json(200, DEEP[name])), strict=strict).contacts.show_contact("1")
    except pkg.APIError as error:  # a typed error (ResponseValidationError, or the error list's)
        assert error.message
    else:
        assert isinstance(value, pkg.models.ShowContactResponse)


@pytest.mark.parametrize("name", sorted(DEEP))
@pytest.mark.parametrize(
    ("status", "error_class"), [(400, "BadRequestError"), (404, "NotFoundError"), (500, "InternalServerError")]
)
def test_a_deeply_nested_error_body_raises_the_status_error(
    pkg: ModuleType, waits: list[float], name: str, status: int, error_class: str
) -> None:
    with pytest.raises(pkg.APIStatusError) as caught:
        client(pkg, Server(_json(status, DEEP[name])), max_retries=0).contacts.show_contact("1")
    assert type(caught.value).__name__ == error_class
    assert caught.value.status_code == status
    assert caught.value.raw_body == DEEP[name].decode()


@pytest.mark.parametrize("status", [200, 404, 429])
def test_the_async_client_maps_deep_bodies_too(pkg: ModuleType, waits: list[float], status: int) -> None:
    async def call() -> Any:
        async with async_client(pkg, Server(_json(status, DEEP["arrays"])), max_retries=0) as api:
            return await api.contacts.show_contact("1")

    with pytest.raises(pkg.APIError):
        asyncio.run(call())


def test_a_deep_body_without_a_request_id_header_has_no_request_id(pkg: ModuleType) -> None:
    server = Server(httpx.Response(200, content=DEEP["objects"], headers={"Content-Type": "application/octet-stream"}))
    raw = client(pkg, server).data_export.with_raw_response.download_data_export("job")
    assert raw.parsed == DEEP["objects"]
    assert raw.request_id is None


# --- an error list sent with a success status ------------------------------------------------

ERROR_LISTS = [
    ("not_found", "NotFoundError"),
    ("company_not_found", "NotFoundError"),
    ("unauthorized", "AuthenticationError"),
    ("api_plan_restricted", "PermissionDeniedError"),
    ("parameter_invalid", "BadRequestError"),
    ("rate_limit_exceeded", "RateLimitError"),
    ("server_error", "InternalServerError"),
    ("something_new", "APIStatusError"),
]


def _error_list(code: str | None, status: int = 200) -> httpx.Response:
    errors = [] if code is None else [{"code": code, "message": "Described as an error"}]
    return httpx.Response(status, json={"type": "error.list", "request_id": "req-7", "errors": errors})


@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
@pytest.mark.parametrize(("code", "error_class"), ERROR_LISTS)
def test_a_200_error_list_raises_the_error_it_describes(
    pkg: ModuleType, code: str, error_class: str, strict: bool
) -> None:
    with pytest.raises(pkg.APIStatusError) as caught:
        client(pkg, Server(_error_list(code)), strict=strict).contacts.show_contact("1")
    error = caught.value
    assert type(error).__name__ == error_class
    assert error.status_code == 200
    assert error.request_id == "req-7"
    assert error.body.errors[0].code == code
    assert f"{code}: Described as an error" in str(error)


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.contacts.show_contact("1"),  # a model
        lambda api: api.admins.list_admins(),  # a list model
        lambda api: api.data_events.create_data_event({"event_name": "e", "created_at": 1}),  # nothing expected
        lambda api: list(api.contacts.iter_list_contacts()),  # pagination
    ],
    ids=["model", "list", "no content", "pages"],
)
@pytest.mark.parametrize("status", [200, 201, 202])
def test_every_kind_of_operation_refuses_a_success_error_list(pkg: ModuleType, call: Any, status: int) -> None:
    with pytest.raises(pkg.NotFoundError):
        call(client(pkg, Server(_error_list("not_found", status))))


def test_an_empty_error_list_is_a_generic_status_error(pkg: ModuleType) -> None:
    with pytest.raises(pkg.APIStatusError) as caught:
        client(pkg, Server(_error_list(None))).contacts.show_contact("1")
    assert type(caught.value) is pkg.APIStatusError
    assert caught.value.body.errors == []


def test_the_async_client_refuses_a_success_error_list(pkg: ModuleType) -> None:
    async def call() -> Any:
        async with async_client(pkg, Server(_error_list("unauthorized"))) as api:
            return await api.contacts.show_contact("1")

    with pytest.raises(pkg.AuthenticationError):
        asyncio.run(call())
