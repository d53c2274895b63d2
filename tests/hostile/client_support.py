"""Helpers for the client tests: a scripted server and clients of a generated package over it."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx

TOKEN = "tok_HOSTILE_5ecret_9f8e7d"
BASE = "https://api.test"
Handler = Callable[[httpx.Request], httpx.Response]
CONTACT = {"type": "contact", "id": "1", "role": "user"}


class Server:
    """Answers from a script (the last answer repeats) and keeps every request."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def client(pkg: ModuleType, server: Handler, **options: Any) -> Any:
    http = httpx.Client(transport=httpx.MockTransport(server))
    return pkg.Intercom(token=TOKEN, base_url=BASE, http_client=http, **options)


def async_client(pkg: ModuleType, server: Handler, **options: Any) -> Any:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    return pkg.AsyncIntercom(token=TOKEN, base_url=BASE, http_client=http, **options)


def ok(body: object = CONTACT, **headers: str) -> httpx.Response:
    return httpx.Response(200, json=body, headers=headers)
