# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Clean copies of what an exception keeps: headers, requests, answers and plain values.

A :class:`Cleaner` is given a ``redact`` function (text in, text with every secret masked out)
and copies what it is handed: strings and bytes are redacted; ``Authorization``,
``Proxy-Authorization``, ``Cookie`` and ``Set-Cookie`` header values are masked whatever they
hold; an ``httpx.Request`` or ``httpx.Response`` becomes a detached copy holding only plain data
(method, URL, headers, body, status, history), never a connection; lists, tuples, dicts and
dataclasses are copied when something in them changed. Anything else is left as it is.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, cast

import httpx

MASK = "***"
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
Redact = Callable[[str], str]

_T = TypeVar("_T")
_MAX_DEPTH = 64  # containers nested deeper than this are left as they are
_KEPT_EXTENSIONS = ("http_version", "reason_phrase")


def mask_header(name: str, value: str) -> str:
    """``value`` of header ``name`` as it may be kept: ``Bearer ***`` for ``Authorization: Bearer ...``."""
    lowered = name.lower()
    if lowered not in SECRET_HEADERS:
        return value
    scheme, space, _ = value.partition(" ")
    return f"{scheme} {MASK}" if space and lowered.endswith("authorization") else MASK


def no_secrets(text: str) -> str:
    """The ``redact`` of a :class:`Cleaner` that only masks secret headers."""
    return text


class Cleaner:
    """Makes clean copies; within one cleaner each object is copied once, so shared stays shared."""

    def __init__(self, redact: Redact = no_secrets) -> None:
        self.redact = redact
        self._copies: dict[int, tuple[object, object]] = {}  # id -> (original, copy)

    def value(self, value: _T, depth: int = 0) -> _T:
        """``value`` without secrets: the same object when nothing in it had to change."""
        if isinstance(value, str):
            return cast(_T, self.redact(value))
        if isinstance(value, bytes):
            return cast(_T, self.data(value))
        if depth > _MAX_DEPTH or value is None or isinstance(value, int | float):
            return value
        known = self._copies.get(id(value))
        if known is not None and known[0] is value:
            return cast(_T, known[1])
        copy = self._copy(value, depth + 1)
        if copy is not value:
            self._copies[id(value)] = (value, copy)
        return cast(_T, copy)

    def data(self, data: bytes) -> bytes:
        """``data`` with every secret masked (the secrets are ASCII, so this holds for UTF-8 too)."""
        text = data.decode("latin-1")
        cleaned = self.redact(text)
        return data if cleaned == text else cleaned.encode("latin-1")

    def headers(self, headers: httpx.Headers) -> httpx.Headers:
        """A copy of ``headers`` with secret headers masked and every secret redacted."""
        pairs = [(name, self.redact(mask_header(name, value))) for name, value in headers.multi_items()]
        return httpx.Headers(pairs, encoding=headers.encoding)

    def request(self, request: httpx.Request) -> httpx.Request:
        """A detached copy of ``request`` (no stream, no trace hook) without secrets."""
        try:
            content: bytes | None = self.data(request.content)
        except httpx.RequestNotRead:
            content = None
        timeout = {"timeout": request.extensions["timeout"]} if "timeout" in request.extensions else {}
        copy = httpx.Request(request.method, self.redact(str(request.url)), content=content, extensions=timeout)
        copy.headers = self.headers(request.headers)
        return copy

    def response(self, response: httpx.Response) -> httpx.Response:
        """A detached copy of ``response`` (its body read, no connection) without secrets."""
        try:
            content = self.data(response.content)
        except httpx.ResponseNotRead:
            content = b""
        extensions = {key: response.extensions[key] for key in _KEPT_EXTENSIONS if key in response.extensions}
        copy = httpx.Response(response.status_code, content=content, extensions=extensions)
        copy.headers = self.headers(response.headers)  # set after the body, which is already decoded
        copy.history = [self.value(earlier) for earlier in response.history]
        copy.default_encoding = response.default_encoding
        with contextlib.suppress(RuntimeError):  # an answer built without a request
            copy.request = self.value(response.request)
        with contextlib.suppress(RuntimeError):  # not closed yet
            copy.elapsed = response.elapsed
        return copy

    def _copy(self, value: object, depth: int) -> object:
        if isinstance(value, httpx.Headers):
            return self.headers(value)
        if isinstance(value, httpx.Request):
            return self.request(value)
        if isinstance(value, httpx.Response):
            return self.response(value)
        if type(value) in (list, tuple):
            items = cast("list[object] | tuple[object, ...]", value)
            cleaned = [self.value(item, depth) for item in items]
            unchanged = all(new is old for new, old in zip(cleaned, items, strict=True))
            return value if unchanged else type(items)(cleaned)
        if type(value) is dict:
            mapping = cast("dict[object, object]", value)
            entries = {key: self.value(item, depth) for key, item in mapping.items()}
            return value if all(entries[key] is item for key, item in mapping.items()) else entries
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._dataclass(value, depth)
        return value

    def _dataclass(self, value: Any, depth: int) -> object:
        changed: dict[str, object] = {}
        for item in dataclasses.fields(value):
            if item.init:
                old = getattr(value, item.name)
                new = self.value(old, depth)
                if new is not old:
                    changed[item.name] = new
        return dataclasses.replace(value, **changed) if changed else value
