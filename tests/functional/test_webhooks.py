"""``<package>.webhooks``: Intercom's signature is checked in constant time, notifications parse
into the version's models."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from tests.support import package_module

SECRET = "client-secret"
BODY = json.dumps(
    {
        "type": "notification_event",
        "app_id": "abc123",
        "topic": "contact.lead.created",
        "id": "notif_1",
        "created_at": 1717000000,
        "delivery_attempts": 1,
        "first_sent_at": 1717000000,
        "data": {"type": "notification_event_data", "item": {"type": "contact", "id": "c1", "email": "a@b.c"}},
    }
).encode()


def _signed(body: bytes, secret: str = SECRET) -> str:
    return "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


@pytest.mark.parametrize("package", ["v2_11", "v2_13", "unstable"])
def test_a_signature_made_with_the_client_secret_verifies(package: str) -> None:
    webhooks = package_module(package).webhooks
    assert webhooks.verify_signature(BODY, _signed(BODY), SECRET)


@pytest.mark.parametrize(
    "signature",
    [
        _signed(BODY, "another secret"),
        _signed(BODY + b" "),
        _signed(BODY).removeprefix("sha1="),
        _signed(BODY).replace("sha1=", "sha256="),
        "",
        "sha1=" + "é" * 40,
    ],
)
def test_anything_else_does_not(signature: str) -> None:
    assert not package_module("v2_13").webhooks.verify_signature(BODY, signature, SECRET)


def test_a_notification_parses_into_the_models_of_its_version() -> None:
    package = package_module("v2_13")
    notification = package.webhooks.parse_notification(BODY)
    assert notification.topic == "contact.lead.created"
    assert (notification.id, notification.app_id, notification.created_at) == ("notif_1", "abc123", 1717000000)
    assert isinstance(notification.data.item, package.models.Contact)
    assert notification.data.item.email == "a@b.c"
    assert notification.raw["data"]["item"]["id"] == "c1"


def test_unknown_topics_and_item_types_are_kept_as_they_came() -> None:
    body = json.dumps({"topic": "brand_new.topic", "data": {"item": {"type": "something_new", "x": 1}}}).encode()
    notification = package_module("v2_13").webhooks.parse_notification(body)
    assert notification.topic == "brand_new.topic"
    assert notification.data.item == {"type": "something_new", "x": 1}


def test_each_known_item_type_is_a_model() -> None:
    package = package_module("v2_13")
    for kind, name in package.webhooks.ITEM_MODELS.items():
        model = getattr(package.models, name)
        body = json.dumps({"topic": "ping", "data": {"item": {"type": kind, "id": "1"}}}).encode()
        assert isinstance(package.webhooks.parse_notification(body).data.item, model), kind


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b"[" * 100_000])
def test_a_body_that_is_no_json_object_is_a_value_error(body: bytes) -> None:
    with pytest.raises(ValueError, match="webhook body must be"):
        package_module("v2_13").webhooks.parse_notification(body)
