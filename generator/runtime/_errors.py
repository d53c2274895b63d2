# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Exceptions raised by the client.

The whole tree::

    IntercomError                      base of everything raised on purpose by this package
     +-- APIError                      a request to the API failed
          +-- APIStatusError           the API answered with an error status (also other 4xx, 3xx)
          |    +-- BadRequestError            400
          |    +-- AuthenticationError        401
          |    +-- PermissionDeniedError      403
          |    +-- NotFoundError              404
          |    +-- ConflictError              409
          |    +-- UnprocessableEntityError   422
          |    +-- RateLimitError             429
          |    +-- InternalServerError        500-599
          +-- APIConnectionError       no answer: the connection failed or broke
          |    +-- APITimeoutError     no answer in time
          +-- ResponseValidationError  a success answer that is not JSON, or (strict mode) does not fit its type
          +-- ResponseTooLargeError    an answer's body is larger than max_response_bytes

Intercom describes failures with a body such as
``{"type": "error.list", "request_id": "...", "errors": [{"code": "...", "message": "..."}]}``;
:class:`APIStatusError` parses it into :class:`ErrorBody`. Bodies of another shape leave
``body`` as ``None`` and keep the text in ``raw_body``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx

from ._drift import Drift
from ._json import loads
from ._retry import server_wait

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ErrorBody",
    "ErrorDetail",
    "IntercomError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "UnprocessableEntityError",
]

_SNIPPET_LENGTH = 200


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of the ``errors`` list of an Intercom error body."""

    code: str | None
    message: str | None
    field: str | None = None


@dataclass(frozen=True)
class ErrorBody:
    """An Intercom error body (``"type": "error.list"``)."""

    type: str | None
    request_id: str | None
    errors: list[ErrorDetail] = field(default_factory=list)


class IntercomError(Exception):
    """Base class of every exception this package raises on purpose."""


class APIError(IntercomError):
    """A request to the Intercom API failed; ``message`` says how."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIStatusError(APIError):
    """The API answered with a status that is neither a success nor a handled redirect."""

    def __init__(self, message: str, *, response: httpx.Response, body: ErrorBody | None) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.body = body
        self.raw_body = response.text
        self.request_id = find_request_id(response, body)

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.response.headers


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: the access token is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not do this."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state (for example a duplicate)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but its content was rejected."""


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` is the advised wait in seconds, if known."""

    def __init__(self, message: str, *, response: httpx.Response, body: ErrorBody | None) -> None:
        super().__init__(message, response=response, body=body)
        self.retry_after: float | None = server_wait(response)


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class APIConnectionError(APIError):
    """No answer was received: the connection could not be made or broke."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """No answer was received in time."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class ResponseValidationError(APIError):
    """A success answer could not be parsed into the expected type.

    ``reason`` summarises what did not fit; ``raw_body`` keeps the whole text; ``drift`` lists
    each place where the body differs from its spec (raised in strict mode; see ``_drift``).
    """

    def __init__(self, message: str, *, response: httpx.Response, reason: str, drift: Sequence[Drift] = ()) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.raw_body = response.text
        self.request_id = find_request_id(response, None)
        self.reason = reason
        self.drift = list(drift)


class ResponseTooLargeError(APIError):
    """An answer's body is larger than ``max_response_bytes``; nothing of it is kept.

    ``limit`` is the limit that was exceeded (decoded bytes); ``status_code``, ``headers`` and
    ``request_id`` describe the answer. The message says how to raise the limit.
    """

    def __init__(self, message: str, *, response: httpx.Response, limit: int) -> None:
        super().__init__(message, request=response.request)
        self.limit = limit
        self.status_code = response.status_code
        self.headers = httpx.Headers(response.headers)
        self.request_id: str | None = response.headers.get("x-request-id")


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for an error status; the only place that maps statuses to classes."""
    if 500 <= status_code <= 599:
        return InternalServerError
    by_status: dict[int, type[APIStatusError]] = {
        400: BadRequestError,
        401: AuthenticationError,
        403: PermissionDeniedError,
        404: NotFoundError,
        409: ConflictError,
        422: UnprocessableEntityError,
        429: RateLimitError,
    }
    return by_status.get(status_code, APIStatusError)


_STATUS_BY_CODE = {
    "unauthorized": 401,
    "token_unauthorized": 401,
    "token_not_found": 401,
    "token_revoked": 401,
    "token_blocked": 401,
    "token_expired": 401,
    "forbidden": 403,
    "api_plan_restricted": 403,
    "not_found": 404,
    "conflict": 409,
    "data_connector_in_use": 409,
    "data_invalid": 422,
    "validation_error": 422,
    "rate_limit_exceeded": 429,
    "server_error": 500,
    "service_unavailable": 503,
}
_BAD_REQUEST_CODES = frozenset({"bad_request", "client_error", "intercom_version_invalid", "parameter_mismatch"})


def status_for_error_codes(codes: Sequence[str | None]) -> int | None:
    """The HTTP status Intercom sends with the first of these error codes it is known for, or ``None``.

    From the error examples of Intercom's specs: ``not_found`` and every ``*_not_found`` is 404
    (except ``parameter_not_found``), ``unauthorized`` 401, ``api_plan_restricted`` 403,
    ``rate_limit_exceeded`` 429, ``parameter_*`` and ``bad_request`` 400...
    """
    for written in codes:
        code = (written or "").strip().lower()
        if code in _STATUS_BY_CODE:
            return _STATUS_BY_CODE[code]
        if code in _BAD_REQUEST_CODES or code.startswith("parameter_"):
            return 400
        if code.endswith("_not_found"):
            return 404
    return None


def error_list_error(response: httpx.Response) -> APIStatusError:
    """The exception for a success status whose body is an Intercom error list.

    Its class is the one the errors' codes name (``not_found``: :class:`NotFoundError`), else
    :class:`APIStatusError`; ``status_code`` stays the status that arrived.
    """
    body = parse_error_body(response.content)
    codes = [e.code for e in body.errors] if body is not None else []
    status = status_for_error_codes(codes)
    error_class = APIStatusError if status is None else status_error_class(status)
    as_status = "" if status is None else f" (treated as {status} {httpx.codes.get_reason_phrase(status)})"
    note = f", but the body is an Intercom error list{as_status}"
    return error_class(_status_message(response, body, note), response=response, body=body)


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Build the exception for an error ``response``, parsing Intercom's error body if present."""
    body = parse_error_body(response.content)
    error_class = status_error_class(response.status_code)
    return error_class(_status_message(response, body), response=response, body=body)


def parse_error_body(content: bytes) -> ErrorBody | None:
    """Parse an Intercom error body; ``None`` when it is not JSON or not Intercom-shaped."""
    try:
        data = loads(content)
    except ValueError:  # not JSON, or nested too deeply to decode
        return None
    if not isinstance(data, dict):
        return None
    errors = data.get("errors")
    if not isinstance(errors, list) and data.get("type") != "error.list":
        return None
    details = [_error_detail(item) for item in errors or () if isinstance(item, dict)]
    return ErrorBody(
        type=_str_or_none(data.get("type")), request_id=_str_or_none(data.get("request_id")), errors=details
    )


def find_request_id(response: httpx.Response, body: ErrorBody | None) -> str | None:
    """The request id from the ``X-Request-Id`` header, else from the body's ``request_id``."""
    header: str | None = response.headers.get("x-request-id")
    if header:
        return header
    if body is not None:
        return body.request_id
    try:
        data = loads(response.content)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    value: object = data.get("request_id")
    return _str_or_none(value)


def snippet(text: str, limit: int = _SNIPPET_LENGTH) -> str:
    """``text`` shortened to ``limit`` characters, saying how much was cut."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit} more characters)"


def _error_detail(item: dict[str, object]) -> ErrorDetail:
    return ErrorDetail(
        code=_str_or_none(item.get("code")),
        message=_str_or_none(item.get("message")),
        field=_str_or_none(item.get("field")),
    )


def _str_or_none(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def _status_message(response: httpx.Response, body: ErrorBody | None, note: str = "") -> str:
    message = f"{response.status_code} {response.reason_phrase}".rstrip() + note
    if body is not None and body.errors:
        parts = [": ".join(p for p in (e.code, e.message) if p) for e in body.errors]
        message += ": " + "; ".join(p for p in parts if p)
    elif body is None and response.text.strip():
        message += ": " + snippet(response.text.strip())
    request_id = find_request_id(response, body)
    if request_id:
        message += f" (request_id={request_id})"
    return message
