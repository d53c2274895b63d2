"""Client construction: authentication, regions, default headers, timeouts and closing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest
from runtime_support import TOKEN, AsyncClient, Client, FakeServer, Harness, json_response

from generator.runtime import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, APIStatusError, SyncAPIClient

Build = Callable[..., Harness]


def test_every_request_carries_the_standard_headers(harness: Build) -> None:
    server = FakeServer()
    harness(server).request("get", "/me", cast_to=object)
    headers = server.last.headers
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["Intercom-Version"] == "2.13"
    assert headers["Accept"] == "application/json"
    assert headers["Accept-Encoding"] == "gzip, deflate"  # what the client inflates within its limit
    assert headers["User-Agent"] == "intercom-clientgen-python/2.13"


def test_token_falls_back_to_the_environment(harness: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERCOM_ACCESS_TOKEN", "env-token")
    server = FakeServer()
    harness(server, token=None).request("get", "/me", cast_to=object)
    assert server.last.headers["Authorization"] == "Bearer env-token"


def test_without_any_token_no_authorization_header_is_sent(harness: Build) -> None:
    server = FakeServer()
    harness(server, token=None).request("get", "/me", cast_to=object)
    assert "Authorization" not in server.last.headers


@pytest.mark.parametrize(
    ("region", "host"),
    [(None, "api.intercom.io"), ("us", "api.intercom.io"), ("eu", "api.eu.intercom.io"), ("au", "api.au.intercom.io")],
)
def test_region_selects_the_server(harness: Build, region: str | None, host: str) -> None:
    server = FakeServer()
    kwargs = {} if region is None else {"region": region}
    harness(server, **kwargs).request("get", "/me", cast_to=object)
    assert server.last.url.host == host
    assert server.last.url.scheme == "https"


@pytest.mark.parametrize("client_class", [Client, AsyncClient])
def test_unknown_region_names_the_known_regions(client_class: type[Client] | type[AsyncClient]) -> None:
    with pytest.raises(ValueError, match=r"Unknown region 'mars'; known regions: au, eu, us"):
        client_class(region="mars")


def test_base_url_wins_over_region(harness: Build) -> None:
    server = FakeServer()
    client = harness(server, base_url="http://localhost:8080/proxy/", region="eu")
    client.request("get", "/contacts/{id}", cast_to=object, path_params={"id": "1"})
    assert str(server.last.url) == "http://localhost:8080/proxy/contacts/1"
    assert client.client.base_url == "http://localhost:8080/proxy"
    assert client.client.region is None


def test_base_url_is_applied_even_when_the_injected_client_has_its_own() -> None:
    server = FakeServer()
    http = httpx.Client(base_url="https://elsewhere.example", transport=httpx.MockTransport(server))
    Client(TOKEN, http_client=http).request("get", "/me", cast_to=object)
    assert str(server.last.url) == "https://api.intercom.io/me"


@pytest.mark.parametrize("bad", ["api.intercom.io", "ftp://api.intercom.io", "/relative"])
def test_base_url_must_be_absolute_http(bad: str) -> None:
    with pytest.raises(ValueError, match="absolute http"):
        Client(base_url=bad)


def test_a_subclass_without_api_version_is_rejected() -> None:
    class Incomplete(SyncAPIClient):
        servers = {"us": "https://api.intercom.io"}

    with pytest.raises(TypeError, match="api_version"):
        Incomplete()


@pytest.mark.parametrize("kwargs", [{"max_retries": -1}, {"max_retry_wait": -0.5}])
def test_negative_retry_settings_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        Client(**kwargs)  # type: ignore[arg-type]


def test_repr_hides_the_token() -> None:
    assert repr(Client(TOKEN)) == ("Client(api_version='2.13', base_url='https://api.intercom.io', token='***')")
    assert repr(AsyncClient(region="eu")) == (
        "AsyncClient(api_version='2.13', base_url='https://api.eu.intercom.io', token=None)"
    )


def test_default_timeout_is_sent_with_each_request(harness: Build) -> None:
    server = FakeServer()
    harness(server).request("get", "/me", cast_to=object)
    assert server.last.extensions["timeout"] == DEFAULT_TIMEOUT.as_dict()
    assert httpx.Timeout(60.0, connect=10.0) == DEFAULT_TIMEOUT


def test_timeout_per_client_and_per_call(harness: Build) -> None:
    server = FakeServer()
    client = harness(server, timeout=12.0)
    client.request("get", "/me", cast_to=object)
    assert server.last.extensions["timeout"] == httpx.Timeout(12.0).as_dict()
    client.request("get", "/me", cast_to=object, options={"timeout": httpx.Timeout(3.0, connect=1.0)})
    assert server.last.extensions["timeout"] == httpx.Timeout(3.0, connect=1.0).as_dict()
    client.request("get", "/me", cast_to=object, options={"timeout": None, "deadline": None})
    assert server.last.extensions["timeout"] == httpx.Timeout(None).as_dict()
    client.request("get", "/me", cast_to=object, options={"timeout": None})  # the deadline still bounds it
    assert all(0 < value <= DEFAULT_DEADLINE for value in server.last.extensions["timeout"].values())


def test_an_injected_clients_own_timeout_is_kept_unless_one_is_given() -> None:
    server = FakeServer()
    http = httpx.Client(timeout=7.0, transport=httpx.MockTransport(server))
    Client(TOKEN, http_client=http).request("get", "/me", cast_to=object)
    assert server.last.extensions["timeout"] == httpx.Timeout(7.0).as_dict()
    Client(TOKEN, http_client=http, timeout=2.0).request("get", "/me", cast_to=object)
    assert server.last.extensions["timeout"] == httpx.Timeout(2.0).as_dict()


def test_redirects_are_not_followed(harness: Build) -> None:
    server = FakeServer(httpx.Response(301, headers={"Location": "https://api.intercom.io/other"}))
    with pytest.raises(APIStatusError, match=r"^301 Moved Permanently") as caught:
        harness(server).request("get", "/me", cast_to=object)
    assert type(caught.value) is APIStatusError
    assert len(server.requests) == 1


class OwningClient(Client):
    """Creates its own httpx client, but over a mock transport."""

    def _make_http_client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(FakeServer(json_response(200, {"ok": True}))))


class OwningAsyncClient(AsyncClient):
    def _make_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(FakeServer(json_response(200, {"ok": True}))))


def test_construction_creates_no_http_client() -> None:
    assert OwningClient(TOKEN)._http is None
    assert OwningAsyncClient(TOKEN)._http is None


def test_sync_context_manager_closes_its_own_client() -> None:
    with OwningClient(TOKEN) as client:
        assert client.request("get", "/me", cast_to=dict[str, bool]) == {"ok": True}
        own = client._http
        assert own is not None
        was_open = not own.is_closed
    assert was_open
    assert own.is_closed
    with pytest.raises(RuntimeError, match="closed"):
        client.request("get", "/me", cast_to=object)


def test_sync_close_leaves_an_injected_client_open() -> None:
    http = httpx.Client(transport=httpx.MockTransport(FakeServer()))
    with Client(TOKEN, http_client=http) as client:
        client.request("get", "/me", cast_to=object)
    assert not http.is_closed
    client.close()
    assert not http.is_closed


def test_closing_an_unused_client_is_fine() -> None:
    client = OwningClient(TOKEN)
    client.close()
    assert client._http is None


def test_async_context_manager_closes_its_own_client() -> None:
    async def scenario() -> httpx.AsyncClient:
        async with OwningAsyncClient(TOKEN) as client:
            assert await client.request("get", "/me", cast_to=dict[str, bool]) == {"ok": True}
            own = client._http
            assert own is not None and not own.is_closed
        return own

    assert asyncio.run(scenario()).is_closed


def test_async_close_leaves_an_injected_client_open() -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(FakeServer()))

    async def scenario() -> None:
        async with AsyncClient(TOKEN, http_client=http) as client:
            await client.request("get", "/me", cast_to=object)
        await client.close()

    asyncio.run(scenario())
    assert not http.is_closed
