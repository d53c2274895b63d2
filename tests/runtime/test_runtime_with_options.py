"""``with_options`` (a client with some settings changed, sharing the pool) and token providers."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from runtime_support import AsyncClient, Client, FakeServer, json_response

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def echo_server() -> FakeServer:
    return FakeServer(lambda request: json_response(200, {"type": "contact", "id": "1"}))


def test_with_options_changes_only_what_it_is_given_and_shares_the_pool() -> None:
    server = echo_server()
    original = Client(token="tok-a", http_client=httpx.Client(transport=httpx.MockTransport(server)), max_retries=4)
    changed = original.with_options(max_retries=0, timeout=3.0, default_headers={"X-Team": "crm"})
    assert type(changed) is Client
    assert (changed.max_retries, changed.timeout) == (0, 3.0)
    assert (original.max_retries, original.base_url) == (4, changed.base_url)
    assert changed._get_http() is original._get_http()
    changed.request("get", "/contacts/1", cast_to=dict)
    original.request("get", "/contacts/1", cast_to=dict)
    first, second = server.requests
    assert first.headers["X-Team"] == "crm" and "X-Team" not in second.headers
    assert first.headers["Authorization"] == second.headers["Authorization"] == "Bearer tok-a"


def test_with_options_on_a_client_that_owns_its_pool_shares_it_without_owning_it() -> None:
    original = Client(token="tok-a")
    changed = original.with_options(max_retries=1)
    assert changed._get_http() is original._get_http()
    changed.close()
    assert not original._get_http().is_closed  # only the owner closes the pool
    original.close()


def test_with_options_rejects_an_unknown_setting() -> None:
    with pytest.raises(TypeError):
        Client(token="t").with_options(retries=3)


def test_a_generated_client_keeps_its_resources_and_version() -> None:
    sys.path.insert(0, str(GENERATED))
    try:
        from v2_13 import Intercom
    finally:
        sys.path.remove(str(GENERATED))
    client = Intercom(token="t", region="eu").with_options(max_retries=0)
    assert isinstance(client, Intercom) and client.api_version == "2.13"
    assert client.base_url == "https://api.eu.intercom.io" and client.contacts is not None


def rotating(*tokens: str) -> Iterator[str]:
    yield from tokens


def test_a_token_provider_is_asked_before_every_request() -> None:
    server = echo_server()
    tokens = rotating("tok-1", "tok-2")
    client = Client(token=lambda: next(tokens), http_client=httpx.Client(transport=httpx.MockTransport(server)))
    client.request("get", "/contacts/1", cast_to=dict)
    client.request("get", "/contacts/1", cast_to=dict)
    assert [r.headers["Authorization"] for r in server.requests] == ["Bearer tok-1", "Bearer tok-2"]
    assert "tok-" not in repr(client) and "'***'" in repr(client)


def test_an_async_client_takes_a_token_provider_too() -> None:
    server = echo_server()

    async def run() -> None:
        transport = httpx.MockTransport(server)
        async with AsyncClient(token=lambda: "tok-async", http_client=httpx.AsyncClient(transport=transport)) as c:
            await c.request("get", "/contacts/1", cast_to=dict)

    asyncio.run(run())
    assert server.requests[0].headers["Authorization"] == "Bearer tok-async"


@pytest.mark.parametrize("given", ["", "  ", None, "bad token"])
def test_a_provider_giving_no_usable_token_is_a_clear_error(given: object) -> None:
    client = Client(token=lambda: given, http_client=httpx.Client(transport=httpx.MockTransport(echo_server())))  # type: ignore[arg-type,return-value]
    with pytest.raises(ValueError, match="token") as info:
        client.request("get", "/contacts/1", cast_to=dict)
    assert "bad token" not in str(info.value)


def test_a_provided_token_is_scrubbed_from_errors() -> None:
    server = FakeServer(lambda request: json_response(401, {"type": "error.list", "errors": [
        {"code": "unauthorized", "message": f"bad {request.headers['Authorization']}"}]}))  # fmt: skip
    client = Client(token=lambda: "tok-rotated-XYZ", http_client=httpx.Client(transport=httpx.MockTransport(server)))
    with pytest.raises(Exception) as info:
        client.request("get", "/contacts/1", cast_to=dict)
    assert "tok-rotated-XYZ" not in str(info.value) and "tok-rotated-XYZ" not in repr(info.value.args)


def test_a_token_too_short_to_be_real_does_not_mask_every_log_line(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from generator.runtime._secrets import MIN_SECRET_LENGTH

    short, real = "t", "tok_" + "x" * MIN_SECRET_LENGTH
    clients = [Client(token=short), Client(token=real)]
    with caplog.at_level(logging.INFO, logger="intercom"):
        logging.getLogger("intercom").info("the contact list is at /contacts; token %s", real)
    (record,) = caplog.records
    assert record.getMessage() == "the contact list is at /contacts; token ***"
    assert len(clients) == 2


SCRIPT = """
import httpx
from v2_13 import Intercom
transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"type": "admin.list", "admins": []}))
Intercom(token="tok_env_log_SECRET", http_client=httpx.Client(transport=transport)).admins.list_admins()
"""


@pytest.mark.parametrize("level", ["debug", "", "info"])
def test_intercom_log_prints_requests_and_answers_without_the_token(level: str) -> None:
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(GENERATED), "INTERCOM_LOG": level}
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    if level != "debug":
        assert result.stderr == ""
        return
    assert "Sending GET https://api.intercom.io/admins" in result.stderr
    assert "Received 200 for GET /admins" in result.stderr
    assert "'intercom-version': '2.13'" in result.stderr and "Bearer ***" in result.stderr
    assert "tok_env_log_SECRET" not in result.stderr
