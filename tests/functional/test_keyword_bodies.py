"""Keyword bodies at run time: what goes on the wire, and the TypeErrors for a call that mixes forms.

(What type-checks is tests/functional/test_typing_app.py; these are the runtime rules behind it.)
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.support import package_module


def _client(seen: list[httpx.Request]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"type": "contact", "id": "1"})

    return package_module("v2_13").Intercom(token="t", http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def _sent(call: Any) -> Any:
    seen: list[httpx.Request] = []
    call(_client(seen))
    return json.loads(seen[0].content) if seen[0].content else None


def test_only_the_arguments_passed_are_sent_in_the_order_given() -> None:
    body = _sent(lambda c: c.contacts.update_contact("1", name="Ada", email="ada@example.com"))
    assert list(body.items()) == [("name", "Ada"), ("email", "ada@example.com")]


def test_an_explicit_none_is_sent_as_null() -> None:
    assert _sent(lambda c: c.contacts.update_contact("1", phone=None)) == {"phone": None}


def test_no_arguments_send_no_body() -> None:
    assert _sent(lambda c: c.contacts.update_contact("1")) is None
    assert _sent(lambda c: c.contacts.update_contact("1", body=None)) is None


def test_a_dict_body_is_sent_as_it_is() -> None:
    body = {"name": "Ada", "not_in_the_spec": [1, "2"], "custom_attributes": {"n": 1.5}}
    assert _sent(lambda c: c.contacts.update_contact("1", body=body)) == body


def test_a_model_sends_only_the_fields_that_were_set_under_wire_names() -> None:
    models = package_module("v2_13").models
    merge = models.MergeContactsRequest(from_="a", into="b")
    assert _sent(lambda c: c.contacts.merge_contact(body=merge)) == {"from": "a", "into": "b"}
    assert _sent(lambda c: c.contacts.merge_contact(from_="a")) == {"from": "a"}


def test_nested_models_and_dicts_mix() -> None:
    models = package_module("v2_13").models
    query = models.SingleFilterSearchRequest(field="email", operator="=", value="x")
    body = _sent(lambda c: c.contacts.search_contacts(query=query, pagination={"per_page": 2}))
    assert body == {"query": {"field": "email", "operator": "=", "value": "x"}, "pagination": {"per_page": 2}}


def test_a_body_property_called_body_is_told_apart_from_a_whole_body_by_its_type() -> None:
    assert _sent(lambda c: c.notes.create_note(1, body="Called", admin_id="7")) == {"body": "Called", "admin_id": "7"}
    assert _sent(lambda c: c.notes.create_note(1, body={"body": "Called"})) == {"body": "Called"}
    assert _sent(lambda c: c.notes.create_note(1, body=None)) == {"body": None}


def test_a_property_named_like_a_path_parameter_takes_a_trailing_underscore() -> None:
    assert _sent(lambda c: c.companies.attach_contact_to_a_company("contact", id_="company")) == {"id": "company"}


def test_extra_body_adds_to_keyword_fields() -> None:
    body = _sent(lambda c: c.contacts.update_contact("1", name="Ada", request_options={"extra_body": {"x": 1}}))
    assert body == {"name": "Ada", "x": 1}


def test_body_and_fields_together_are_a_type_error_before_sending() -> None:
    seen: list[httpx.Request] = []
    with pytest.raises(
        TypeError, match=r"update_contact\(\) takes the request body either whole .* got body= and name"
    ):
        _client(seen).contacts.update_contact("1", body={"email": "x"}, name="Ada")
    assert seen == []


def test_an_unknown_keyword_is_a_type_error_as_in_python() -> None:
    with pytest.raises(TypeError, match=r"create_contact\(\) got an unexpected keyword argument 'emial'"):
        _client([]).contacts.create_contact(emial="x")


def test_async_methods_take_the_same_keywords() -> None:
    import asyncio

    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"type": "contact", "id": "1"})

    async def run() -> None:
        transport = httpx.MockTransport(handler)
        async with package_module("v2_13").AsyncIntercom(
            token="t", http_client=httpx.AsyncClient(transport=transport)
        ) as client:
            await client.contacts.create_contact(email="ada@example.com", custom_attributes={"vip": True})

    asyncio.run(run())
    assert json.loads(seen[0].content) == {"email": "ada@example.com", "custom_attributes": {"vip": True}}
