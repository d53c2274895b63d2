"""Path, query, header and body encoding, checked on the requests that reach the server."""

from __future__ import annotations

import enum
import json
import random
import urllib.parse
from collections.abc import Callable

import httpx
import pytest
from pydantic import BaseModel
from runtime_support import Contact, FakeServer, Harness

from generator.runtime._encode import build_path, encode_body, encode_query, merge_query

Build = Callable[..., Harness]
HOSTILE_IDS = [
    "../admins",
    "..",
    ".",
    "a/b?c=d",
    "a#fragment",
    "100%",
    "with space",
    "ünïcødé/名前",
    "%2e%2e%2fadmins",
    "?x=1&y=2",
    "a;b=c",
    "\\..\\admins",
]


class Color(enum.Enum):
    RED = "red"


class Filter(BaseModel):
    state: str | None = None
    kind: str | None = None


def test_path_params_are_percent_encoded(harness: Build) -> None:
    server = FakeServer()
    harness(server).request(
        "get", "/contacts/{id}/notes/{note_id}", cast_to=object, path_params={"id": "abc", "note_id": 42}
    )
    assert server.last.url.raw_path == b"/contacts/abc/notes/42"


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_hostile_ids_stay_inside_their_segment(harness: Build, hostile: str) -> None:
    server = FakeServer()
    harness(server).request("get", "/contacts/{id}", cast_to=object, path_params={"id": hostile})
    url = server.last.url
    raw_path = url.raw_path.decode("ascii")
    assert url.host == "api.intercom.io"
    assert url.query == b""
    assert url.fragment == ""
    prefix, segment = raw_path.rsplit("/", 1)
    assert prefix == "/contacts"
    assert urllib.parse.unquote(segment) == hostile
    assert segment not in {".", ".."}


def test_random_ids_round_trip_through_one_segment() -> None:
    rng = random.Random(20240611)  # noqa: S311 - a fixed seed for reproducible samples
    alphabet = "abc./?#%&=;:@+ \\\u00e9\u4e2d\U0001f600"
    for _ in range(500):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        path = build_path("/contacts/{id}", {"id": value})
        segment = path.removeprefix("/contacts/")
        assert "/" not in segment and "?" not in segment and "#" not in segment
        assert segment not in {".", ".."}
        assert urllib.parse.unquote(segment) == value
        assert httpx.URL("https://api.intercom.io" + path).raw_path.decode() == path


@pytest.mark.parametrize(
    ("template", "params", "message"),
    [
        ("/contacts/{id}", {}, "Missing path parameter"),
        ("/contacts/{id}", None, "Missing path parameter"),
        ("/contacts/{id}", {"id": "1", "other": "2"}, "Unexpected path parameter"),
        ("/contacts", {"id": "1"}, "Unexpected path parameter"),
        ("/contacts/{id}", {"id": ""}, "must not be empty"),
    ],
)
def test_path_param_mistakes_raise_value_error(template: str, params: dict[str, str] | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_path(template, params)


def test_path_param_errors_surface_from_request_before_sending(harness: Build) -> None:
    server = FakeServer()
    with pytest.raises(ValueError, match="Missing path parameter"):
        harness(server).request("get", "/contacts/{id}", cast_to=object)
    assert server.requests == []


def test_enum_path_param_uses_its_value() -> None:
    assert build_path("/x/{v}", {"v": Color.RED}) == "/x/red"  # type: ignore[dict-item]


def test_query_encoding(harness: Build) -> None:
    server = FakeServer()
    harness(server).request(
        "get",
        "/contacts",
        cast_to=object,
        query={
            "flag": True,
            "off": False,
            "gone": None,
            "ids": ["a", "b", None],
            "n": 3,
            "color": Color.RED,
            "text": "a b&c=d",
        },
    )
    assert server.last.url.params.multi_items() == [
        ("flag", "true"),
        ("off", "false"),
        ("ids", "a"),
        ("ids", "b"),
        ("n", "3"),
        ("color", "red"),
        ("text", "a b&c=d"),
    ]


def test_explode_merges_mapping_items_into_the_query(harness: Build) -> None:
    server = FakeServer()
    harness(server).request(
        "get",
        "/events",
        cast_to=object,
        query={"type": "user", "filter": {"user_id": "u1", "email": None, "intercom_user_id": "x"}},
        explode=("filter",),
    )
    assert server.last.url.params.multi_items() == [
        ("type", "user"),
        ("user_id", "u1"),
        ("intercom_user_id", "x"),
    ]


def test_explode_accepts_a_model_and_none() -> None:
    merged = merge_query(None, {"filter": Filter(state="open"), "other": None}, ("filter", "other"), None)
    assert merged == {"state": "open"}


def test_unexploded_object_in_query_is_rejected() -> None:
    with pytest.raises(TypeError, match="explode"):
        encode_query({"filter": {"a": 1}})
    with pytest.raises(TypeError, match="needs a mapping"):
        merge_query(None, {"filter": 3}, ("filter",), None)


def test_default_query_and_extra_query_layers(harness: Build) -> None:
    server = FakeServer()
    client = harness(server, default_query={"per_page": 5, "region": "x"})
    client.request(
        "get",
        "/contacts",
        cast_to=object,
        query={"per_page": 10, "order": "asc"},
        options={"extra_query": {"order": "desc", "debug": True}},
    )
    assert server.last.url.params.multi_items() == [
        ("per_page", "10"),
        ("region", "x"),
        ("order", "desc"),
        ("debug", "true"),
    ]


def test_headers_from_operation_and_options(harness: Build) -> None:
    server = FakeServer()
    client = harness(server, default_headers={"X-Team": "support"})
    client.request(
        "get",
        "/contacts",
        cast_to=object,
        headers={"Intercom-Version": None, "X-Flag": True, "X-Dropped": None},
        options={"extra_headers": {"X-Team": "sales", "x-extra": "1"}},
    )
    headers = server.last.headers
    assert headers["Intercom-Version"] == "2.13"
    assert headers["X-Flag"] == "true"
    assert "X-Dropped" not in headers
    assert headers["X-Team"] == "sales"
    assert headers["X-Extra"] == "1"


def test_operation_header_overrides_the_version(harness: Build) -> None:
    server = FakeServer()
    harness(server).request("get", "/contacts", cast_to=object, headers={"Intercom-Version": "2.11"})
    assert server.last.headers.get_list("Intercom-Version") == ["2.11"]


def test_model_body_is_dumped_by_alias_and_only_set_fields(harness: Build) -> None:
    server = FakeServer()
    harness(server).request("post", "/contacts", cast_to=object, body=Contact(id="1", externalId="e-1"))
    request = server.last
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {"id": "1", "externalId": "e-1"}


def test_list_and_dict_bodies_dump_nested_models(harness: Build) -> None:
    server = FakeServer()
    client = harness(server)
    client.request("post", "/bulk", cast_to=object, body=[Contact(id="1"), Contact(id="2", name="N")])
    assert json.loads(server.last.content) == [{"id": "1"}, {"id": "2", "name": "N"}]
    client.request(
        "post",
        "/search",
        cast_to=object,
        body={"query": {"field": "name"}, "contacts": (Contact(id="3", externalId="x"),), "color": Color.RED},
    )
    assert json.loads(server.last.content) == {
        "query": {"field": "name"},
        "contacts": [{"id": "3", "externalId": "x"}],
        "color": "red",
    }


def test_no_body_sends_no_content(harness: Build) -> None:
    server = FakeServer()
    harness(server).request("delete", "/contacts/{id}", cast_to=object, path_params={"id": "1"})
    assert server.last.content == b""
    assert "Content-Type" not in server.last.headers


def test_empty_dict_body_is_still_sent() -> None:
    assert encode_body({}) == b"{}"
    assert encode_body(None) is None


def test_body_with_unsupported_value_fails_clearly() -> None:
    with pytest.raises(TypeError, match="cannot be sent as JSON"):
        encode_body({"x": object()})
    with pytest.raises(ValueError, match="Out of range float"):
        encode_body({"x": float("nan")})


def test_unicode_body_is_utf8() -> None:
    assert encode_body({"name": "Zoë 名前"}) == '{"name":"Zoë 名前"}'.encode()
