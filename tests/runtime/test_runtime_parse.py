"""Parsing success answers into ``cast_to``, and every way that can fail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import httpx
import pytest
from pydantic import ValidationError
from runtime_support import Admin, Contact, FakeServer, Harness, json_response

from generator.runtime import APIError, APIStatusError, ResponseValidationError
from generator.runtime._parse import get_adapter, is_json_content_type

Build = Callable[..., Harness]


def fetch(harness: Build, reply: httpx.Response, cast_to: Any, **client_kwargs: Any) -> Any:
    return harness(FakeServer(reply), **client_kwargs).request("get", "/contacts/1", cast_to=cast_to)


def test_parses_a_model_using_aliases(harness: Build) -> None:
    contact = fetch(harness, json_response(200, {"id": "1", "externalId": "e", "role": "user"}), Contact)
    assert contact == Contact.model_validate({"id": "1", "externalId": "e", "role": "user"})
    assert contact.external_id == "e"


def test_parses_a_list_of_models(harness: Build) -> None:
    contacts = fetch(harness, json_response(200, [{"id": "1"}, {"id": "2"}]), list[Contact])
    assert contacts == [Contact(id="1"), Contact(id="2")]


def test_parses_a_union(harness: Build) -> None:
    union = cast("type[Contact | Admin]", Contact | Admin)
    admin = fetch(harness, json_response(200, {"type": "admin", "id": "7", "email": "a@example.com"}), union)
    assert admin == Admin(type="admin", id="7", email="a@example.com")
    contact = fetch(harness, json_response(200, {"type": "contact", "id": "8"}), union)
    assert contact == Contact(id="8")


def test_parses_text(harness: Build) -> None:
    reply = httpx.Response(200, text="[00:00:03] Teammate: Hello", headers={"Content-Type": "text/plain"})
    assert fetch(harness, reply, str) == "[00:00:03] Teammate: Hello"


def test_none_means_no_content_expected(harness: Build) -> None:
    assert fetch(harness, httpx.Response(204), type(None)) is None
    assert fetch(harness, json_response(200, {"ignored": True}), type(None)) is None


def test_object_and_dict_pass_json_through(harness: Build) -> None:
    assert fetch(harness, json_response(200, {"a": [1, 2]}), object) == {"a": [1, 2]}
    assert fetch(harness, json_response(200, {"a": 1}), dict[str, Any]) == {"a": 1}
    assert fetch(harness, httpx.Response(200), object) is None


def test_optional_model_accepts_an_empty_body(harness: Build) -> None:
    assert fetch(harness, httpx.Response(200), cast("type[Contact | None]", Contact | None)) is None


def test_json_without_a_content_type_is_still_parsed(harness: Build) -> None:
    assert fetch(harness, httpx.Response(200, content=b'{"id": "1"}'), Contact) == Contact(id="1")


def test_json_suffix_content_types_are_json() -> None:
    assert is_json_content_type("application/json; charset=utf-8")
    assert is_json_content_type("application/vnd.intercom+json")
    assert not is_json_content_type("text/html")
    assert not is_json_content_type("application/jsonp")


def expect_validation_error(harness: Build, reply: httpx.Response, cast_to: Any) -> ResponseValidationError:
    """Strict mode raises where the default mode tolerates (see test_runtime_drift.py)."""
    with pytest.raises(ResponseValidationError) as caught:
        fetch(harness, reply, cast_to, strict=True)
    error = caught.value
    assert isinstance(error, APIError)
    assert error.status_code == reply.status_code
    return error


def test_empty_body_for_a_model(harness: Build) -> None:
    error = expect_validation_error(harness, httpx.Response(200, headers={"X-Request-Id": "rid-9"}), Contact)
    assert error.reason == "the body is empty"
    assert error.raw_body == ""
    assert error.request_id == "rid-9"
    assert str(error) == (
        "200 response could not be parsed as Contact: the body is empty (request_id=rid-9); body is empty"
    )


def test_html_body_is_rejected_by_content_type(harness: Build) -> None:
    html = "<html><body>Bad gateway</body></html>"
    reply = httpx.Response(200, text=html, headers={"Content-Type": "text/html; charset=utf-8"})
    error = expect_validation_error(harness, reply, Contact)
    assert "expected a JSON body, got content type 'text/html; charset=utf-8'" in str(error)
    assert error.raw_body == html
    assert html in str(error)


def test_truncated_json(harness: Build) -> None:
    truncated = b'{"id": "1", "name": "Ab'
    reply = httpx.Response(200, content=truncated, headers={"Content-Type": "application/json"})
    error = expect_validation_error(harness, reply, Contact)
    assert "Invalid JSON" in error.reason
    assert error.raw_body == '{"id": "1", "name": "Ab'
    assert isinstance(error.__cause__, ValidationError)


def test_non_json_text_with_a_json_content_type(harness: Build) -> None:
    reply = httpx.Response(200, text="Service unavailable", headers={"Content-Type": "application/json"})
    error = expect_validation_error(harness, reply, list[Contact])
    assert "Invalid JSON" in error.reason
    assert "list[" in str(error)


def test_data_that_does_not_match_the_model(harness: Build) -> None:
    reply = json_response(200, {"type": "contact", "name": 5}, headers={"X-Request-Id": "rid-1"})
    error = expect_validation_error(harness, reply, Contact)
    # the wording of each error is pydantic's own; the summary's shape and locations are ours
    first, second = cast(ValidationError, error.__cause__).errors()
    assert error.reason == f"2 validation errors: id: {first['msg']}; name: {second['msg']}"
    assert error.request_id == "rid-1"
    assert "(request_id=rid-1)" in str(error)


def test_many_errors_are_summarised(harness: Build) -> None:
    reply = json_response(200, [{"nope": 1}] * 5)
    error = expect_validation_error(harness, reply, list[Contact])
    first = cast(ValidationError, error.__cause__).errors()[0]
    assert error.reason.startswith(f"5 validation errors: 0.id: {first['msg']};")
    assert error.reason.endswith("and 2 more")


def test_request_id_can_come_from_the_body(harness: Build) -> None:
    error = expect_validation_error(harness, json_response(200, {"request_id": "in-body"}), Contact)
    assert error.request_id == "in-body"


def test_long_bodies_are_truncated_in_the_message_only(harness: Build) -> None:
    long_text = "x" * 5000
    reply = httpx.Response(200, text=long_text, headers={"Content-Type": "application/json"})
    error = expect_validation_error(harness, reply, Contact)
    assert error.raw_body == long_text
    assert len(str(error)) < 1000
    assert "(4500 more characters)" in str(error)


@pytest.mark.parametrize("status", [302, 303, 307])
def test_redirect_location_is_the_answer_for_str(harness: Build, status: int) -> None:
    signed = "https://recordings.example.com/r/1.mp3?X-Amz-Signature=ab%2Fcd&X-Amz-Expires=60"
    reply = httpx.Response(status, headers={"Location": signed}, text="<html>redirect</html>")
    assert fetch(harness, reply, str) == signed
    assert fetch(harness, reply, object) == signed
    assert fetch(harness, reply, type(None)) is None


def test_relative_redirect_location_is_made_absolute(harness: Build) -> None:
    reply = httpx.Response(302, headers={"Location": "/download/1"})
    assert fetch(harness, reply, str) == "https://api.intercom.io/download/1"


def test_redirect_for_a_model_is_a_validation_error(harness: Build) -> None:
    reply = httpx.Response(302, headers={"Location": "https://x.example/"})
    error = expect_validation_error(harness, reply, Contact)
    assert error.reason == "got a 302 redirect instead of a body"


def test_redirect_without_location_is_a_status_error(harness: Build) -> None:
    with pytest.raises(APIStatusError) as caught:
        fetch(harness, httpx.Response(302), str)
    assert caught.value.status_code == 302


def test_type_adapters_are_cached() -> None:
    assert get_adapter(Contact) is get_adapter(Contact)
    assert get_adapter(list[Contact]) is get_adapter(list[Contact])


def test_the_json_decoder_raises_only_value_errors() -> None:
    from generator.runtime._json import NestedTooDeeplyError, loads

    assert loads(b'{"a": [1]}') == {"a": [1]}
    with pytest.raises(NestedTooDeeplyError):
        loads(b"[" * 100_000 + b"]" * 100_000)
    assert issubclass(NestedTooDeeplyError, ValueError)
