# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Client-wide defaults and the per-call :class:`RequestOptions`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Protocol, TypedDict

import httpx

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_PAGES",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_MAX_RETRY_WAIT",
    "DEFAULT_TIMEOUT",
    "BinarySink",
    "RequestOptions",
]

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
"""60 seconds for reads, writes and pool waits; 10 seconds to connect."""

DEFAULT_MAX_RETRIES = 2
"""How many times a failed request is retried (so at most three attempts)."""

DEFAULT_MAX_RETRY_WAIT = 60.0
"""Upper bound, in seconds, on any single wait between two attempts."""

DEFAULT_DEADLINE = 300.0
"""Five minutes: how long one call may take in all, every attempt and wait between them included
(``timeout`` bounds each single network wait); ``None`` lifts the deadline."""

DEFAULT_MAX_PAGES = 10_000
"""The most pages one ``iter_*`` walk fetches (1.5 million contacts at 150 a page); ``None`` lifts the bound."""

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""64 MiB: the largest body (after gzip/deflate decoding) an answer may have; ``None`` lifts the limit."""


class BinarySink(Protocol):
    """Where ``download_to`` writes a body: an open binary file, ``io.BytesIO``, a socket's file..."""

    def write(self, data: bytes, /) -> object: ...


class RequestOptions(TypedDict, total=False):
    """Options accepted by every generated method as ``request_options=``.

    Every key is optional; a key that is absent falls back to the client's setting.

    - ``timeout``: seconds or an :class:`httpx.Timeout`; ``None`` disables the timeout.
    - ``deadline``: seconds this whole call may take, retries and waits included (``None``: no
      deadline); running out raises :class:`APITimeoutError`.
    - ``max_retries``: retries for this call (``0`` disables retrying).
    - ``max_retry_wait``: cap, in seconds, on each wait between attempts.
    - ``extra_headers``: headers added last; they override everything else.
    - ``extra_query``: query parameters added last; they replace parameters of the same name.
    - ``extra_body``: fields merged into the JSON object body last, sent exactly as given: for
      fields the spec does not know (or describes wrongly).
    - ``strict``: raise :class:`ResponseValidationError` when the answer does not fit its model,
      instead of returning what fits and recording drift (see ``_drift``).
    - ``max_pages``: for ``iter_*`` methods, the most pages to fetch (``None``: no bound); the
      walk stops there with a warning.
    - ``max_response_bytes``: the largest decoded body this call accepts (``None``: no limit);
      a larger one raises :class:`ResponseTooLargeError` without being read into memory.
    - ``download_to``: a binary file (anything with ``write(bytes)``) that a successful answer's
      body is written to while it arrives, for downloads too large to hold: the method then returns
      an empty body (``b""``), and ``max_response_bytes`` does not apply to what goes to the file.
    - ``retry_non_idempotent``: also retry 5xx answers and failures after the request was sent
      for methods that are not idempotent (POST, PATCH).

    ``_raw_response`` is private: it is set by :func:`to_raw_response` and makes the call
    return an :class:`APIResponse` instead of the parsed value.
    """

    timeout: float | httpx.Timeout | None
    deadline: float | None
    max_retries: int
    max_retry_wait: float
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, object]
    extra_body: Mapping[str, object]
    max_response_bytes: int | None
    max_pages: int | None
    retry_non_idempotent: bool
    download_to: BinarySink
    strict: bool
    _raw_response: bool


def with_raw_flag(options: RequestOptions | None) -> RequestOptions:
    """Return a copy of ``options`` that asks for an :class:`APIResponse`."""
    flagged: RequestOptions = options.copy() if options else {}
    flagged["_raw_response"] = True
    return flagged


def without_raw_flag(options: RequestOptions | None) -> RequestOptions:
    """Return a copy of ``options`` without the raw-response flag."""
    plain: RequestOptions = options.copy() if options else {}
    plain.pop("_raw_response", None)
    return plain


def wants_raw(options: RequestOptions | None) -> bool:
    """Tell whether ``options`` carries the raw-response flag."""
    return bool(options and options.get("_raw_response"))


def checked_seconds(name: str, value: float) -> float:
    """``value`` when it is a finite, non-negative number of seconds; else a :class:`ValueError`."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number of seconds, not {value!r}")
    if value < 0:
        raise ValueError(f"{name} must not be negative")
    return float(value)


def checked_size(name: str, value: int | None, *, least: int = 0) -> int | None:
    """``value`` when it is ``None`` or a whole number of at least ``least``; else a :class:`ValueError`."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < least):
        kind = "non-negative" if least == 0 else f"at least {least}"
        raise ValueError(f"{name} must be a whole number {kind}, or None, not {value!r}")
    return value
