# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Configuration and request building shared by the sync and async clients."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import httpx

from ._body import ACCEPT_ENCODING
from ._call import Exchanged, PreparedCall
from ._drift import Drift, find_unknown
from ._encode import build_path, encode_body, encode_query, merge_headers, merge_query
from ._options import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    RequestOptions,
    checked_seconds,
    checked_size,
)
from ._parse import Parsed, parse_response
from ._request import APIRequest, PageRequest
from ._response import APIResponse
from ._retry import RetryPolicy, is_idempotent
from ._sanitize import mask_header
from ._secrets import Redactor

TOKEN_ENV_VAR = "INTERCOM_ACCESS_TOKEN"  # noqa: S105 - the name of a variable, not a secret
LOG_ENV_VAR = "INTERCOM_LOG"
"""``debug`` (every request and answer) or ``info`` (retries, drift) prints the ``intercom`` logger to
stderr, with secrets masked, without any logging set-up in the application."""
USER_AGENT_PRODUCT = "intercom-clientgen-python"
logger = logging.getLogger("intercom")
drift_logger = logging.getLogger("intercom.drift")
_MAX_DRIFT_LOGGED = 10_000  # distinct (operation, location, kind) logged per client, then no more
DriftHook = Callable[[Drift], None]
TokenSource = str | Callable[[], str] | None
"""A fixed token, or a callable asked for the current one before every request (OAuth tokens that
rotate; it runs on the calling thread or event loop, so it should return a cached value quickly)."""


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


def log_from_environment() -> None:
    """Honour ``$INTERCOM_LOG`` (see ``LOG_ENV_VAR``): one stderr handler on the ``intercom`` logger."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(os.environ.get(LOG_ENV_VAR, "").strip().lower())
    if level is None:
        return
    if not any(getattr(h, "intercom_environment", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        handler.intercom_environment = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)


def _optional_seconds(name: str, value: float | None) -> float | None:
    return None if value is None else checked_seconds(name, value)


def effective_timeout(
    timeout: float | httpx.Timeout | None, http_client: httpx.Client | httpx.AsyncClient | None
) -> float | httpx.Timeout | None:
    """An injected client's own timeout wins when the caller left ``timeout`` at its default."""
    if http_client is not None and timeout is DEFAULT_TIMEOUT and http_client.timeout != httpx.Timeout(5.0):
        return http_client.timeout
    return timeout


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
        token: TokenSource,
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
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = DEFAULT_DEADLINE,
        max_pages: int | None = DEFAULT_MAX_PAGES,
    ) -> None:
        if not getattr(type(self), "api_version", None):
            raise TypeError(f"{type(self).__name__} must set the class attribute api_version")
        if max_retries < 0:
            raise ValueError("max_retries must not be negative")
        self._token_provider = token if callable(token) else None
        self._token = None if callable(token) else clean_token(token)
        self.region = None if base_url is not None else (region or self.default_region)
        self.base_url = self._resolve_base_url(base_url, self.region)
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = checked_seconds("max_retry_wait", max_retry_wait)
        self.max_response_bytes = checked_size("max_response_bytes", max_response_bytes)
        """The largest decoded body an answer may have (``None``: no limit; see ``_body``)."""
        self.deadline = _optional_seconds("deadline", deadline)
        """Seconds one call may take in all, retries and waits included (``None``: no deadline)."""
        self.max_pages = checked_size("max_pages", max_pages, least=1)
        """The most pages an ``iter_*`` walk fetches (``None``: no bound; see ``_pagination``)."""
        self._default_headers = dict(default_headers or {})
        self._default_query = dict(default_query or {})
        self._follow_redirects = follow_redirects
        self.strict = strict
        """Raise :class:`ResponseValidationError` on drift instead of tolerating it (see ``_drift``)."""
        self.on_drift = on_drift
        """Called with every drift record of every answer (unknown fields and enum values included)."""
        self._drift_logged: set[tuple[str, str, str]] = set()
        self._redactor = Redactor(self._token)
        log_from_environment()

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
            "Accept-Encoding": ACCEPT_ENCODING,
            "Intercom-Version": self.api_version,
            "User-Agent": self.user_agent,
        }
        token = self._current_token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def _current_token(self) -> str | None:
        """The fixed token, or the one the provider gives now (kept out of logs and errors, as the fixed one)."""
        if self._token_provider is None:
            return self._token
        given = self._token_provider()
        if not isinstance(given, str) or not given.strip():
            raise ValueError("The token provider must return a non-empty string")
        token = clean_token(given)
        assert token is not None
        self._redactor.add(token)
        return token

    def _prepare(self, http: httpx.Client | httpx.AsyncClient, request: APIRequest[Any]) -> PreparedCall:
        """Build the ``httpx.Request`` and the retry policy for one call."""
        opts: RequestOptions = request.options or {}
        method = request.verb
        url = self.base_url + build_path(request.path, request.path_params)
        query = merge_query(self._default_query, request.query, request.explode, opts.get("extra_query"))
        content = encode_body(request.body, opts.get("extra_body"))
        content_type = {"Content-Type": "application/json"} if content is not None else None
        all_headers = merge_headers(
            self._default_request_headers(),
            content_type,
            self._default_headers,
            request.headers,
            opts.get("extra_headers"),
        )
        timeout = opts.get("timeout", self.timeout)
        http_request = http.build_request(
            method, url, params=tuple(encode_query(query)), headers=all_headers, content=content, timeout=timeout
        )
        policy = RetryPolicy(
            max_retries=opts.get("max_retries", self.max_retries),
            max_wait=checked_seconds("max_retry_wait", opts.get("max_retry_wait", self.max_retry_wait)),
            idempotent=is_idempotent(method, request.idempotent) or opts.get("retry_non_idempotent", False),
        )
        if logger.isEnabledFor(logging.DEBUG):
            shown = {name: mask_header(name, value) for name, value in http_request.headers.items()}
            logger.debug("Sending %s %s headers=%s", method, http_request.url, shown)
        return PreparedCall(
            request,
            http_request,
            policy,
            strict=opts.get("strict", self.strict),
            follow_redirects=self._follow_redirects,
            max_response_bytes=checked_size(
                "max_response_bytes", opts.get("max_response_bytes", self.max_response_bytes)
            ),
            deadline=_optional_seconds("deadline", opts.get("deadline", self.deadline)),
            timeout=dict(http_request.extensions["timeout"]),
            sink=opts.get("download_to"),
        )

    def _pages(self, first: APIRequest[Any], *, cursor: str, items_field: str) -> PageRequest[Any]:
        """The :class:`PageRequest` of ``paginate``."""
        opts: RequestOptions = first.options or {}
        max_pages = checked_size("max_pages", opts.get("max_pages", self.max_pages), least=1)
        return PageRequest.create(first, cursor=cursor, items_field=items_field, max_pages=max_pages)

    def _result(self, call: PreparedCall, exchanged: Exchanged) -> Any:
        """Parse the answer; wrap it in an :class:`APIResponse` when the call asked for it."""
        response = exchanged.response
        request = call.request
        logger.debug(
            "Received %s for %s %s (request_id=%s)",
            response.status_code,
            request.verb,
            request.path,
            response.headers.get("x-request-id"),
        )
        parsed = parse_response(response, request.cast_to, strict=call.strict, operation=call.operation)
        self._report_drift(call, response, parsed)
        if request.raw:
            return APIResponse(
                parsed.value,
                response,
                elapsed=exchanged.elapsed,
                retries_taken=exchanged.retries,
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

    def __repr__(self) -> str:
        token = "'***'" if self._token or self._token_provider else "None"
        name = type(self).__name__
        return f"{name}(api_version={self.api_version!r}, base_url={self.base_url!r}, token={token})"
