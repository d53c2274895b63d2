"""A generated client (generated/v2_13) against a real local server that answers slowly: the
``deadline`` bounds the whole call, where ``timeout`` only bounds each single wait."""

from __future__ import annotations

import asyncio
import json
import time
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import CONTACT, TOKEN, Server, client
from slow_server import Connection, LocalServer, head

BODY = json.dumps({"type": "contact", "id": "1", "name": "slow"}).encode()  # 41 bytes: 12 s at 0.3 s each


def drip(connection: Connection) -> None:
    """Headers at once, then the body one byte every 0.3 seconds."""
    if connection.send(head(length=len(BODY))):
        connection.drip(BODY, 0.3)


def silent(connection: Connection) -> None:
    """Accept the request and never answer."""
    connection.stop.wait(30)


def _sync(pkg: ModuleType, url: str, **options: Any) -> Any:
    http = httpx.Client(trust_env=False)  # straight to 127.0.0.1, whatever proxies the environment names
    return pkg.Intercom(token=TOKEN, base_url=url, http_client=http, **options)


def _async(pkg: ModuleType, url: str, **options: Any) -> Any:
    http = httpx.AsyncClient(trust_env=False)
    return pkg.AsyncIntercom(token=TOKEN, base_url=url, http_client=http, **options)


@pytest.mark.parametrize("where", ["client", "request"])
def test_a_one_second_deadline_stops_a_slow_drip(pkg: ModuleType, waits: list[float], where: str) -> None:
    client_options: dict[str, Any] = {"timeout": 1.0}
    request_options: dict[str, Any] = {}
    (client_options if where == "client" else request_options)["deadline"] = 1.0
    with LocalServer(drip) as server, _sync(pkg, server.url, **client_options) as api:
        started = time.monotonic()
        with pytest.raises(pkg.APITimeoutError) as caught:
            api.contacts.show_contact("1", request_options=request_options)
        took = time.monotonic() - started
    assert took < 6  # the drip alone would take 12 seconds
    assert "deadline of 1 seconds" in str(caught.value)
    assert "request_options={'deadline': ...}" in str(caught.value)


def test_the_async_client_keeps_the_deadline_too(pkg: ModuleType, waits: list[float]) -> None:
    async def call(url: str) -> Any:
        async with _async(pkg, url, timeout=1.0, deadline=1.0) as api:
            return await api.contacts.show_contact("1")

    with LocalServer(drip) as server:
        started = time.monotonic()
        with pytest.raises(pkg.APITimeoutError):
            asyncio.run(call(server.url))
        assert time.monotonic() - started < 6


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_server_that_never_answers_is_left_at_the_deadline_even_without_a_timeout(
    pkg: ModuleType, waits: list[float], kind: str
) -> None:
    async def call_async(url: str) -> Any:
        async with _async(pkg, url, timeout=None, deadline=1.0) as api:
            return await api.contacts.show_contact("1")

    with LocalServer(silent) as server:
        started = time.monotonic()
        with pytest.raises(pkg.APITimeoutError) as caught:
            if kind == "sync":
                with _sync(pkg, server.url, timeout=None, deadline=1.0) as api:
                    api.contacts.show_contact("1")
            else:
                asyncio.run(call_async(server.url))
        assert time.monotonic() - started < 10
    assert "deadline" in str(caught.value)
    assert waits == []  # no retry fits in the time left


def test_a_fast_answer_is_untouched_by_the_deadline(pkg: ModuleType) -> None:
    def quick(connection: Connection) -> None:
        connection.send(head(length=len(BODY)) + BODY)

    with LocalServer(quick) as server, _sync(pkg, server.url, deadline=30) as api:
        assert api.contacts.show_contact("1").name == "slow"


def test_a_wait_that_would_end_after_the_deadline_is_not_started(pkg: ModuleType, waits: list[float]) -> None:
    def script() -> Server:
        return Server(httpx.Response(429, headers={"Retry-After": "30"}), httpx.Response(200, json=CONTACT))

    server = script()
    with pytest.raises(pkg.RateLimitError) as caught:
        client(pkg, server, deadline=5).contacts.show_contact("1")
    assert waits == []
    assert len(server.requests) == 1
    assert caught.value.retry_after == 30.0
    assert client(pkg, script(), deadline=60).contacts.show_contact("1").id == "1"  # 30 s fit into 60
    assert waits == [30.0]


def test_no_deadline_at_all_is_allowed(pkg: ModuleType, waits: list[float]) -> None:
    server = Server(httpx.Response(429, headers={"Retry-After": "3000"}), httpx.Response(200, json=CONTACT))
    api = client(pkg, server, deadline=None, max_retry_wait=3000)
    assert api.contacts.show_contact("1").id == "1"
    assert waits == [3000.0]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0, "10"])
def test_an_unusable_deadline_is_refused(pkg: ModuleType, bad: Any) -> None:
    with pytest.raises(ValueError, match="deadline"):
        client(pkg, Server(httpx.Response(200, json=CONTACT)), deadline=bad)
    with pytest.raises(ValueError, match="deadline"):
        client(pkg, Server(httpx.Response(200, json=CONTACT))).contacts.show_contact(
            "1", request_options={"deadline": bad}
        )
