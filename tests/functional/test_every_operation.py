"""Every operation of every client version, called through the generated client over MockTransport.

Each call checks what goes on the wire (method, path with encoded ids, required query and header
parameters, JSON body, version header, bearer token) and that the response parses into the
method's declared return type. Sync and async clients are both exercised.
"""

from __future__ import annotations

import asyncio
import json
import typing
from typing import Any
from urllib.parse import quote

import httpx
import pydantic
import pytest

from generator.ir.model import Operation, Parameter
from generator.ir.validate import HTTP_METHODS
from tests.support import CLIENT_PACKAGES, annotation_type, api_for, call_args, example_misfit, package_module

TOKEN = "tok-functional"


def _response_for(op: Operation) -> httpx.Response:
    status = int(op.result.status) if op.result.status and op.result.status.isdigit() else 200
    response = next((r for r in op.responses if r.status == op.result.status), None)
    if op.result.annotation == "None":
        return httpx.Response(204 if status == 200 else status)
    if op.result.annotation == "str":
        if status in (301, 302, 303, 307):
            return httpx.Response(status, headers={"Location": "https://files.example/recording"})
        return httpx.Response(status, text="plain text", headers={"Content-Type": "text/plain"})
    empty: Any = [] if op.result.annotation.startswith("list[") else {}
    example = next(iter(response.examples.values()), empty) if response is not None else empty
    return httpx.Response(status, json=example, headers={"X-Request-Id": "req-1"})


def _expected_path(op: Operation, args: list[Any], kwargs: dict[str, Any]) -> str:
    values = dict(zip([p.py_name for p in op.path_parameters], args, strict=False)) | kwargs
    path = op.path
    for parameter in op.path_arguments:
        path = path.replace("{" + parameter.name + "}", quote(str(values[parameter.py_name]), safe=""))
    return path


def _check_request(op: Operation, request: httpx.Request, call: tuple[list[Any], dict[str, Any]], version: str) -> None:
    args, kwargs = call
    assert request.method == op.method.upper()
    assert request.url.raw_path.decode().split("?")[0] == _expected_path(op, args, kwargs)
    assert request.headers["Intercom-Version"] == (op.version_header or version)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    required: list[Parameter] = [p for p in op.query_parameters if p.required and not p.explode_object]
    for parameter in required:
        assert parameter.name in request.url.params, parameter.name
    for parameter in op.header_parameters:
        if parameter.required:
            assert parameter.name in request.headers
    if op.body is not None:
        assert request.headers["Content-Type"] == "application/json"
        json.loads(request.content)
    else:
        assert request.content == b""


def _cases() -> list[Any]:
    return [
        pytest.param(package, op, id=f"{package}|{op.key}")
        for package in CLIENT_PACKAGES
        for op in api_for(package).operations
    ]


def _resource_attribute(package: str, op: Operation) -> str:
    return next(r.attribute for r in api_for(package).resources if op in r.operations)


def _check_result(package: str, op: Operation, result: Any) -> None:
    if op.result.annotation == "Any":
        return  # the spec describes no success response: the decoded JSON comes back as is
    expected = annotation_type(package, op.result.annotation) if op.result.annotation != "None" else type(None)
    if isinstance(expected, type) and typing.get_origin(expected) is None:
        assert isinstance(result, expected), (type(result), expected)
    else:
        pydantic.TypeAdapter(expected).validate_python(result)


@pytest.mark.parametrize(("package", "op"), _cases())
def test_sync_call_reaches_the_wire_and_parses(package: str, op: Operation) -> None:
    module = package_module(package)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _response_for(op)

    drift: list[Any] = []
    client = module.Intercom(
        token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler)), on_drift=drift.append
    )
    args, kwargs = call_args(package, op)
    method = getattr(getattr(client, _resource_attribute(package, op)), op.py_name)
    result = method(*args, **kwargs)
    if [d for d in drift if d.kind in ("invalid", "missing")]:
        # a spec whose own example does not fit: the client returns what fits and says where it drifted
        assert example_misfit(package, op), f"drift the generator did not report: {drift}"
        assert result is not None
        with pytest.raises(module.ResponseValidationError):
            method(*args, **kwargs, request_options={"strict": True})
        return
    (request,) = seen
    _check_request(op, request, (args, kwargs), module.API_VERSION)
    _check_result(package, op, result)


@pytest.mark.parametrize(("package", "op"), _cases())
def test_async_call_reaches_the_wire_and_parses(package: str, op: Operation) -> None:
    module = package_module(package)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _response_for(op)

    async def run() -> Any:
        transport = httpx.MockTransport(handler)
        async with module.AsyncIntercom(token=TOKEN, http_client=httpx.AsyncClient(transport=transport)) as client:
            args, kwargs = call_args(package, op)
            method = getattr(getattr(client, _resource_attribute(package, op)), op.py_name)
            try:
                return (args, kwargs), await method(*args, **kwargs, request_options={"strict": True})
            except module.ResponseValidationError:
                if not example_misfit(package, op):
                    raise
                return (args, kwargs), None

    call, result = asyncio.run(run())
    if result is None and example_misfit(package, op):
        return
    (request,) = seen
    _check_request(op, request, call, module.API_VERSION)
    _check_result(package, op, result)


def test_every_operation_of_each_spec_is_generated() -> None:
    for package in CLIENT_PACKAGES:
        api = api_for(package)
        declared = {f"{m.upper()} {p}" for p, item in api.spec["paths"].items() for m in HTTP_METHODS if m in item}
        assert {op.key for op in api.operations} == declared, package
        assert len(declared) > 100, package
