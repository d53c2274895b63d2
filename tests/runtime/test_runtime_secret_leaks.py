"""The token is in no log record of any logger a call goes through, in no pickle of an error, and
nowhere in an error's chain, even when the server echoes it in headers and bodies."""

from __future__ import annotations

import gc
import logging
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from runtime_support import TOKEN, AsyncClient, Client, Contact, FakeServer, Harness, resolve
from secret_support import EchoServer, closed_port_url, reachable_texts

from generator.runtime import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    IntercomError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from generator.runtime._errors import make_status_error
from generator.runtime._secrets import SECRET_FILTER, Redactor, live_forms

Build = Callable[..., Harness]
Reply = Callable[[httpx.Request], httpx.Response]
FRAGMENT = TOKEN.removeprefix("tok_")
LOGGERS = ["", "intercom", "intercom.drift", "httpx", "httpcore", "httpcore.http11", "httpcore.connection"]


def assert_no_token(text: str) -> None:
    assert FRAGMENT not in text


def echo(request: httpx.Request) -> str:
    return request.headers["Authorization"]


def error_list(status: int, code: str) -> Reply:
    def reply(request: httpx.Request) -> httpx.Response:
        body = {"type": "error.list", "request_id": "req-7", "errors": [{"code": code, "message": echo(request)}]}
        headers = {"X-Echo": echo(request), "Retry-After": "1", "Set-Cookie": f"s={echo(request)}"}
        return httpx.Response(status, json=body, headers=headers)

    return reply


def body(status: int, content: str, content_type: str = "application/json") -> Reply:
    def reply(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": content_type, "X-Echo": echo(request)}
        return httpx.Response(status, content=content.replace("ECHO", echo(request)), headers=headers)

    return reply


def raising(kind: type[httpx.TransportError]) -> Reply:
    def reply(request: httpx.Request) -> httpx.Response:
        raise kind(f"failed while sending {echo(request)}", request=request)

    return reply


SCENARIOS: dict[str, tuple[Reply, type[IntercomError], dict[str, Any]]] = {
    "400": (error_list(400, "parameter_invalid"), BadRequestError, {}),
    "401": (error_list(401, "unauthorized"), AuthenticationError, {}),
    "403": (error_list(403, "forbidden"), PermissionDeniedError, {}),
    "404": (error_list(404, "not_found"), NotFoundError, {}),
    "409": (error_list(409, "conflict"), ConflictError, {}),
    "422": (error_list(422, "data_invalid"), UnprocessableEntityError, {}),
    "429": (error_list(429, "rate_limit_exceeded"), RateLimitError, {}),
    "500": (error_list(500, "server_error"), InternalServerError, {}),
    "418": (body(418, "teapot says ECHO", "text/plain"), APIStatusError, {}),
    "200-error-list": (error_list(200, "contact_not_found"), NotFoundError, {}),
    "200-html": (body(200, "<html>ECHO</html>", "text/html"), ResponseValidationError, {}),
    "200-strict-drift": (body(200, '{"id": {"echo": "ECHO"}}'), ResponseValidationError, {"strict": True}),
    "200-too-large": (body(200, '{"id": "ECHO"}'), ResponseTooLargeError, {"max_response_bytes": 8}),
    "connect-error": (raising(httpx.ConnectError), APIConnectionError, {}),
    "read-timeout": (raising(httpx.ReadTimeout), APITimeoutError, {}),
}


def fail(harness: Build, scenario: str) -> IntercomError:
    reply, expected, options = SCENARIOS[scenario]
    h = harness(FakeServer(reply), max_retries=0, **options)
    with pytest.raises(expected) as caught:
        h.request("get", "/contacts/{id}", cast_to=Contact, path_params={"id": "1"})
    assert type(caught.value) is expected
    return caught.value


def unpickle(data: bytes) -> Any:
    return pickle.loads(data)  # noqa: S301 - bytes this test pickled itself


def assert_chain_is_clean(error: BaseException) -> None:
    texts = list(reachable_texts(error))
    assert len(texts) > 10  # the walk went somewhere
    for text in texts:
        assert_no_token(text)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_nothing_an_error_holds_shows_the_token(harness: Build, scenario: str) -> None:
    assert_chain_is_clean(fail(harness, scenario))


def test_the_walk_finds_a_token_left_in_a_chain() -> None:
    request = httpx.Request("GET", "https://api.test/", headers={"Authorization": f"Bearer {TOKEN}"})
    try:
        try:
            raise httpx.ConnectError("refused", request=request)
        except httpx.ConnectError as cause:
            raise APIConnectionError("Connection error: refused") from cause
    except APIConnectionError as error:
        assert any(FRAGMENT in text for text in reachable_texts(error))
        Redactor(TOKEN).scrub(error)
        assert_chain_is_clean(error)
        assert isinstance(error.__cause__, httpx.ConnectError)  # cleaned, not cut
        assert error.__cause__.request.headers["Authorization"] == "Bearer ***"


KEPT = ["message", "status_code", "request_id", "raw_body", "body", "retry_after", "reason", "drift", "limit"]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_error_pickles_without_the_token(harness: Build, scenario: str) -> None:
    error = fail(harness, scenario)
    data = pickle.dumps(error)
    assert FRAGMENT.encode() not in data
    copy = unpickle(data)
    assert type(copy) is type(error)
    assert copy.args == error.args
    assert str(copy) == str(error)
    for name in KEPT:
        assert getattr(copy, name, None) == getattr(error, name, None), name
    assert isinstance(copy, APIError) and isinstance(error, APIError)
    assert copy.request is not None and error.request is not None
    assert copy.request.url == error.request.url
    assert copy.request.headers["Authorization"] == "Bearer ***"
    if isinstance(copy, APIStatusError):
        assert copy.headers["X-Echo"] == "Bearer ***"
        assert copy.headers.get("Set-Cookie", "***") == "***"
        assert copy.response.text == error.response.text
    assert_chain_is_clean(copy)


def test_an_error_unpickles_in_another_process(harness: Build) -> None:
    data = pickle.dumps(fail(harness, "429"))
    script = "import pickle, sys; e = pickle.loads(sys.stdin.buffer.read()); print(type(e).__name__, e.status_code)"
    result = subprocess.run([sys.executable, "-c", script], input=data, capture_output=True, check=True)
    assert result.stdout.decode().split() == ["RateLimitError", "429"]


def test_an_error_built_outside_a_client_pickles_with_secret_headers_masked() -> None:
    request = httpx.Request("GET", "https://api.test/", headers={"Authorization": "Bearer unknown-elsewhere-token"})
    error = make_status_error(httpx.Response(404, json={"errors": []}, request=request))
    copy = unpickle(pickle.dumps(error))
    assert b"unknown-elsewhere-token" not in pickle.dumps(error)
    assert copy.request is not None
    assert copy.request.headers["Authorization"] == "Bearer ***"
    assert copy.status_code == 404
    assert error.request is request and request.headers["Authorization"].endswith("token")  # the error is untouched


def debug_everywhere(caplog: pytest.LogCaptureFixture) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name or None)


def assert_records_are_clean(caplog: pytest.LogCaptureFixture) -> None:
    names = {record.name for record in caplog.records}
    assert {"intercom", "httpx", "httpcore.http11", "httpcore.connection"} <= names
    for record in caplog.records:
        assert_no_token(record.getMessage())
        assert_no_token(repr(record.args))


def call_real(kind: str, url: str, path: str, **options: Any) -> Any:
    """One call on a real connection (httpx and httpcore do all their logging)."""
    client_class = Client if kind == "sync" else AsyncClient
    client = client_class(TOKEN, base_url=url, max_retries=0, **options)
    try:
        return resolve(client.request("get", path, cast_to=Contact))
    finally:
        resolve(client.close())


def test_logs_of_a_real_success_hold_no_token(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    debug_everywhere(caplog)
    with EchoServer() as server:
        contact = call_real(kind, server.url, "/ok")
    assert contact.name == f"Bearer {TOKEN}"  # the caller's own data is not touched
    assert_records_are_clean(caplog)
    assert any("(b'X-Echo', b'Bearer ***')" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(("path", "expected"), [("/fail", AuthenticationError), ("/bad", ResponseValidationError)])
def test_logs_and_errors_of_a_real_failure_hold_no_token(
    kind: str, caplog: pytest.LogCaptureFixture, path: str, expected: type[IntercomError]
) -> None:
    debug_everywhere(caplog)
    with EchoServer() as server, pytest.raises(expected) as caught:
        call_real(kind, server.url, path, strict=True)
    assert_records_are_clean(caplog)
    assert_chain_is_clean(caught.value)
    assert FRAGMENT.encode() not in pickle.dumps(caught.value)


def test_a_real_refused_connection_leaves_no_token(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    debug_everywhere(caplog)
    with pytest.raises(APIConnectionError) as caught:
        call_real(kind, closed_port_url(), "/ok")
    for record in caplog.records:
        assert_no_token(record.getMessage())
        assert_no_token(repr(record.args))
    error = caught.value
    assert isinstance(error.__cause__, httpx.ConnectError)
    assert isinstance(error.__cause__.__context__, Exception)  # httpcore's error is still chained, cleaned
    assert_chain_is_clean(error)
    copy = unpickle(pickle.dumps(error))
    assert (type(copy), copy.message) == (type(error), error.message)


def test_a_validation_error_that_quotes_the_token_is_cut_from_the_chain(harness: Build) -> None:
    error = fail(harness, "200-strict-drift")
    assert isinstance(error, ResponseValidationError)
    assert error.__cause__ is None and error.__suppress_context__
    assert error.drift and error.drift[0].received == {"echo": "Bearer ***"}


def test_the_filter_is_on_every_logger_a_call_goes_through(harness: Build) -> None:
    harness(FakeServer())
    for name in LOGGERS[1:]:
        assert SECRET_FILTER in logging.getLogger(name).filters, name


def test_a_record_quoting_the_token_is_cleaned(harness: Build, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    harness(FakeServer())
    logging.getLogger("httpcore.http11").debug("headers=%r", [(b"Authorization", f"Bearer {TOKEN}".encode())])
    logging.getLogger("intercom").debug(f"odd {TOKEN} %s", "100%")
    cause = httpx.ConnectError(f"refused {TOKEN}")
    logging.getLogger("httpx").error("failed", exc_info=cause)
    messages = [record.getMessage() for record in caplog.records]
    assert messages == ["headers=[(b'Authorization', b'Bearer ***')]", "odd *** 100%", "failed"]
    for record in caplog.records:
        assert_no_token(repr(record.args))
    assert_no_token(caplog.text)


def test_a_redactor_holds_several_secrets_and_leaves_with_its_client() -> None:
    redactor = Redactor("first-secret-1", None)
    redactor.add("second-secret-2")
    error = APIConnectionError("first-secret-1 and second-secret-2")
    assert str(redactor.scrub(error)) == "*** and ***"
    assert {"first-secret-1", "second-secret-2"} <= set(live_forms())
    del redactor
    gc.collect()
    assert "first-secret-1" not in live_forms()


def test_a_token_with_quote_and_backslash_is_masked_in_reprs_too() -> None:
    secret = "it's\\tok"
    redactor = Redactor(secret)
    error = APIConnectionError(f"{secret} {secret.encode()!r} {secret!r}")
    assert str(redactor.scrub(error)) == '*** b"***" "***"'
