# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""The hand-written runtime shared by every generated Intercom client package.

Generated clients derive from :class:`SyncAPIClient` / :class:`AsyncAPIClient` and only set
``api_version``, ``servers`` and ``default_region``; generated resource groups derive from
:class:`SyncResource` / :class:`AsyncResource` and call ``self._client.request(...)`` or
``self._client.paginate(...)``. In short:

- Requests carry ``Authorization: Bearer <token>`` (when a token is known),
  ``Intercom-Version``, ``Accept: application/json`` and a ``User-Agent``.
- Answers are parsed into the operation's type; a body that does not fit still returns what fits
  and records :class:`Drift` (``strict=True`` raises :class:`ResponseValidationError` instead);
  an error status raises the matching :class:`APIStatusError`.
- A body larger than ``max_response_bytes`` (64 MiB decoded by default) raises
  :class:`ResponseTooLargeError` while it streams in (see ``_body``).
- A call ends within ``deadline`` seconds (five minutes by default), every attempt, wait and
  body included, or raises :class:`APITimeoutError` (see ``_deadline``).
- 429 answers and failed connections are retried, 5xx answers only for idempotent requests
  (see ``_retry`` for the exact rules and waits).
- Redirects are not followed; a 302/303/307 with a ``Location`` is an answer whose value is
  that URL (see ``_parse``).
- :func:`to_raw_response` / :func:`to_async_raw_response` give the :class:`APIResponse`
  (status, headers, request id, rate limit) around a value.
- :class:`SyncPaginator` / :class:`AsyncPaginator` walk Intercom's cursor pagination, at most
  ``max_pages`` pages (10,000 by default), stopping early on an empty page or a repeated cursor.

Everything a user may need to catch or inspect is re-exported here.
"""

from ._client import AsyncAPIClient, SyncAPIClient
from ._drift import Drift
from ._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorBody,
    ErrorDetail,
    IntercomError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._options import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_WAIT,
    DEFAULT_TIMEOUT,
    BinarySink,
    RequestOptions,
)
from ._pagination import AsyncPaginator, SyncPaginator
from ._resource import AsyncResource, SyncResource
from ._response import APIResponse, RateLimit, to_async_raw_response, to_raw_response

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_PAGES",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_MAX_RETRY_WAIT",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIClient",
    "AsyncPaginator",
    "AsyncResource",
    "AuthenticationError",
    "BadRequestError",
    "BinarySink",
    "ConflictError",
    "Drift",
    "ErrorBody",
    "ErrorDetail",
    "IntercomError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RequestOptions",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SyncAPIClient",
    "SyncPaginator",
    "SyncResource",
    "UnprocessableEntityError",
    "to_async_raw_response",
    "to_raw_response",
]
