"""Calling one generated method against Prism, sync or async, and recording what came back."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from operation_calls import Call
from prism_ledger import prism_rejection
from pydantic import TypeAdapter, ValidationError

from generator.ir.model import Operation
from tests.support import annotation_type, method_of, package_module

_T = TypeVar("_T")
TOKEN = "prism-test-token"


@dataclass
class Attempt:
    """One call: the value it returned or the error it raised, and every HTTP answer seen."""

    value: Any
    error: Exception | None
    responses: list[httpx.Response]

    @property
    def response(self) -> httpx.Response:
        assert self.responses, f"no HTTP answer was received: {self.error!r}"
        return self.responses[-1]

    @property
    def rejection(self) -> str | None:
        return prism_rejection(self.response) if self.responses else f"no answer: {self.error!r}"


class Wire:
    """One sync and one async ``httpx`` client for the whole run, both recording every answer.

    Building an ``httpx`` client costs far more than a call to Prism, so the generated clients
    built for each call get these injected. The async client lives on one event loop, kept for
    the run, on which every async call runs.
    """

    def __init__(self) -> None:
        self.seen: list[httpx.Response] = []
        self.loop = asyncio.new_event_loop()
        self.http = httpx.Client(event_hooks={"response": [self._keep]})
        self.async_http = httpx.AsyncClient(event_hooks={"response": [self._async_keep]})

    def _keep(self, response: httpx.Response) -> None:
        response.read()
        self.seen.append(response)

    async def _async_keep(self, response: httpx.Response) -> None:
        await response.aread()
        self.seen.append(response)

    def take(self) -> list[httpx.Response]:
        seen, self.seen = self.seen, []
        return seen

    def run(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        return self.loop.run_until_complete(coroutine)

    def close(self) -> None:
        self.http.close()
        self.run(self.async_http.aclose())
        self.loop.close()


def sync_client(wire: Wire, package: str, base_url: str, *, token: str | None = TOKEN) -> Any:
    return package_module(package).Intercom(
        token=token, base_url=base_url, http_client=wire.http, max_retries=0, strict=True
    )


def async_client(wire: Wire, package: str, base_url: str) -> Any:
    module = package_module(package)
    return module.AsyncIntercom(token=TOKEN, base_url=base_url, http_client=wire.async_http, max_retries=0, strict=True)


def call_sync(
    wire: Wire, package: str, op: Operation, base_url: str, call: Call, *, token: str | None = TOKEN
) -> Attempt:
    wire.take()
    client = sync_client(wire, package, base_url, token=token)
    try:
        value = method_of(client, op)(*call.args, **call.kwargs, request_options=call.options())
    except Exception as exc:
        return Attempt(None, exc, wire.take())
    return Attempt(value, None, wire.take())


def call_async(wire: Wire, package: str, op: Operation, base_url: str, call: Call) -> Attempt:
    async def run() -> Attempt:
        client = async_client(wire, package, base_url)
        try:
            value = await method_of(client, op)(*call.args, **call.kwargs, request_options=call.options())
        except Exception as exc:
            return Attempt(None, exc, wire.take())
        return Attempt(value, None, wire.take())

    wire.take()
    return wire.run(run())


def conforms(package: str, op: Operation, value: Any) -> bool:
    """Whether ``value`` is of ``op``'s declared return type."""
    annotation = op.result.annotation
    if annotation == "None":
        return value is None
    if annotation == "Any":
        return True  # no success response in the spec: the decoded JSON comes back untyped
    expected = annotation_type(package, annotation)
    if isinstance(expected, type):
        return isinstance(value, expected)
    try:
        TypeAdapter(expected).validate_python(value, strict=True)
    except ValidationError:
        return False
    return True
