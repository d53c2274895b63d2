"""The spec's own response examples, drifted the way live APIs drift, through every client.

Each example is mutated at a few of its places (chosen deterministically from its leaves and
objects): a value becomes ``null``, a key disappears, a value changes JSON type, an object arrives
as a string, an unknown key or an unknown enum value appears. Whatever the mutation, the default
client returns a value of the method's type, and whenever strict mode refuses the answer, the
default client's drift records say where.
"""

from __future__ import annotations

import copy
import json
import logging
import random
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pydantic
import pytest

from generator.ir.model import Operation
from tests.support import CLIENT_PACKAGES, api_for, call_args, package_module

Path = tuple[str | int, ...]
PLACES_PER_EXAMPLE = 3


@pytest.fixture(autouse=True)
def _quiet_drift_log(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    with caplog.at_level(logging.ERROR, logger="intercom.drift"):
        yield


def _places(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:2]):
            yield from _places(item, (*path, index))


def _set(document: Any, path: Path, value: Any) -> None:
    for part in path[:-1]:
        document = document[part]
    document[path[-1]] = value


def _delete(document: Any, path: Path) -> None:
    for part in path[:-1]:
        document = document[part]
    del document[path[-1]]


def _other_type(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int | float):
        return {"amount": value}
    if isinstance(value, str):
        return [value]
    return 12345


Mutation = Callable[[Any, Path, Any], bool]


def _to_null(document: Any, path: Path, value: Any) -> bool:
    _set(document, path, None)
    return value is not None


def _drop_key(document: Any, path: Path, value: Any) -> bool:
    if not isinstance(path[-1], str):
        return False
    _delete(document, path)
    return True


def _change_type(document: Any, path: Path, value: Any) -> bool:
    if isinstance(value, dict | list) or value is None:
        return False
    _set(document, path, _other_type(value))
    return True


def _object_as_string(document: Any, path: Path, value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    _set(document, path, "https://example.com/" + "/".join(map(str, path)))
    return True


def _unknown_key(document: Any, path: Path, value: Any) -> bool:
    if not isinstance(value, dict) or "type" not in value:  # an Intercom object (a model), not a free-form map
        return False
    value["x_new_field_from_the_future"] = {"nested": [1, "two"]}
    return True


def _unknown_enum_value(document: Any, path: Path, value: Any) -> bool:
    if not (isinstance(value, str) and path and path[-1] in ("type", "state", "role", "status", "part_type")):
        return False
    _set(document, path, value + "_from_the_future")
    return True


MUTATIONS: dict[str, Mutation] = {
    "null": _to_null,
    "missing": _drop_key,
    "type": _change_type,
    "object-as-string": _object_as_string,
    "unknown-key": _unknown_key,
    "unknown-enum-value": _unknown_enum_value,
}


def _json_example(op: Operation) -> Any:
    if op.result.annotation in ("None", "str", "bytes", "Any"):
        return None
    response = next((r for r in op.responses if r.status == op.result.status), None)
    if response is None or not response.examples:
        return None
    example = next(iter(response.examples.values()))
    return example if isinstance(example, dict | list) else None


def _cases() -> list[Any]:
    cases = []
    for package in CLIENT_PACKAGES:
        for op in api_for(package).operations:
            example = _json_example(op)
            if example is None:
                continue
            for name in MUTATIONS:
                cases.append(pytest.param(package, op, name, id=f"{package}|{op.key}|{name}"))
    return cases


def _call(package: str, op: Operation, body: Any, *, strict: bool) -> tuple[Any, list[Any]]:
    status = int(op.result.status) if op.result.status and op.result.status.isdigit() else 200
    answer = httpx.Response(status, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    drift: list[Any] = []
    module = package_module(package)
    transport = httpx.MockTransport(lambda request: answer)
    client = module.Intercom("tok", http_client=httpx.Client(transport=transport), strict=strict, on_drift=drift.append)
    resource = next(r for r in api_for(package).resources if op in r.operations)
    args, kwargs = call_args(package, op)
    value = getattr(getattr(client, resource.attribute), op.py_name)(*args, **kwargs)
    return value, drift


def _pointer(path: Path) -> str:
    return "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in path)


@pytest.mark.parametrize(("package", "op", "mutation"), _cases())
def test_drifted_answers_return_a_value_and_say_where(package: str, op: Operation, mutation: str) -> None:
    module = package_module(package)
    example = _json_example(op)
    places = [path for path, value in _places(example) if path]
    rng = random.Random(f"{package}|{op.key}|{mutation}")  # noqa: S311 - the same places on every run
    tried = 0
    for path in rng.sample(places, min(len(places), 12)):
        drifted = copy.deepcopy(example)
        if not MUTATIONS[mutation](drifted, path, _value_at(drifted, path)):
            continue
        tried += 1
        value, drift = _call(package, op, drifted, strict=False)
        assert value is not None
        try:
            _call(package, op, drifted, strict=True)
        except module.ResponseValidationError:
            invalid = [d for d in drift if d.kind in ("invalid", "missing")]
            assert invalid, f"strict mode refused {_pointer(path)} but no drift was recorded"
        if mutation == "unknown-key" and isinstance(_parsed_at(value, path), pydantic.BaseModel):
            assert any(d.kind == "unknown-field" and d.pointer.startswith(_pointer(path)) for d in drift), path
        if tried >= PLACES_PER_EXAMPLE:
            break


def _parsed_at(value: Any, path: Path) -> Any:
    """What the parsed answer holds at ``path`` (wire keys), or None when it has no such place."""
    for part in path:
        while isinstance(value, pydantic.RootModel):
            value = value.root
        if isinstance(value, pydantic.BaseModel):
            names = {
                (f.validation_alias.choices[0] if f.validation_alias else n): n
                for n, f in type(value).model_fields.items()
            }  # type: ignore[union-attr]
            value = getattr(value, names[part], None) if part in names else None
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    while isinstance(value, pydantic.RootModel):
        value = value.root
    return value


def _value_at(document: Any, path: Path) -> Any:
    for part in path:
        document = document[part]
    return document
