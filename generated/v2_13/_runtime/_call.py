# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""One call on the wire, written once for the sync and the async client.

:func:`exchange` is the whole conversation with the server for one call: send, decide whether
to retry (see ``_retry``), wait, send again, read the body of the final answer, raise the error
it describes. It does no I/O itself: it is a generator that yields each thing to do (a
:class:`Send`, an :class:`Open` and the :class:`Next` chunks of a body, a :class:`Sleep`) and is
sent the outcome, or has the network failure thrown in. ``_client`` drives it with
``httpx.Client`` and ``time.sleep``, or with ``httpx.AsyncClient`` and ``asyncio.sleep``; that is
all that differs between the two clients.

A driver closes the response it holds before it sends again, before it sleeps and when the call
ends, however it ends.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Generator, Mapping
from typing import Any, NamedTuple

import httpx

from ._body import BodyReader
from ._deadline import Deadline
from ._errors import APIConnectionError, APITimeoutError, make_status_error
from ._options import BinarySink
from ._parse import is_success
from ._request import APIRequest
from ._retry import RetryPolicy, log_retry


class PreparedCall(NamedTuple):
    """One call, ready to be sent (and re-sent on retry)."""

    request: APIRequest[Any]
    http_request: httpx.Request
    policy: RetryPolicy
    strict: bool
    follow_redirects: bool
    max_response_bytes: int | None
    deadline: float | None
    """Seconds the whole call may take (see ``_deadline``)."""
    timeout: Mapping[str, float | None]
    """The timeouts of each attempt, before the deadline cuts them."""
    sink: BinarySink | None = None
    """Where a successful answer's body goes instead of memory (``download_to``)."""

    @property
    def operation(self) -> str:
        """``GET /contacts/{id}``: how drift records and log messages name the call."""
        return self.request.operation


class Send(NamedTuple):
    """Send ``request`` without reading the body (``stream=True``); the outcome is the response."""

    request: httpx.Request
    follow_redirects: bool


class Open(NamedTuple):
    """Start reading the body of ``response``; the outcome is an iterator over its chunks.

    ``raw``: the bytes as they arrived (``iter_raw``), else as httpx decoded them (``iter_bytes``).
    """

    response: httpx.Response
    raw: bool


class Next(NamedTuple):
    """The next chunk of ``chunks`` (what :class:`Open` gave), or ``None`` at the end."""

    chunks: Any


class Sleep(NamedTuple):
    """Wait ``seconds`` before the next attempt."""

    seconds: float


Step = Send | Open | Next | Sleep


class Exchanged(NamedTuple):
    """The final answer of a call (a success; its body is read) and how it was reached."""

    response: httpx.Response
    retries: int
    elapsed: datetime.timedelta


Exchange = Generator[Step, Any, Exchanged]


def exchange(call: PreparedCall) -> Exchange:
    """The conversation with the server for ``call`` (see the module docstring).

    Returns the successful answer; raises the :class:`APIStatusError` of an error answer or the
    :class:`APIConnectionError` of a network failure once the retry policy gives up.
    The client scrubs the token from whatever escapes (see ``_secrets``), once the answer is closed.
    """
    deadline = Deadline(call.deadline, call.operation)
    retries = 0
    while True:
        deadline.bound(call.http_request, call.timeout)
        started = time.perf_counter()
        try:
            response: httpx.Response = yield Send(call.http_request, call.follow_redirects)
            wait = _wait_after_response(call, response, retries, deadline)
            if wait is None:
                yield from _read_body(call, response, deadline)
                if not is_success(response):
                    raise make_status_error(response)
                elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
                return Exchanged(response, retries, elapsed)
        except httpx.RequestError as error:
            wait = _wait_after_error(call, error, retries, deadline)
        yield Sleep(wait)
        retries += 1


def _read_body(call: PreparedCall, response: httpx.Response, deadline: Deadline) -> Generator[Step, Any, None]:
    """Read the body of ``response`` within ``max_response_bytes`` (see ``_body``) and the deadline."""
    sink = call.sink if is_success(response) else None  # an error body is read as usual
    reader = BodyReader(response, None if sink else call.max_response_bytes, call.operation, sink)
    if reader.in_memory:
        reader.measure()
        return
    reader.check_declared_length()
    chunks = yield Open(response, reader.raw)
    while True:
        chunk: bytes | None = yield Next(chunks)
        if chunk is None:
            break
        reader.feed(chunk)
        deadline.check(call.http_request)
    reader.finish()


def _wait_after_response(
    call: PreparedCall, response: httpx.Response, retries: int, deadline: Deadline
) -> float | None:
    """Seconds to wait before retrying after ``response``; ``None`` when it is the final answer."""
    if is_success(response):
        return None
    wait = call.policy.wait_after_response(response, retries)
    if wait is None or not deadline.allows(wait):
        return None
    _log_retry(call, wait, retries, f"{response.status_code} {response.reason_phrase}")
    return wait


def _wait_after_error(call: PreparedCall, error: httpx.RequestError, retries: int, deadline: Deadline) -> float:
    """Seconds to wait before retrying after a network failure; raises when giving up."""
    wait = call.policy.wait_after_error(error, retries)
    if wait is None or not deadline.allows(wait):
        raise connection_error(error, call.http_request, deadline) from error
    _log_retry(call, wait, retries, type(error).__name__)
    return wait


def _log_retry(call: PreparedCall, wait: float, retries: int, reason: str) -> None:
    request = call.request
    log_retry(
        request.verb, request.path, wait=wait, retries=retries, max_retries=call.policy.max_retries, reason=reason
    )


def connection_error(error: httpx.RequestError, request: httpx.Request, deadline: Deadline) -> APIConnectionError:
    """The exception raised when a network failure is not (or no longer) retried."""
    if isinstance(error, httpx.TimeoutException) and deadline.cut_timeout:
        return deadline.exceeded(request)
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(error).__name__}).", request=request)
    detail = str(error) or type(error).__name__
    return APIConnectionError(f"Connection error: {detail}", request=request)
