# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Raw access to responses: :class:`APIResponse` and the wrappers that return it."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, ParamSpec, TypeVar, cast

import httpx

from ._drift import Drift, find_unknown
from ._errors import find_request_id
from ._options import RequestOptions, with_raw_flag

__all__ = ["APIResponse", "RateLimit", "to_async_raw_response", "to_raw_response"]

_T = TypeVar("_T")
_U = TypeVar("_U")
_P = ParamSpec("_P")


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class RateLimit:
    """Intercom's rate-limit headers; a field is ``None`` when its header is absent or unreadable.

    ``limit`` and ``remaining`` count requests in the current window; ``reset`` is the UNIX
    time at which the window resets.
    """

    limit: int | None
    remaining: int | None
    reset: int | None

    @classmethod
    def from_headers(cls, headers: httpx.Headers) -> RateLimit:
        """Read ``X-RateLimit-Limit``, ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset``."""
        return cls(
            limit=_int_header(headers, "x-ratelimit-limit"),
            remaining=_int_header(headers, "x-ratelimit-remaining"),
            reset=_int_header(headers, "x-ratelimit-reset"),
        )


class APIResponse(Generic[_T]):
    """A parsed value together with the HTTP response it came from."""

    def __init__(
        self,
        parsed: _T,
        http_response: httpx.Response,
        *,
        elapsed: datetime.timedelta,
        retries_taken: int = 0,
        drift: list[Drift] | None = None,
        operation: str = "",
    ) -> None:
        self.parsed = parsed
        """The value the method returns without the raw wrapper."""
        self.http_response = http_response
        """The underlying ``httpx.Response`` (its body is already read)."""
        self.elapsed = elapsed
        """Time from sending the last attempt until its response was read."""
        self.retries_taken = retries_taken
        """How many retries were needed (0 when the first attempt succeeded)."""
        self._invalid = list(drift or [])
        self._operation = operation
        self._drift: list[Drift] | None = None

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """``X-Request-Id``, or the ``request_id`` field of the body when the header is absent."""
        return find_request_id(self.http_response, None)

    @property
    def rate_limit(self) -> RateLimit:
        """The rate-limit state reported with this response."""
        return RateLimit.from_headers(self.http_response.headers)

    @property
    def drift(self) -> list[Drift]:
        """Every place where this answer differs from its spec, in body order (see ``_drift``).

        Values that did not fit and missing required fields were found while parsing; keys no
        model declares and enum values outside the spec's list are looked for on first access.
        """
        if self._drift is None:
            found = find_unknown(self.parsed, operation=self._operation, request_id=self.request_id)
            self._drift = sorted(self._invalid + found, key=lambda d: d.pointer)
        return self._drift

    def with_parsed(self, parsed: _U) -> APIResponse[_U]:
        """A copy of this response carrying another parsed value."""
        return APIResponse(
            parsed,
            self.http_response,
            elapsed=self.elapsed,
            retries_taken=self.retries_taken,
            drift=self._invalid,
            operation=self._operation,
        )

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {type(self.parsed).__name__}>"


def to_raw_response(fn: Callable[_P, _T]) -> Callable[_P, APIResponse[_T]]:
    """Wrap a generated method so that it returns an :class:`APIResponse` around its value.

    ``fn`` must accept a ``request_options`` keyword; the wrapper passes a copy of it that
    carries the private raw-response flag.
    """

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        options = cast("RequestOptions | None", kwargs.get("request_options"))
        kwargs["request_options"] = with_raw_flag(options)
        return cast(APIResponse[_T], fn(*args, **kwargs))

    return wrapper


def to_async_raw_response(fn: Callable[_P, Awaitable[_T]]) -> Callable[_P, Awaitable[APIResponse[_T]]]:
    """The :func:`to_raw_response` of async methods."""

    @functools.wraps(fn)
    async def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        options = cast("RequestOptions | None", kwargs.get("request_options"))
        kwargs["request_options"] = with_raw_flag(options)
        return cast(APIResponse[_T], await fn(*args, **kwargs))

    return wrapper
