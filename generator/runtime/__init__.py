# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
# ruff: noqa: E501 - the banner above is longer than the line limit
"""The hand-written runtime shared by every generated Intercom client package.

Generated clients derive from :class:`SyncAPIClient` / :class:`AsyncAPIClient`, generated
resource groups from :class:`SyncResource` / :class:`AsyncResource`. Everything a user may
need to catch or inspect is re-exported here.
"""

from ._client import AsyncAPIClient, SyncAPIClient
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
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._options import DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT, DEFAULT_TIMEOUT, RequestOptions
from ._pagination import AsyncPaginator, SyncPaginator
from ._resource import AsyncResource, SyncResource
from ._response import APIResponse, RateLimit, to_async_raw_response, to_raw_response

__all__ = [
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
    "ConflictError",
    "ErrorBody",
    "ErrorDetail",
    "IntercomError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RequestOptions",
    "ResponseValidationError",
    "SyncAPIClient",
    "SyncPaginator",
    "SyncResource",
    "UnprocessableEntityError",
    "to_async_raw_response",
    "to_raw_response",
]
