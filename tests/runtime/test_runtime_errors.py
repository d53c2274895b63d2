"""Error statuses become the right exception, with Intercom's error body parsed."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from runtime_support import NOW, FakeServer, Harness, error_response, json_response

from generator import runtime
from generator.runtime import (
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
from generator.runtime._errors import parse_error_body, status_error_class

Build = Callable[..., Harness]

STATUS_CLASSES = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (422, UnprocessableEntityError),
    (429, RateLimitError),
    (500, InternalServerError),
    (502, InternalServerError),
    (503, InternalServerError),
    (599, InternalServerError),
    (402, APIStatusError),
    (405, APIStatusError),
    (410, APIStatusError),
    (418, APIStatusError),
    (304, APIStatusError),
]


def fail(harness: Build, reply: httpx.Response) -> APIStatusError:
    client = harness(FakeServer(reply), max_retries=0)
    with pytest.raises(APIStatusError) as caught:
        client.request("get", "/contacts/{id}", cast_to=object, path_params={"id": "1"})
    return caught.value


@pytest.mark.parametrize(("status", "error_class"), STATUS_CLASSES)
def test_each_status_raises_its_class(harness: Build, status: int, error_class: type[APIStatusError]) -> None:
    error = fail(harness, error_response(status, "some_code", "Some message", request_id="rid-7"))
    assert type(error) is error_class
    assert status_error_class(status) is error_class
    assert error.status_code == status
    assert error.request_id == "rid-7"
    assert error.body == ErrorBody(
        type="error.list", request_id="rid-7", errors=[ErrorDetail(code="some_code", message="Some message")]
    )
    assert error.response.status_code == status
    assert error.headers["content-type"] == "application/json"
    assert '"some_code"' in error.raw_body


def test_message_names_status_errors_and_request_id(harness: Build) -> None:
    error = fail(harness, error_response(404, "contact_not_found", "Contact Not Found", request_id="b2c3"))
    assert str(error) == "404 Not Found: contact_not_found: Contact Not Found (request_id=b2c3)"
    assert error.message == str(error)


def test_several_errors_with_fields(harness: Build) -> None:
    body = {
        "type": "error.list",
        "request_id": "r",
        "errors": [
            {"code": "parameter_invalid", "message": "Email is invalid", "field": "email"},
            {"code": "parameter_not_found", "message": "Name is missing"},
            "not an error object",
        ],
    }
    error = fail(harness, json_response(422, body))
    assert error.body is not None
    assert error.body.errors == [
        ErrorDetail(code="parameter_invalid", message="Email is invalid", field="email"),
        ErrorDetail(code="parameter_not_found", message="Name is missing", field=None),
    ]
    assert str(error) == (
        "422 Unprocessable Entity: parameter_invalid: Email is invalid; "
        "parameter_not_found: Name is missing (request_id=r)"
    )


def test_header_request_id_is_preferred(harness: Build) -> None:
    reply = error_response(
        409, "conflict", "Already exists", request_id="from-body", headers={"X-Request-Id": "from-header"}
    )
    assert fail(harness, reply).request_id == "from-header"


def test_html_error_body_keeps_its_text(harness: Build) -> None:
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    error = fail(harness, httpx.Response(502, text=html, headers={"Content-Type": "text/html"}))
    assert type(error) is InternalServerError
    assert error.body is None
    assert error.raw_body == html
    assert error.request_id is None
    assert str(error) == f"502 Bad Gateway: {html}"


@pytest.mark.parametrize("content", [b'{"message": "nope"}', b"[1, 2]", b'"text"', b"{truncated", b""])
def test_non_intercom_bodies_give_no_parsed_body(harness: Build, content: bytes) -> None:
    error = fail(harness, httpx.Response(403, content=content))
    assert type(error) is PermissionDeniedError
    assert error.body is None
    assert error.raw_body == content.decode()


def test_long_error_bodies_are_shortened_in_the_message(harness: Build) -> None:
    error = fail(harness, httpx.Response(400, text="y" * 1000))
    assert error.raw_body == "y" * 1000
    assert str(error).endswith("(800 more characters)")


def test_error_list_without_errors() -> None:
    assert parse_error_body(b'{"type": "error.list", "request_id": "r"}') == ErrorBody(
        type="error.list", request_id="r", errors=[]
    )


def test_missing_token_gives_authentication_error(harness: Build) -> None:
    reply = error_response(401, "unauthorized", "Access Token Invalid")
    server = FakeServer(reply)
    with pytest.raises(AuthenticationError):
        harness(server, token=None).request("get", "/me", cast_to=object)
    assert "Authorization" not in server.last.headers


def test_rate_limit_error_carries_retry_after(harness: Build) -> None:
    reply = error_response(429, "rate_limit_exceeded", "Slow down", headers={"Retry-After": "12"})
    error = fail(harness, reply)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 12.0


def test_rate_limit_error_falls_back_to_rate_limit_reset(harness: Build) -> None:
    reset = str(int(NOW) + 9)
    reply = error_response(429, "rate_limit_exceeded", "Slow down", headers={"X-RateLimit-Reset": reset})
    error = fail(harness, reply)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 9.0


def test_rate_limit_error_without_advice(harness: Build) -> None:
    error = fail(harness, httpx.Response(429))
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


def test_the_exception_tree() -> None:
    assert issubclass(APIError, IntercomError)
    assert issubclass(APIStatusError, APIError)
    for _, error_class in STATUS_CLASSES:
        assert issubclass(error_class, APIStatusError)
    assert issubclass(APIConnectionError, APIError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(ResponseValidationError, APIError)
    assert not issubclass(ResponseValidationError, APIStatusError)


def test_the_errors_module_draws_the_tree() -> None:
    doc = runtime._errors.__doc__ or ""
    for name in (
        "IntercomError",
        "APIError",
        "APIStatusError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "APIConnectionError",
        "APITimeoutError",
        "ResponseValidationError",
    ):
        assert name in doc
