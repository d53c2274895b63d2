"""Retries: which failures are retried, how long the client waits, and how often it tries."""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from runtime_support import NOW, FakeServer, Harness, error_response, json_response

from generator.runtime import (
    APIConnectionError,
    APIResponse,
    APITimeoutError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)
from generator.runtime._retry import RetryPolicy, is_idempotent, retry_after_seconds

Build = Callable[..., Harness]
OK = json_response(200, {"ok": True})


def too_many(**headers: str) -> httpx.Response:
    return error_response(429, "rate_limit_exceeded", "Too many requests", headers=headers)


def unavailable(**headers: str) -> httpx.Response:
    return error_response(503, "service_unavailable", "Try again", headers=headers)


def get(harness: Build, server: FakeServer, method: str = "get", **kwargs: Any) -> Any:
    client_kwargs = kwargs.pop("client_kwargs", {})
    return harness(server, **client_kwargs).request(
        method, "/contacts/{id}", cast_to=object, path_params={"id": "1"}, **kwargs
    )


def test_429_waits_for_retry_after(harness: Build, waits: list[float]) -> None:
    server = FakeServer(too_many(**{"Retry-After": "3"}), OK)
    assert get(harness, server) == {"ok": True}
    assert waits == [3.0]
    assert len(server.requests) == 2


def test_retry_after_as_an_http_date(harness: Build, waits: list[float]) -> None:
    date = email.utils.formatdate(NOW + 20, usegmt=True)
    get(harness, FakeServer(too_many(**{"Retry-After": date}), OK))
    assert waits == [20.0]


def test_429_waits_until_rate_limit_reset(harness: Build, waits: list[float]) -> None:
    server = FakeServer(too_many(**{"X-RateLimit-Reset": str(int(NOW) + 7)}), OK)
    get(harness, server)
    assert waits == [7.0]


def test_retry_after_wins_over_rate_limit_reset(harness: Build, waits: list[float]) -> None:
    get(harness, FakeServer(too_many(**{"Retry-After": "2", "X-RateLimit-Reset": str(int(NOW) + 9)}), OK))
    assert waits == [2.0]


def test_a_reset_in_the_past_means_no_wait(harness: Build, waits: list[float]) -> None:
    get(harness, FakeServer(too_many(**{"X-RateLimit-Reset": str(int(NOW) - 30)}), OK))
    assert waits == [0.0]


def test_waits_are_capped_by_max_retry_wait(harness: Build, waits: list[float]) -> None:
    get(harness, FakeServer(too_many(**{"Retry-After": "600"}), OK))
    get(harness, FakeServer(too_many(**{"Retry-After": "600"}), OK), client_kwargs={"max_retry_wait": 5.0})
    get(
        harness,
        FakeServer(too_many(**{"X-RateLimit-Reset": str(int(NOW) + 600)}), OK),
        client_kwargs={"max_retry_wait": 5.0},
        options={"max_retry_wait": 1.5},
    )
    assert waits == [60.0, 5.0, 1.5]


def test_exponential_backoff_with_jitter(harness: Build, waits: list[float]) -> None:
    server = FakeServer(*[too_many()] * 6, OK)
    get(harness, server, client_kwargs={"max_retries": 6})
    # jitter is fixed at 0.5: half of 0.5 * 2**retry, the upper end capped at 8 seconds
    assert waits == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]


def test_backoff_jitter_range(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.runtime import _retry

    monkeypatch.setattr(_retry, "jitter", lambda: 0.999)
    assert _retry.backoff(0) == pytest.approx(0.4995)
    assert _retry.backoff(10) == pytest.approx(7.992)
    monkeypatch.setattr(_retry, "jitter", lambda: 0.0)
    assert _retry.backoff(3) == 0.0


def test_5xx_is_retried_for_get(harness: Build, waits: list[float]) -> None:
    server = FakeServer(unavailable(), unavailable(), OK)
    assert get(harness, server) == {"ok": True}
    assert len(server.requests) == 3
    assert waits == [0.25, 0.5]


def test_5xx_ignores_rate_limit_reset(harness: Build, waits: list[float]) -> None:
    get(harness, FakeServer(unavailable(**{"X-RateLimit-Reset": str(int(NOW) + 9)}), OK))
    assert waits == [0.25]


def test_5xx_honours_retry_after(harness: Build, waits: list[float]) -> None:
    get(harness, FakeServer(unavailable(**{"Retry-After": "4"}), OK))
    assert waits == [4.0]


def test_5xx_is_not_retried_for_post(harness: Build, waits: list[float]) -> None:
    server = FakeServer(unavailable(), OK)
    with pytest.raises(InternalServerError):
        get(harness, server, method="post", body={"a": 1})
    assert len(server.requests) == 1
    assert waits == []


@pytest.mark.parametrize("kwargs", [{"options": {"retry_non_idempotent": True}}, {"idempotent": True}])
def test_5xx_is_retried_for_post_when_opted_in(harness: Build, kwargs: dict[str, Any]) -> None:
    server = FakeServer(unavailable(), OK)
    assert get(harness, server, method="post", **kwargs) == {"ok": True}
    assert len(server.requests) == 2
    assert server.requests[0].content == server.requests[1].content


def test_get_marked_not_idempotent_is_not_retried_on_5xx(harness: Build) -> None:
    server = FakeServer(unavailable(), OK)
    with pytest.raises(InternalServerError):
        get(harness, server, idempotent=False)
    assert len(server.requests) == 1


def test_429_is_retried_for_post(harness: Build) -> None:
    server = FakeServer(too_many(), OK)
    assert get(harness, server, method="post") == {"ok": True}
    assert len(server.requests) == 2


def test_other_client_errors_are_not_retried(harness: Build) -> None:
    server = FakeServer(error_response(404, "not_found", "Not Found"), OK)
    with pytest.raises(NotFoundError):
        get(harness, server)
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("client_kwargs", "options", "attempts"),
    [
        ({}, None, 3),
        ({"max_retries": 4}, None, 5),
        ({"max_retries": 4}, {"max_retries": 1}, 2),
        ({}, {"max_retries": 0}, 1),
    ],
)
def test_attempts_are_bounded(
    harness: Build, waits: list[float], client_kwargs: dict[str, Any], options: dict[str, Any] | None, attempts: int
) -> None:
    server = FakeServer(too_many())
    with pytest.raises(RateLimitError):
        get(harness, server, client_kwargs=client_kwargs, options=options)
    assert len(server.requests) == attempts
    assert len(waits) == attempts - 1


def test_retries_taken_is_reported_on_raw_responses(harness: Build) -> None:
    server = FakeServer(too_many(), unavailable(), OK)
    response = get(harness, server, options={"_raw_response": True})
    assert isinstance(response, APIResponse)
    assert response.retries_taken == 2
    assert response.parsed == {"ok": True}


def test_connect_errors_are_retried_then_raised(harness: Build, waits: list[float]) -> None:
    server = FakeServer(httpx.ConnectError("Connection refused"))
    with pytest.raises(APIConnectionError) as caught:
        get(harness, server, method="post")
    assert type(caught.value) is APIConnectionError
    assert str(caught.value) == "Connection error: Connection refused"
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert len(server.requests) == 3
    assert waits == [0.25, 0.5]


def test_a_connection_error_then_success(harness: Build) -> None:
    server = FakeServer(httpx.ConnectError("reset"), OK)
    assert get(harness, server) == {"ok": True}


@pytest.mark.parametrize("error", [httpx.ReadError("broken pipe"), httpx.RemoteProtocolError("closed")])
def test_errors_after_sending_are_retried_only_when_idempotent(harness: Build, error: Exception) -> None:
    server = FakeServer(error, OK)
    assert get(harness, server, method="delete") == {"ok": True}
    server = FakeServer(error, OK)
    with pytest.raises(APIConnectionError):
        get(harness, server, method="post")
    assert len(server.requests) == 1
    server = FakeServer(error, OK)
    assert get(harness, server, method="post", options={"retry_non_idempotent": True}) == {"ok": True}


def test_read_timeouts(harness: Build) -> None:
    server = FakeServer(httpx.ReadTimeout("timed out"))
    with pytest.raises(APITimeoutError) as caught:
        get(harness, server)
    assert len(server.requests) == 3
    assert str(caught.value) == "Request timed out (ReadTimeout)."
    server = FakeServer(httpx.ReadTimeout("timed out"))
    with pytest.raises(APITimeoutError):
        get(harness, server, method="post")
    assert len(server.requests) == 1


@pytest.mark.parametrize("error", [httpx.ConnectTimeout("slow"), httpx.PoolTimeout("busy")])
def test_connect_phase_timeouts_are_retried_for_post(harness: Build, error: Exception) -> None:
    server = FakeServer(error, OK)
    assert get(harness, server, method="post") == {"ok": True}
    assert len(server.requests) == 2


def test_retry_policy_never_retries_unsupported_protocols_or_decoding_errors() -> None:
    policy = RetryPolicy(max_retries=2, max_wait=60.0, idempotent=True)
    assert policy.wait_after_error(httpx.UnsupportedProtocol("ftp"), 0) is None
    assert policy.wait_after_error(httpx.DecodingError("bad gzip"), 0) is None
    assert policy.wait_after_error(httpx.ReadError("x"), 0) == 0.25
    assert policy.wait_after_error(httpx.ReadError("x"), 2) is None


def test_default_idempotency_by_method() -> None:
    methods = ("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST", "PATCH")
    assert [m for m in methods if is_idempotent(m, None)] == ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]
    assert is_idempotent("get", None)
    assert is_idempotent("POST", True)
    assert not is_idempotent("GET", False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5.0),
        ("0.5", 0.5),
        ("-3", 0.0),
        ("soon", None),
        ("Wed, 21 Oct 2015 07:28:00", None),
        ("nan", None),
        ("inf", None),
        ("-inf", None),
        ("1e400", None),
        ("1e308", 1e308),
    ],
)
def test_retry_after_parsing(value: str, expected: float | None) -> None:
    assert retry_after_seconds(httpx.Headers({"Retry-After": value})) == expected


def test_retries_are_logged_without_secrets(harness: Build, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="intercom")
    get(harness, FakeServer(too_many(**{"Retry-After": "3"}), OK))
    retry_logs = [r for r in caplog.records if r.name == "intercom" and r.levelno == logging.INFO]
    assert [r.getMessage() for r in retry_logs] == [
        "Retrying GET /contacts/{id} in 3.00 seconds (retry 1 of 2) after 429 Too Many Requests",
    ]
