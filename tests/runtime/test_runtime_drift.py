"""Tolerant parsing: an answer that does not fit its model still returns what fits, and says where it drifted."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, Literal

import httpx
import pytest
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, RootModel
from runtime_support import Contact, ContactList, FakeServer, Harness, json_response

from generator.runtime import APIResponse, Drift, ResponseValidationError
from generator.runtime._parse import parse_response

Build = Callable[..., Harness]


class Avatar(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str | None = None
    image_url: str | None = None


class Lead(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, coerce_numbers_to_str=True)
    type: Literal["contact"] | str | None = None
    id: str
    role: Literal["user", "lead"] | str | None = None
    avatar: Avatar | None = None
    owner: Avatar
    from_: str | None = Field(None, serialization_alias="from", validation_alias=AliasChoices("from"))
    tags: list[str] | None = None


class Page(BaseModel):
    model_config = ConfigDict(extra="allow")
    data: list[Lead] | None = None
    total_count: int | None = None


class Company(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: Literal["company"] | str | None = None
    company_id: str | None = None
    remote_created_at: int


class Ticket(BaseModel):
    model_config = ConfigDict(extra="allow")
    ticket_id: str
    state: str | None = None


class Item(RootModel[Company | Ticket]):
    root: Company | Ticket


def lead(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"type": "contact", "id": "1", "role": "lead", "owner": {"type": "admin"}, "tags": ["a"]}
    base.update(changes)
    return {k: v for k, v in base.items() if v is not ...}


def parse(payload: Any, cast_to: Any, *, strict: bool = False) -> tuple[Any, list[Drift]]:
    response = httpx.Response(200, json=payload, headers={"X-Request-Id": "rid-7"})
    response.request = httpx.Request("GET", "https://api.intercom.io/contacts")
    parsed = parse_response(response, cast_to, strict=strict, operation="GET /contacts")
    return parsed.value, parsed.drift


def test_a_fitting_answer_has_no_drift_and_is_the_strict_value() -> None:
    value, drift = parse(lead(), Lead)
    assert drift == []
    assert value == Lead.model_validate(lead())
    assert parse(lead(), Lead, strict=True)[0] == value


def test_a_value_of_another_type_leaves_none_and_keeps_the_raw_json() -> None:
    payload = lead(avatar="https://static.intercomassets.com/avatars/1/square_128/x.jpg")
    value, drift = parse(payload, Lead)
    assert value.avatar is None
    assert value.id == "1" and value.owner == Avatar(type="admin") and value.tags == ["a"]
    (record,) = drift
    assert (record.pointer, record.kind, record.expected) == ("/avatar", "invalid", "Avatar | None")
    assert record.received == payload["avatar"]
    assert (record.operation, record.request_id) == ("GET /contacts", "rid-7")
    assert value.model_extra == {"avatar": payload["avatar"]}
    assert value.model_dump(by_alias=True, exclude_unset=True) == payload  # nothing that arrived is lost


def test_null_where_the_spec_says_not_nullable() -> None:
    value, drift = parse(lead(owner=None), Lead)
    assert [(d.pointer, d.kind, d.received) for d in drift] == [("/owner", "invalid", None)]
    assert isinstance(value.owner, Avatar) and value.owner.type is None  # a model that may not be None stays usable


def test_a_missing_required_field_is_none_and_recorded() -> None:
    value, drift = parse({"type": "company", "company_id": "c1"}, Company)
    assert value.remote_created_at is None and value.company_id == "c1"
    assert [(d.pointer, d.kind, d.expected) for d in drift] == [("/remote_created_at", "missing", "int")]
    assert "required int is missing" in drift[0].describe()


def test_only_the_item_that_drifted_is_affected() -> None:
    items = [lead(id="1"), lead(id="2", tags="vip"), lead(id="3")]
    value, drift = parse({"data": items, "total_count": 3}, Page)
    assert [item.id for item in value.data] == ["1", "2", "3"]
    assert value.data[0] == Lead.model_validate(items[0])
    assert value.data[1].tags is None
    assert [(d.pointer, d.location) for d in drift] == [("/data/1/tags", "/data/*/tags")]


def test_aliases_and_model_config_still_apply_on_the_slow_path() -> None:
    value, drift = parse(lead(id=42, **{"from": 7}, avatar=[]), Lead)
    assert (value.id, value.from_) == ("42", "7")  # numbers read as strings, as in a fitting answer
    assert [d.pointer for d in drift] == ["/avatar"]


def test_a_union_takes_the_member_that_fits_best() -> None:
    value, drift = parse({"ticket_id": "t1", "state": 3}, Item)
    assert isinstance(value.root, Ticket) and value.root.ticket_id == "t1"
    assert [d.pointer for d in drift] == ["/state"]


def test_strict_mode_raises_with_the_drift_in_the_message(harness: Build) -> None:
    server = FakeServer(json_response(200, {"type": "contact"}, headers={"X-Request-Id": "rid-1"}))
    client = harness(server, strict=True)
    with pytest.raises(ResponseValidationError) as caught:
        client.request("get", "/contacts/1", cast_to=Contact)
    assert [(d.pointer, d.kind) for d in caught.value.drift] == [("/id", "missing")]
    assert "drift: /id: required str is missing" in str(caught.value)


def test_strict_per_call(harness: Build) -> None:
    client = harness(FakeServer(json_response(200, {"type": "contact"})))
    assert client.request("get", "/contacts/1", cast_to=Contact).id is None
    with pytest.raises(ResponseValidationError):
        client.request("get", "/contacts/1", cast_to=Contact, options={"strict": True})


def test_drift_is_logged_once_per_operation_and_place(harness: Build, caplog: pytest.LogCaptureFixture) -> None:
    page = {"data": [{"id": "1", "name": {"x": 1}}, {"id": "2", "name": []}]}
    client = harness(FakeServer(json_response(200, page)))
    with caplog.at_level(logging.WARNING, logger="intercom.drift"):
        for _ in range(3):
            assert [c.id for c in client.request("get", "/contacts", cast_to=ContactList).data] == ["1", "2"]
    (message,) = [r.getMessage() for r in caplog.records if r.name == "intercom.drift"]
    assert "GET /contacts: /data/0/name: expected str | None, received an object" in message
    assert "{'x': 1}" not in message  # values may hold personal data: never logged


def test_a_hook_sees_every_record_including_unknown_fields_and_enum_values(harness: Build) -> None:
    seen: list[Drift] = []
    payload = lead(role="visitor", avatar="x", extra_field={"a": 1})
    client = harness(FakeServer(json_response(200, payload)), on_drift=seen.append)
    for _ in range(2):
        client.request("get", "/contacts/1", cast_to=Lead)
    kinds = sorted((d.pointer, d.kind) for d in seen)
    expected = [("/avatar", "invalid"), ("/extra_field", "unknown-field"), ("/role", "unknown-enum-value")]
    assert kinds == sorted(expected * 2)


def test_unknown_fields_are_listed_on_raw_responses_only_when_asked(harness: Build) -> None:
    client = harness(FakeServer(json_response(200, lead(new_thing=True, role="visitor"))))
    raw = client.request("get", "/contacts/1", cast_to=Lead, options={"_raw_response": True})
    assert isinstance(raw, APIResponse)
    expected = [("/new_thing", "unknown-field"), ("/role", "unknown-enum-value")]
    assert [(d.pointer, d.kind) for d in raw.drift] == expected
    assert raw.drift[1].expected == "'lead' | 'user'"


def test_an_empty_body_gives_an_empty_model(harness: Build) -> None:
    value = harness(FakeServer(httpx.Response(200))).request("get", "/contacts/1", cast_to=Lead)
    assert isinstance(value, Lead) and value.id is None


def test_a_body_that_is_not_json_still_raises(harness: Build) -> None:
    reply = httpx.Response(200, content=b'{"id": "1", "na', headers={"Content-Type": "application/json"})
    with pytest.raises(ResponseValidationError):
        harness(FakeServer(reply)).request("get", "/contacts/1", cast_to=Contact)


def test_extra_body_is_merged_and_sent_as_given(harness: Build) -> None:
    server = FakeServer(json_response(200, {"id": "1"}))
    client = harness(server)
    options: Any = {"extra_body": {"custom_attributes": {"employees": 450, "paid": True}, "name": None}}
    client.request("post", "/contacts", cast_to=Contact, body={"email": "a@example.com"}, options=options)
    sent = json.loads(server.last.content)
    assert sent == {"email": "a@example.com", "custom_attributes": {"employees": 450, "paid": True}, "name": None}
    client.request("post", "/contacts", cast_to=Contact, options={"extra_body": {"role": "lead"}})
    assert json.loads(server.last.content) == {"role": "lead"}
    with pytest.raises(TypeError, match="JSON object body"):
        client.request("post", "/contacts", cast_to=Contact, body=[1], options={"extra_body": {"a": 1}})
