"""Answers from a newer Intercom still parse, in every generated version, and keep what is new.

Intercom adds fields and enum values without a new API version, leaves optional fields out and
sends ``null`` where a field is nullable. Starting from every response example of the spec that
parses into a model, each test changes it in one of those ways and parses it again:

- unknown fields (at the top and inside a nested model) stay reachable: ``model_extra``, attribute
  access and ``model_dump`` all give them back;
- an unknown value in an enum field is kept as the string it is;
- every optional field left out parses, the attributes falling back to their defaults;
- ``null`` in every nullable field parses to ``None``.

The last test sends such an answer through a generated client over HTTP.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Literal

import httpx
import pytest
from pydantic import BaseModel, RootModel, ValidationError

from generator.ir.model import Operation
from tests.support import CLIENT_PACKAGES, annotation_type, api_for, package_module

NEW_FIELD = "field_from_a_newer_api"
NEW_VALUE = {"nested": [1, "two", None], "flag": True}
NEW_ENUM_VALUE = "value_from_a_newer_api"


def _examples(package: str) -> Iterator[tuple[str, type[BaseModel], dict[str, Any]]]:
    """(label, model class, example) for every success example that parses into a model as it is."""
    package_module(package)
    for op in api_for(package).operations:
        if not op.result.annotation.startswith("_models.") or op.result.needs_cast:
            continue
        model = annotation_type(package, op.result.annotation)
        response = next(r for r in op.responses if r.status == op.result.status)
        for name, example in response.examples.items():
            if not isinstance(example, dict):
                continue
            try:
                model.model_validate(example)
            except ValidationError:
                continue  # a spec defect, listed in test_examples_parse.py
            yield f"{op.key} {name}", model, example


def _union_args(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def _is_open_enum(annotation: Any) -> bool:
    args = _union_args(annotation)
    return any(typing.get_origin(a) is Literal for a in args) and str in args


def _nested_model_field(model: BaseModel, example: dict[str, Any]) -> tuple[str, str] | None:
    """(field name, wire name) of the first field holding a nested model (not a root model)."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        alias = info.alias or name
        if isinstance(value, BaseModel) and not isinstance(value, RootModel) and isinstance(example.get(alias), dict):
            return name, alias
    return None


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_unknown_fields_stay_reachable(package: str) -> None:
    checked = nested_checked = 0
    for label, model, example in _examples(package):
        parsed = model.model_validate({**example, NEW_FIELD: NEW_VALUE})
        assert parsed.model_extra is not None and parsed.model_extra[NEW_FIELD] == NEW_VALUE, label
        assert getattr(parsed, NEW_FIELD) == NEW_VALUE, label
        assert parsed.model_dump(mode="json", by_alias=True)[NEW_FIELD] == NEW_VALUE, label
        checked += 1
        found = _nested_model_field(model.model_validate(example), example)
        if found is None:
            continue
        field, alias = found
        inner = {**example[alias], NEW_FIELD: 7}
        nested = getattr(model.model_validate({**example, alias: inner}), field)
        assert nested.model_extra == {**(nested.model_extra or {}), NEW_FIELD: 7} and getattr(nested, NEW_FIELD) == 7
        nested_checked += 1
    assert checked > 60 and nested_checked > 20, (checked, nested_checked)


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_unknown_enum_values_are_kept(package: str) -> None:
    checked = 0
    for label, model, example in _examples(package):
        for name, info in model.model_fields.items():
            if not _is_open_enum(info.annotation):
                continue
            parsed = model.model_validate({**example, info.alias or name: NEW_ENUM_VALUE})
            assert getattr(parsed, name) == NEW_ENUM_VALUE, f"{label}: {name}"
            checked += 1
    assert checked > 20, checked


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_optional_fields_may_be_missing(package: str) -> None:
    checked = 0
    for label, model, example in _examples(package):
        optional = {info.alias or name: name for name, info in model.model_fields.items() if not info.is_required()}
        trimmed = {key: value for key, value in example.items() if key not in optional}
        if len(trimmed) == len(example):
            continue
        parsed = model.model_validate(trimmed)
        for key in set(example) - set(trimmed):
            name = optional[key]
            assert getattr(parsed, name) == model.model_fields[name].get_default(call_default_factory=True), label
        checked += 1
    assert checked > 60, checked


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_nullable_fields_may_be_null(package: str) -> None:
    checked = 0
    for label, model, example in _examples(package):
        nullable = [
            (info.alias or name, name)
            for name, info in model.model_fields.items()
            if type(None) in _union_args(info.annotation)
        ]
        if not nullable:
            continue
        parsed = model.model_validate({**example, **{alias: None for alias, _ in nullable}})
        assert all(getattr(parsed, name) is None for _, name in nullable), label
        checked += 1
    assert checked > 60, checked


def _show_contact(package: str) -> Operation:
    return next(op for op in api_for(package).operations if op.py_name == "show_contact")


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_a_newer_answer_through_the_client(package: str) -> None:
    op = _show_contact(package)
    response = next(r for r in op.responses if r.status == op.result.status)
    example = next(iter(response.examples.values()))
    newer = {**example, NEW_FIELD: NEW_VALUE, "role": NEW_ENUM_VALUE}
    newer.pop("email", None)
    newer["name"] = None

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=newer)

    module = package_module(package)
    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = module.Intercom(token="test-token", base_url="https://api.intercom.io", http_client=http)
    contact = client.contacts.show_contact("abc")
    assert isinstance(contact, annotation_type(package, op.result.annotation))
    assert contact.model_extra[NEW_FIELD] == NEW_VALUE
    assert getattr(contact, NEW_FIELD) == NEW_VALUE
    assert (contact.role, contact.email, contact.name) == (NEW_ENUM_VALUE, None, None)
