"""The access token of a generated client (generated/v2_13) never leaks: not in an exception
message, a repr, a traceback or a log record, not even when a server echoes it or redirects."""

from __future__ import annotations

import logging
import traceback
from types import ModuleType

import httpx
import pytest
from client_support import TOKEN, Handler, Server, client

pytestmark = pytest.mark.usefixtures("no_stray_sleep")


LEAKY_FAILURES: list[httpx.Response | Exception] = [
    httpx.Response(401, json={"type": "error.list", "errors": [{"code": "unauthorized", "message": "Bad token"}]}),
    httpx.Response(500, text=f"upstream echoed Authorization: Bearer {TOKEN}"),
    httpx.Response(429, headers={"Retry-After": "1"}),
    httpx.Response(200, text="<html>", headers={"Content-Type": "text/html"}),
    httpx.Response(302, headers={"Location": "https://elsewhere.example/steal"}),
    httpx.ConnectError(f"could not connect with header Authorization: Bearer {TOKEN}"),
    httpx.ReadTimeout("timed out"),
]


def assert_no_token(text: str) -> None:
    assert TOKEN not in text
    assert TOKEN.removeprefix("tok_") not in text


@pytest.mark.parametrize("failure", LEAKY_FAILURES, ids=lambda f: getattr(f, "status_code", type(f).__name__))
def test_the_token_never_appears_in_errors_reprs_or_logs(
    pkg: ModuleType, waits: list[float], failure: httpx.Response | Exception, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    api = client(pkg, Server(failure), max_retries=1)
    assert_no_token(repr(api))
    with pytest.raises(pkg.IntercomError) as caught:
        api.contacts.show_contact("1")
    error = caught.value
    for text in (str(error), repr(error), error.message, "".join(traceback.format_exception(error))):
        assert_no_token(text)
    assert_no_token(repr(getattr(error, "request", None)))
    assert caplog.records
    for record in caplog.records:
        assert_no_token(record.getMessage())


def _redirecting_server(requests: list[httpx.Request], target: str) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.url.host == "api.test":
            return httpx.Response(301, headers={"Location": target})
        return httpx.Response(401, text=f"echo: {request.headers.get('Authorization')}")

    return handle


def test_a_followed_redirect_to_another_host_does_not_carry_the_token(
    pkg: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    requests: list[httpx.Request] = []
    api = client(pkg, _redirecting_server(requests, "https://elsewhere.example/contacts/1"), follow_redirects=True)
    with pytest.raises(pkg.AuthenticationError) as caught:
        api.contacts.show_contact("1")
    assert [r.url.host for r in requests] == ["api.test", "elsewhere.example"]
    assert requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert "authorization" not in requests[1].headers
    assert_no_token(str(caught.value))
    assert_no_token(caught.value.raw_body)
    for record in caplog.records:
        assert_no_token(record.getMessage())


def test_an_unfollowed_redirect_is_an_error_without_the_token(pkg: ModuleType) -> None:
    requests: list[httpx.Request] = []
    api = client(pkg, _redirecting_server(requests, f"https://elsewhere.example/?token={TOKEN[:3]}"))
    with pytest.raises(pkg.APIStatusError) as caught:
        api.contacts.show_contact("1")
    assert caught.value.status_code == 301
    assert len(requests) == 1
    assert_no_token(str(caught.value))
