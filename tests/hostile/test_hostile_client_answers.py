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
