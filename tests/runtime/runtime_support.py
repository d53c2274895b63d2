"""Shared test doubles for the runtime tests: a tiny client, two models and a scripted fake server."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Literal

import httpx
from pydantic import BaseModel, ConfigDict, Field

from generator.runtime import (
    AsyncAPIClient,
    AsyncPaginator,
    AsyncResource,
    RequestOptions,
    SyncAPIClient,
    SyncPaginator,
    SyncResource,
    to_async_raw_response,
    to_raw_response,
)

TOKEN = "tok_SECRET_abc123"
NOW = 1_700_000_000.0

SERVERS = {
    "us": "https://api.intercom.io",
    "eu": "https://api.eu.intercom.io",
    "au": "https://api.au.intercom.io",
}


class Client(SyncAPIClient):
    api_version: ClassVar[str] = "2.13"
    servers: ClassVar[Mapping[str, str]] = SERVERS
    default_region: ClassVar[str] = "us"


class AsyncClient(AsyncAPIClient):
    api_version: ClassVar[str] = "2.13"
    servers: ClassVar[Mapping[str, str]] = SERVERS
    default_region: ClassVar[str] = "us"


class Contact(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    type: str = "contact"
    id: str
    external_id: str | None = Field(default=None, alias="externalId")
    name: str | None = None


class Admin(BaseModel):
    type: Literal["admin"]
    id: str
    email: str


class ContactList(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str = "list"
    data: list[Contact] | None = None


Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class FakeServer:
    """Answers requests from a script; the last entry repeats once the script runs out."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies) or [httpx.Response(200, json={})]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)
        return reply(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def resolve(value: Any) -> Any:
    """Run ``value`` to completion if it is awaitable; return it unchanged otherwise."""
    if inspect.isawaitable(value):
        awaitable = value

        async def wait() -> Any:
            return await awaitable

        return asyncio.run(wait())
    return value


class Harness:
    """One sync or async client over a fake server, driven through the same sync calls."""

    def __init__(self, kind: str, server: FakeServer, **client_kwargs: Any) -> None:
        self.kind = kind
        self.server = server
        client_kwargs.setdefault("token", TOKEN)
        transport = httpx.MockTransport(server)
        self.client: SyncAPIClient | AsyncAPIClient
        if kind == "sync":
            self.client = Client(http_client=httpx.Client(transport=transport), **client_kwargs)
        else:
            self.client = AsyncClient(http_client=httpx.AsyncClient(transport=transport), **client_kwargs)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        return resolve(self.client.request(method, path, **kwargs))

    def collect(self, iterable: Any) -> list[Any]:
        """All items of a sync or async iterable."""
        if self.kind == "sync":
            return list(iterable)

        async def gather() -> list[Any]:
            return [item async for item in iterable]

        gathered: list[Any] = resolve(gather())
        return gathered


def json_response(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=payload, headers=headers)


def error_response(
    status: int, code: str, message: str, request_id: str = "req-1", headers: Mapping[str, str] | None = None
) -> httpx.Response:
    body = {"type": "error.list", "request_id": request_id, "errors": [{"code": code, "message": message}]}
    return httpx.Response(status, json=body, headers=headers)


# Resources written the way the generator writes them.


class ContactsResource(SyncResource):
    def show_contact(self, contact_id: str, *, request_options: RequestOptions | None = None) -> Contact:
        return self._client.request(
            "get", "/contacts/{id}", cast_to=Contact, path_params={"id": contact_id}, options=request_options
        )

    def list_contacts(
        self, *, per_page: int | None = None, request_options: RequestOptions | None = None
    ) -> SyncPaginator[ContactList, Contact]:
        return self._client.paginate(
            "get",
            "/contacts",
            page_type=ContactList,
            item_type=Contact,
            cursor="query",
            items_field="data",
            query={"per_page": per_page},
            options=request_options,
        )


class ContactsResourceWithRawResponse:
    def __init__(self, resource: ContactsResource) -> None:
        self.show_contact = to_raw_response(resource.show_contact)
        self.list_contacts = to_raw_response(resource.list_contacts)


class AsyncContactsResource(AsyncResource):
    async def show_contact(self, contact_id: str, *, request_options: RequestOptions | None = None) -> Contact:
        return await self._client.request(
            "get", "/contacts/{id}", cast_to=Contact, path_params={"id": contact_id}, options=request_options
        )

    def list_contacts(
        self, *, per_page: int | None = None, request_options: RequestOptions | None = None
    ) -> AsyncPaginator[ContactList, Contact]:
        return self._client.paginate(
            "get",
            "/contacts",
            page_type=ContactList,
            item_type=Contact,
            cursor="query",
            items_field="data",
            query={"per_page": per_page},
            options=request_options,
        )


class AsyncContactsResourceWithRawResponse:
    def __init__(self, resource: AsyncContactsResource) -> None:
        self.show_contact = to_async_raw_response(resource.show_contact)
        self.list_contacts = to_async_raw_response(resource.list_contacts)


def raw_resource(harness: Harness) -> ContactsResourceWithRawResponse | AsyncContactsResourceWithRawResponse:
    """The raw-response view of the contacts resource of ``harness``'s client."""
    if isinstance(harness.client, SyncAPIClient):
        return ContactsResourceWithRawResponse(ContactsResource(harness.client))
    return AsyncContactsResourceWithRawResponse(AsyncContactsResource(harness.client))
