"""The access token never shows up in a repr, an exception or a log record."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import httpx
import pytest
from runtime_support import TOKEN, Contact, ContactList, FakeServer, Harness, error_response

from generator.runtime import IntercomError

Build = Callable[..., Harness]

FAILURES: list[httpx.Response | Exception] = [
    error_response(401, "unauthorized", "Access Token Invalid"),
    error_response(404, "not_found", "Contact Not Found"),
    error_response(429, "rate_limit_exceeded", "Slow down", headers={"Retry-After": "1"}),
    error_response(500, "server_error", "Oops"),
    httpx.Response(200, text="<html>login</html>", headers={"Content-Type": "text/html"}),
    httpx.Response(302, headers={"Location": "https://recordings.example.com/r.mp3?sig=abc"}),
    httpx.Response(301, headers={"Location": "https://elsewhere.example/"}),
    httpx.ConnectError("Connection refused"),
    httpx.ReadTimeout("timed out"),
]


def assert_no_token(text: str) -> None:
    assert TOKEN not in text
    assert TOKEN[4:] not in text  # not even a fragment without its prefix


def failure_id(failure: httpx.Response | Exception) -> str:
    return str(failure.status_code) if isinstance(failure, httpx.Response) else type(failure).__name__


@pytest.mark.parametrize("failure", FAILURES, ids=failure_id)
def test_errors_and_logs_never_contain_the_token(
    harness: Build, failure: httpx.Response | Exception, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    h = harness(FakeServer(failure))
    assert_no_token(repr(h.client))
    assert_no_token(str(h.client))
    with pytest.raises(IntercomError) as caught:
        h.request("get", "/contacts/{id}", cast_to=Contact, path_params={"id": "1"})
    error = caught.value
    assert_no_token(str(error))
    assert_no_token(repr(error))
    assert_no_token("".join(traceback.format_exception(error)))
    for record in caplog.records:
        assert_no_token(record.getMessage())
        assert_no_token(repr(record.args))
    assert caplog.records, "expected at least the debug log of the request"


def test_a_followed_302_answer_logs_nothing_secret(harness: Build, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server = FakeServer(httpx.Response(302, headers={"Location": "https://recordings.example.com/r.mp3"}))
    h = harness(server)
    raw = h.request(
        "get", "/calls/{id}/recording", cast_to=str, path_params={"id": "9"}, options={"_raw_response": True}
    )
    assert raw.parsed == "https://recordings.example.com/r.mp3"
    assert raw.status_code == 302
    assert server.last.headers["Authorization"] == f"Bearer {TOKEN}"
    assert_no_token(repr(raw))
    for record in caplog.records:
        assert_no_token(record.getMessage())


def test_paginator_reprs_are_clean(harness: Build) -> None:
    h = harness(FakeServer())
    paginator = h.client.paginate("get", "/contacts", page_type=ContactList, item_type=Contact)
    assert_no_token(repr(paginator))
    assert "/contacts" in repr(paginator)


def test_surrounding_whitespace_is_stripped_from_the_token(harness: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    server = FakeServer()
    harness(server, token=f"  {TOKEN}\n").request("get", "/me", cast_to=object)
    assert server.last.headers["Authorization"] == f"Bearer {TOKEN}"
    monkeypatch.setenv("INTERCOM_ACCESS_TOKEN", f"{TOKEN}\n")
    harness(server, token=None).request("get", "/me", cast_to=object)
    assert server.last.headers["Authorization"] == f"Bearer {TOKEN}"


UNSENDABLE_TOKENS = [f"{TOKEN}\nX-Injected: 1", f"{TOKEN} extra", f"{TOKEN}\u00e9", f"{TOKEN}\x00"]


@pytest.mark.parametrize("bad", UNSENDABLE_TOKENS)
def test_unsendable_tokens_are_rejected_without_being_echoed(bad: str) -> None:
    with pytest.raises(ValueError, match="printable ASCII") as caught:
        Harness("sync", FakeServer(), token=bad)
    assert_no_token(str(caught.value))


def test_a_transport_error_quoting_the_token_is_redacted(harness: Build) -> None:
    server = FakeServer(httpx.LocalProtocolError(f"Illegal header value b'Bearer {TOKEN}'"))
    with pytest.raises(IntercomError) as caught:
        harness(server, max_retries=0).request("get", "/me", cast_to=object)
    assert str(caught.value) == "Connection error: Illegal header value b'Bearer ***'"
