"""Replaying the recorded-traffic corpus through the generated clients' public API.

``corpus/MANIFEST.yaml`` lists every payload with the request that produced it (method, path as
Intercom's spec writes it, status). A response is replayed by calling the operation's generated
method on a client whose transport answers with the recorded body; a request body is sent through
the method and read back from the wire.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from generator.ir.model import Api, Operation
from tests.support import api_for, call_args, package_module

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFEST = CORPUS / "MANIFEST.yaml"
TOKEN = "tok-replay"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class Payload:
    file: str
    source: str
    direction: str
    method: str
    path_template: str
    api_version: str
    recorded: bool
    note: str
    status: int | None = None  # responses only
    query: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> Any:
        return json.loads((CORPUS / self.file).read_text(encoding="utf-8"))

    @property
    def is_success_response(self) -> bool:
        return self.direction == "response" and self.status is not None and 200 <= self.status < 300


@functools.cache
def payloads() -> tuple[Payload, ...]:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    fields = Payload.__dataclass_fields__
    return tuple(Payload(**{k: v for k, v in raw.items() if k in fields}) for raw in manifest["payloads"])


def shape(path: str) -> str:
    """A path with placeholder names ignored: ``/contacts/{id}`` and ``/contacts/{contact_id}`` match."""
    return _PLACEHOLDER.sub("{}", path)


def find_operation(api: Api, method: str, path: str) -> Operation | None:
    wanted = (method.lower(), shape(path))
    return next((op for op in api.operations if (op.method, shape(op.path)) == wanted), None)


@dataclass
class Replay:
    value: Any
    drift: list[Any]
    request: httpx.Request


def _method(client: Any, package: str, op: Operation) -> Callable[..., Any]:
    resource = next(r for r in api_for(package).resources if op in r.operations)
    return getattr(getattr(client, resource.attribute), op.py_name)  # type: ignore[no-any-return]


def replay_response(package: str, payload: Payload, *, strict: bool = False) -> Replay | None:
    """Call the payload's operation on ``package``'s client, answered with the recorded body."""
    op = find_operation(api_for(package), payload.method, payload.path_template)
    if op is None:
        return None
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(payload.status or 200, json=payload.body, headers={"X-Request-Id": "rid-replay"})

    drift: list[Any] = []
    module = package_module(package)
    transport = httpx.MockTransport(answer)
    client = module.Intercom(TOKEN, http_client=httpx.Client(transport=transport), strict=strict, on_drift=drift.append)
    args, kwargs = call_args(package, op)
    kwargs.update(_query_arguments(op, payload))
    value = _method(client, package, op)(*args, **kwargs)
    return Replay(value, drift, seen[-1])


def _query_arguments(op: Operation, payload: Payload) -> dict[str, Any]:
    by_wire = {p.name: p.py_name for p in op.query_parameters}
    return {by_wire[name]: value for name, value in payload.query.items() if name in by_wire}


def send_request(package: str, payload: Payload, body: Any) -> httpx.Request | None:
    """Send ``body`` through the payload's operation on ``package``'s client; return the request on the wire."""
    op = find_operation(api_for(package), payload.method, payload.path_template)
    if op is None or op.body is None:
        return None
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    module = package_module(package)
    client = module.Intercom(TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    args, kwargs = call_args(package, op)
    kwargs["body"] = body  # the whole body, as body=
    _method(client, package, op)(*args, **kwargs)
    return seen[-1]
