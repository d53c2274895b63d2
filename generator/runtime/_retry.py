# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""When to retry a request and how long to wait first.

What is retried:

- ``429 Too Many Requests``: always.
- ``5xx``: only when the request is idempotent (GET, HEAD, PUT, DELETE, OPTIONS by default)
  or the caller opted in with ``retry_non_idempotent``.
- Network failures before the request left the machine (``httpx.ConnectError``,
  ``httpx.ConnectTimeout``, ``httpx.PoolTimeout``): always, because the server cannot have
  acted on the request.
- Any other network failure (read/write errors and timeouts, dropped connections): only when
  the request is idempotent or the caller opted in, because the server may already have
  acted on it and a second POST could, for example, create a second conversation.

How long to wait: the ``Retry-After`` header (seconds or an HTTP date) when present; for 429
answers without it, the time until ``X-RateLimit-Reset`` (a UNIX timestamp); otherwise
exponential backoff with full jitter (a random wait between 0 and ``0.5 * 2**retry``
seconds, the upper end capped at 8 seconds). Every wait is capped by ``max_retry_wait``.
A header value that is not a finite number (``nan``, ``inf``, ``1e400``, garbage) or a date
that cannot be read counts as absent; a negative or past value means no wait.

:func:`sleep`, :func:`async_sleep`, :func:`clock`, :func:`monotonic` and :func:`jitter` are
looked up on this module at call time, so tests can replace them and never really wait.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from collections.abc import Mapping
from typing import NamedTuple

import httpx

logger = logging.getLogger("intercom")

BACKOFF_BASE = 0.5
BACKOFF_CAP = 8.0
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_CONNECT_PHASE_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def sleep(seconds: float) -> None:
    """Block for ``seconds`` (replaceable in tests)."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """Suspend for ``seconds`` (replaceable in tests).

    ``asyncio`` is imported here rather than at module level: it is slow to import and only
    async clients that actually retry need it.
    """
    import asyncio

    await asyncio.sleep(seconds)


def clock() -> float:
    """Return the current UNIX time in seconds (replaceable in tests)."""
    return time.time()


def monotonic() -> float:
    """Return a clock for measuring durations, in seconds (replaceable in tests)."""
    return time.monotonic()


def jitter() -> float:
    """Return a random fraction in ``[0, 1)`` used for backoff (replaceable in tests)."""
    return random.random()  # noqa: S311 - spreading retries does not need a secure source


def is_idempotent(method: str, idempotent: bool | None) -> bool:
    """Resolve the ``idempotent`` argument of a request: ``None`` means "decide by method"."""
    if idempotent is not None:
        return idempotent
    return method.upper() in IDEMPOTENT_METHODS


def finite_number(text: str) -> float | None:
    """``text`` as a finite number, or ``None`` (``nan``, ``inf``, ``1e400`` and garbage are not)."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds asked for by a ``Retry-After`` header, or ``None`` when absent or unreadable."""
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = finite_number(value)
    if seconds is not None:
        return max(seconds, 0.0)
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
        if when.tzinfo is None:
            return None
        wait = when.timestamp() - clock()
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None
    return max(wait, 0.0) if math.isfinite(wait) else None


def rate_limit_reset_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds until the ``X-RateLimit-Reset`` timestamp, or ``None`` when absent or unreadable."""
    value = headers.get("x-ratelimit-reset")
    if value is None:
        return None
    reset = finite_number(value)
    if reset is None:
        return None
    wait = reset - clock()
    return max(wait, 0.0) if math.isfinite(wait) else None


def server_wait(response: httpx.Response) -> float | None:
    """The wait the server asked for, if any (``X-RateLimit-Reset`` only counts for 429)."""
    wait = retry_after_seconds(response.headers)
    if wait is None and response.status_code == 429:
        wait = rate_limit_reset_seconds(response.headers)
    return wait


def backoff(retry: int) -> float:
    """Exponential backoff with full jitter for the ``retry``-th retry (0-based)."""
    return jitter() * min(BACKOFF_CAP, BACKOFF_BASE * 2.0**retry)


class RetryPolicy(NamedTuple):
    """The retry settings that apply to one call."""

    max_retries: int
    max_wait: float
    idempotent: bool
    """True when the request is idempotent or the caller opted in to retrying it anyway."""

    def _cap(self, wait: float) -> float:
        if not math.isfinite(wait):  # never reached with the header readers above; a last guard
            wait = self.max_wait if wait > 0 else 0.0
        return min(max(wait, 0.0), self.max_wait)

    def wait_after_response(self, response: httpx.Response, retries: int) -> float | None:
        """Seconds to wait before retrying after ``response``, or ``None`` to give up."""
        if retries >= self.max_retries:
            return None
        status = response.status_code
        if status != 429 and not (status >= 500 and self.idempotent):
            return None
        wait = server_wait(response)
        return self._cap(backoff(retries) if wait is None else wait)

    def wait_after_error(self, error: httpx.RequestError, retries: int) -> float | None:
        """Seconds to wait before retrying after a network failure, or ``None`` to give up."""
        if retries >= self.max_retries:
            return None
        if isinstance(error, _CONNECT_PHASE_ERRORS):
            return self._cap(backoff(retries))
        if isinstance(error, httpx.UnsupportedProtocol) or not isinstance(error, httpx.TransportError):
            return None
        return self._cap(backoff(retries)) if self.idempotent else None


def log_retry(method: str, path: str, *, wait: float, retries: int, max_retries: int, reason: str) -> None:
    """Log one retry at INFO level; only the method and the path template are named."""
    logger.info(
        "Retrying %s %s in %.2f seconds (retry %d of %d) after %s",
        method,
        path,
        wait,
        retries + 1,
        max_retries,
        reason,
    )
