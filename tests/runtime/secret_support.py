"""A real server on 127.0.0.1 that echoes the Authorization header back, and a walk over all an error holds."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FunctionType, ModuleType
from typing import Any

import httpx
from pydantic import BaseModel, ValidationError


class EchoHandler(BaseHTTPRequestHandler):
    """``/ok``: a contact; ``/fail``: a 401 error list; ``/bad``: a contact whose id is the echo.

    Every answer repeats the Authorization header it got, in ``X-Echo`` and in the body, the way a
    misconfigured proxy might.
    """

    def do_GET(self) -> None:
        echo = self.headers.get("Authorization", "")
        if self.path.startswith("/ok"):
            status, body = 200, {"type": "contact", "id": "1", "name": echo}
        elif self.path.startswith("/bad"):
            status, body = 200, {"type": "contact", "id": {"echo": echo}}
        else:
            status, body = 401, {"type": "error.list", "errors": [{"code": "unauthorized", "message": echo}]}
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Echo", echo)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests look at log records, not stderr."""


class EchoServer:
    """``with EchoServer() as server:`` serves :class:`EchoHandler` at ``server.url``."""

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> EchoServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def reachable_texts(error: BaseException) -> Iterator[str]:
    """Every text reachable from ``error`` without its traceback.

    The chain (``__cause__``, ``__context__``, shown or suppressed), and of each exception its
    arguments, notes and attributes, and inside those: headers, requests and answers (URL, headers,
    body, request, history), containers, dataclasses, models, pydantic errors, objects' attributes.
    """
    seen: set[int] = set()
    pending: list[tuple[object, int]] = [(error, 0)]
    while pending:
        value, depth = pending.pop()
        if id(value) in seen or depth > 40:
            continue
        seen.add(id(value))
        yield from _texts_of(value)
        pending.extend((child, depth + 1) for child in _children(value))


def _texts_of(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes):
        yield value.decode("latin-1")
    else:
        try:
            yield repr(value)
            yield str(value)
        except Exception:  # noqa: S110 - a broken repr shows nothing
            pass


def _children(value: object) -> list[object]:
    if isinstance(value, str | bytes | int | float | type | ModuleType | FunctionType) or value is None:
        return []
    if isinstance(value, BaseException):
        extra = value.errors() if isinstance(value, ValidationError) else []
        return [value.__cause__, value.__context__, *value.args, *extra, *getattr(value, "__dict__", {}).values()]
    if isinstance(value, httpx.Headers):
        return list(value.multi_items())
    if isinstance(value, httpx.Request):
        return [str(value.url), value.headers, _body(value), *vars(value).values()]
    if isinstance(value, httpx.Response):
        return [value.headers, _body(value), value.history, *vars(value).values()]
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set | frozenset):
        return list(value)
    if isinstance(value, BaseModel):
        return [value.model_dump(), value.__pydantic_extra__]
    if dataclasses.is_dataclass(value):
        return [getattr(value, field.name) for field in dataclasses.fields(value)]
    return list(getattr(value, "__dict__", {}).values())


def _body(message: httpx.Request | httpx.Response) -> bytes:
    try:
        return message.content
    except (httpx.RequestNotRead, httpx.ResponseNotRead):
        return b""
