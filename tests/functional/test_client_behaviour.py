"""Generated clients on the wire: serialisation, headers, regions, errors (sync and async)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from tests.support import CLIENT_PACKAGES, package_module

ERROR_BODY = {"type": "error.list", "request_id": "req-9", "errors": [{"code": "not_found", "message": "Nope"}]}


def _client(package: str, handler: Any, **options: Any) -> Any:
    module = package_module(package)
    transport = httpx.MockTransport(handler)
    return module.Intercom(token="tok", http_client=httpx.Client(transport=transport), max_retries=0, **options)


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_region_selects_the_spec_server(package: str) -> None:
    hosts = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return httpx.Response(200, json={"type": "admin.list", "admins": []})

    for region in ("us", "eu", "au"):
        _client(package, handler, region=region).admins.list_admins()
    assert hosts == ["api.intercom.io", "api.eu.intercom.io", "api.au.intercom.io"]


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_base_url_wins_over_region(package: str) -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"type": "admin.list", "admins": []})

    _client(package, handler, base_url="http://127.0.0.1:4010/proxy", region="eu").admins.list_admins()
    assert seen == ["http://127.0.0.1:4010/proxy/admins"]


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
    ],
)
@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_error_statuses_map_to_typed_errors(package: str, status: int, error: str) -> None:
    module = package_module(package)
    client = _client(package, lambda request: httpx.Response(status, json=ERROR_BODY))
    with pytest.raises(getattr(module, error)) as info:
        client.admins.list_admins()
    assert info.value.status_code == status
    assert info.value.request_id == "req-9"
    assert info.value.body.errors[0].code == "not_found"
    assert "tok" not in str(info.value) and "tok" not in repr(info.value)


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_connection_failures_raise_the_documented_errors(package: str) -> None:
    module = package_module(package)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(module.APIConnectionError):
        _client(package, refuse).admins.list_admins()
    with pytest.raises(module.APITimeoutError):
        _client(package, slow).admins.list_admins()


def test_query_parameters_are_serialised() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"type": "conversation.list", "conversations": []})

    _client("v2_13", handler).conversations.list_conversations(per_page=5, starting_after="WzE3MDY=")
    assert dict(seen[0].url.params) == {"per_page": "5", "starting_after": "WzE3MDY="}


def test_form_exploded_object_parameters_become_top_level_query() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"type": "event.list", "events": []})

    _client("v2_13", handler).data_events.lis_data_events(filter={"user_id": "u1"}, type="user", summary=True)
    assert dict(seen[0].url.params) == {"user_id": "u1", "type": "user", "summary": "true"}


def test_request_bodies_use_wire_names_and_send_only_what_was_set() -> None:
    module = package_module("v2_13")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        message = {"type": "user_message", "id": "1", "created_at": 1, "body": "Hello", "message_type": "email"}
        return httpx.Response(200, json=message)

    body = module.models.CreateMessageRequest(
        message_type="email",
        subject="Hi",
        body="Hello",
        template="plain",
        from_=module.models.CreateMessageRequestFrom(type="admin", id=394051),
        to=module.models.CreateMessageRequestTo(type="user", id="536e564f"),
    )
    _client("v2_13", handler).messages.create_message(body=body)
    sent = json.loads(seen[0].content)
    assert sent["from"] == {"type": "admin", "id": 394051}
    assert "from_" not in sent
    assert "created_at" not in sent, "unset optional fields are not sent"


def test_unknown_enum_values_and_fields_are_kept() -> None:
    client = _client(
        "v2_13",
        lambda request: httpx.Response(
            200, json={"type": "contact", "id": "1", "role": "robot", "brand_new": {"x": 1}}
        ),
    )
    contact = client.contacts.show_contact("1")
    assert contact.role == "robot"
    assert contact.model_extra == {"brand_new": {"x": 1}}


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_async_client_sends_the_same_request(package: str) -> None:
    module = package_module(package)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404, json=ERROR_BODY)

    async def run() -> None:
        transport = httpx.MockTransport(handler)
        async with module.AsyncIntercom(token="tok", http_client=httpx.AsyncClient(transport=transport)) as client:
            with pytest.raises(module.NotFoundError):
                await client.admins.list_admins()

    asyncio.run(run())
    assert seen[0].headers["Intercom-Version"] == module.API_VERSION
    assert seen[0].headers["Authorization"] == "Bearer tok"
