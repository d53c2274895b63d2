# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Configuration and request building shared by the sync and async clients."""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple, TypeVar

import httpx

from ._drift import Drift, find_unknown
from ._encode import build_path, encode_body, encode_query, merge_headers, merge_query
from ._errors import APIConnectionError, APIError, APITimeoutError, make_status_error
from ._options import DEFAULT_TIMEOUT, RequestOptions, checked_seconds, wants_raw
from ._parse import Parsed, is_success, parse_response
from ._response import APIResponse
from ._retry import RetryPolicy, is_idempotent, log_retry

TOKEN_ENV_VAR = "INTERCOM_ACCESS_TOKEN"  # noqa: S105 - the name of a variable, not a secret
USER_AGENT_PRODUCT = "intercom-clientgen-python"
logger = logging.getLogger("intercom")
drift_logger = logging.getLogger("intercom.drift")
_MAX_DRIFT_LOGGED = 10_000  # distinct (operation, location, kind) logged per client, then no more
DriftHook = Callable[[Drift], None]


def clean_token(token: str | None) -> str | None:
    """The token to send: ``token``, else ``$INTERCOM_ACCESS_TOKEN``, stripped; ``None`` when empty.

    A token that could not be sent as a header value is rejected here, with a message that does
    not repeat it, rather than failing later in the HTTP layer with one that might.
    """
    token = (token or os.environ.get(TOKEN_ENV_VAR) or "").strip()
    if not token:
        return None
    if not token.isascii() or not token.isprintable() or any(ch.isspace() for ch in token):
        raise ValueError("The access token must be printable ASCII without whitespace")
    return token


def effective_timeout(
    timeout: float | httpx.Timeout | None, http_client: httpx.Client | httpx.AsyncClient | None
) -> float | httpx.Timeout | None:
    """An injected client's own timeout wins when the caller left ``timeout`` at its default."""
    if http_client is not None and timeout is DEFAULT_TIMEOUT and http_client.timeout != httpx.Timeout(5.0):
        return http_client.timeout
    return timeout


_E = TypeVar("_E", bound=BaseException)


def _replace_in_args(error: BaseException, token: str) -> None:
    error.args = tuple(a.replace(token, "***") if isinstance(a, str) else a for a in error.args)


class PreparedCall(NamedTuple):
    """One call, ready to be sent (and re-sent on retry)."""

    method: str
    path: str
    """The path template, used in log messages instead of the real URL."""
    request: httpx.Request
    policy: RetryPolicy
    raw: bool
    strict: bool

    @property
    def operation(self) -> str:
        """``GET /contacts/{id}``: how drift records and log messages name the call."""
        return f"{self.method} {self.path}"


class BaseAPIClient:
    """What :class:`SyncAPIClient` and :class:`AsyncAPIClient` have in common.

    Generated subclasses set ``api_version``, ``servers`` (region name -> base URL) and
    ``default_region``.
    """

    api_version: ClassVar[str]
    servers: ClassVar[Mapping[str, str]] = {}
    default_region: ClassVar[str] = "us"

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str | httpx.URL | None,
        region: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        max_retry_wait: float,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        follow_redirects: bool,
        strict: bool = False,
        on_drift: DriftHook | None = None,
    ) -> None:
        if not getattr(type(self), "api_version", None):
            raise TypeError(f"{type(self).__name__} must set the class attribute api_version")
        if max_retries < 0:
            raise ValueError("max_retries must not be negative")
        self._token = clean_token(token)
        self.region = None if base_url is not None else (region or self.default_region)
        self.base_url = self._resolve_base_url(base_url, self.region)
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = checked_seconds("max_retry_wait", max_retry_wait)
        self._default_headers = dict(default_headers or {})
        self._default_query = dict(default_query or {})
        self._follow_redirects = follow_redirects
        self.strict = strict
        """Raise :class:`ResponseValidationError` on drift instead of tolerating it (see ``_drift``)."""
        self.on_drift = on_drift
        """Called with every drift record of every answer (unknown fields and enum values included)."""
        self._drift_logged: set[tuple[str, str, str]] = set()

    @classmethod
    def _resolve_base_url(cls, base_url: str | httpx.URL | None, region: str | None) -> str:
        if base_url is None:
            if not cls.servers:
                raise ValueError("The spec this client was generated from lists no servers; pass base_url")
            if region is None or region not in cls.servers:
                known = ", ".join(sorted(cls.servers)) or "none"
                raise ValueError(f"Unknown region {region!r}; known regions: {known}")
            base_url = cls.servers[region]
        url = httpx.URL(str(base_url))
        if url.scheme not in {"http", "https"} or not url.host:
            raise ValueError(f"base_url must be an absolute http(s) URL, got {str(base_url)!r}")
        return str(url).rstrip("/")

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` sent with every request."""
        return f"{USER_AGENT_PRODUCT}/{self.api_version}"

    def _default_request_headers(self) -> dict[str, str]:
        headers = {
            "Accept": "application/json",
            "Intercom-Version": self.api_version,
            "User-Agent": self.user_agent,
        }
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        return headers

    def _prepare(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, str | int] | None,
        query: Mapping[str, object] | None,
        explode: Sequence[str],
        headers: Mapping[str, object | None] | None,
        body: object | None,
        idempotent: bool | None,
        options: RequestOptions | None,
    ) -> PreparedCall:
        """Build the ``httpx.Request`` and the retry policy for one call."""
        opts: RequestOptions = options or {}
        method = method.upper()
        url = self.base_url + build_path(path, path_params)
        params = encode_query(merge_query(self._default_query, query, explode, opts.get("extra_query")))
        content = encode_body(body, opts.get("extra_body"))
        content_type = {"Content-Type": "application/json"} if content is not None else None
        all_headers = merge_headers(
            self._default_request_headers(), content_type, self._default_headers, headers, opts.get("extra_headers")
        )
        timeout = opts.get("timeout", self.timeout)
        request = http.build_request(
            method, url, params=tuple(params), headers=all_headers, content=content, timeout=timeout
        )
        policy = RetryPolicy(
            max_retries=opts.get("max_retries", self.max_retries),
            max_wait=checked_seconds("max_retry_wait", opts.get("max_retry_wait", self.max_retry_wait)),
            idempotent=is_idempotent(method, idempotent) or opts.get("retry_non_idempotent", False),
        )
        logger.debug("Sending %s %s", method, path)
        strict = opts.get("strict", self.strict)
        return PreparedCall(method, path, request, policy, raw=wants_raw(options), strict=strict)

    def _result(
        self, call: PreparedCall, response: httpx.Response, cast_to: Any, *, retries: int, elapsed: datetime.timedelta
    ) -> Any:
        """Parse ``response``; wrap it in an :class:`APIResponse` when the call asked for it."""
        logger.debug(
            "Received %s for %s %s (request_id=%s)",
            response.status_code,
            call.method,
            call.path,
            response.headers.get("x-request-id"),
        )
        try:
            parsed = parse_response(response, cast_to, strict=call.strict, operation=call.operation)
        except APIError as error:  # the body did not parse, or is an error list
            self._scrub(error)
            raise
        self._report_drift(call, response, parsed)
        if call.raw:
            return APIResponse(
                parsed.value,
                response,
                elapsed=elapsed,
                retries_taken=retries,
                drift=parsed.drift,
                operation=call.operation,
            )
        return parsed.value

    def _report_drift(self, call: PreparedCall, response: httpx.Response, parsed: Parsed) -> None:
        """Log each kind of drift once per operation and place; hand every record to ``on_drift``.

        Unknown fields and enum values are normal for a live API: they are looked for only when
        someone listens (a hook, or ``intercom.drift`` logging at INFO), so a fitting answer
        costs nothing.
        """
        drift = parsed.drift
        if self.on_drift is not None or drift_logger.isEnabledFor(logging.INFO):
            request_id = response.headers.get("x-request-id")
            drift = drift + find_unknown(parsed.value, operation=call.operation, request_id=request_id)
        for record in drift:
            key = (record.operation, record.location, record.kind)
            if key not in self._drift_logged and len(self._drift_logged) < _MAX_DRIFT_LOGGED:
                self._drift_logged.add(key)
                unknown = record.kind.startswith("unknown")
                level = logging.INFO if unknown else logging.WARNING
                drift_logger.log(level, "Response drift: %s (request_id=%s)", record, record.request_id)
            if self.on_drift is not None:
                self.on_drift(record)

    def _wait_after_error(self, call: PreparedCall, error: httpx.RequestError, retries: int) -> float:
        """Seconds to wait before retrying after a network failure; raises when giving up."""
        wait = call.policy.wait_after_error(error, retries)
        if wait is None:
            raise self._connection_error(error, call.request) from error
        log_retry(
            call.method,
            call.path,
            wait=wait,
            retries=retries,
            max_retries=call.policy.max_retries,
            reason=type(error).__name__,
        )
        return wait

    def _wait_after_response(self, call: PreparedCall, response: httpx.Response, retries: int) -> float | None:
        """``None`` for a success; else seconds to wait before retrying; raises when giving up."""
        if is_success(response):
            return None
        wait = call.policy.wait_after_response(response, retries)
        if wait is None:
            raise self._scrub(make_status_error(response))
        log_retry(
            call.method,
            call.path,
            wait=wait,
            retries=retries,
            max_retries=call.policy.max_retries,
            reason=f"{response.status_code} {response.reason_phrase}",
        )
        return wait

    def _connection_error(self, error: httpx.RequestError, request: httpx.Request) -> APIConnectionError:
        """The exception raised when a network failure is not (or no longer) retried."""
        self._scrub(error)  # it is chained to the error raised here, so it shows in tracebacks
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(f"Request timed out ({type(error).__name__}).", request=request)
        detail = str(error) or type(error).__name__
        return APIConnectionError(f"Connection error: {detail}", request=request)

    def _scrub(self, error: _E) -> _E:
        """Remove the token from ``error``'s message, and from the exception chained to it.

        A server or proxy may echo the ``Authorization`` header into a body that ends up in a
        message; an exception chained to ours shows in every traceback. A chained exception that
        still holds the token after its arguments are cleaned is cut off.
        """
        token = self._token
        if not token:
            return error
        _replace_in_args(error, token)
        if isinstance(error, APIError):
            error.message = error.message.replace(token, "***")
        cause = error.__cause__
        if cause is not None:
            _replace_in_args(cause, token)
            if token in str(cause):
                error.__cause__ = None
                error.__suppress_context__ = True
        return error

    def __repr__(self) -> str:
        token = "'***'" if self._token else "None"
        name = type(self).__name__
        return f"{name}(api_version={self.api_version!r}, base_url={self.base_url!r}, token={token})"
