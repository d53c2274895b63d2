"""Helpers shared by the functional tests: the IR of each client version and its package."""

from __future__ import annotations

import functools
import importlib
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic

from generator.core.diagnostics import Diagnostics
from generator.ir.model import Api, Operation
from generator.ir.source import SpecSource, load_api
from generator.spec.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent

GENERATED = ROOT / "generated"
CLIENT_PACKAGES = tuple(entry.package for entry in load_registry().clients() if entry.package)


@functools.cache
def api_for(package: str) -> Api:
    """The IR the package was generated from: the spec with its registered corrections."""
    entry = next(e for e in load_registry().clients() if e.package == package)
    return load_api(SpecSource.of_entry(entry), Diagnostics(), locate=False).api


@functools.cache
def package_module(package: str) -> ModuleType:
    import sys

    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    return importlib.import_module(package)


def annotation_type(package: str, annotation: str) -> Any:
    """Evaluate an IR annotation string (``_models.X | None`` ...) in the package's namespace."""
    models = importlib.import_module(f"{package}.models")
    namespace = {"_models": models, "Any": typing.Any, "Literal": typing.Literal}
    return eval(annotation, namespace)  # noqa: S307 - annotation strings come from our own IR


def example_misfit(package: str, op: Operation) -> str | None:
    """Why the first example of the operation's success answer may not parse, when the generator
    reported that it does not fit its schema (``example-type-mismatch``); None otherwise."""
    response = next((r for r in op.responses if r.status == op.result.status), None)
    names = list(response.examples) if response is not None else []
    return api_for(package).example_misfits.get((op.key, str(op.result.status), names[0])) if names else None


def client_lineage(package: str) -> list[str]:
    """``package``, then the packages of the client versions it follows (by ``predecessor``), nearest first."""
    registry = load_registry()
    entry = next(e for e in registry.clients() if e.package == package)
    lineage, seen = [], set()
    while entry.name not in seen:
        seen.add(entry.name)
        if entry.package:
            lineage.append(entry.package)
        if entry.predecessor is None:
            break
        entry = registry.get(entry.predecessor)
    return lineage


def method_of(client: Any, op: Operation) -> Any:
    resource = next(r for r in api_for_client(client).resources if op in r.operations)
    return getattr(getattr(client, resource.attribute), op.py_name)


def api_for_client(client: Any) -> Api:
    return api_for(type(client).__module__.split(".")[0])


def _value(package: str, annotation: str) -> Any:
    kind = annotation_type(package, annotation)
    origin = typing.get_origin(kind)
    if kind is str or annotation.endswith("| str"):
        return "value 1/2"
    if kind is int:
        return 7
    if kind is bool:
        return True
    if kind is float:
        return 1.5
    if origin is list:
        return []
    return {"key": "v"}


def _body(package: str, annotation: str) -> Any:
    kind = annotation_type(package, annotation)
    options = (
        typing.get_args(kind) if typing.get_origin(kind) in (typing.Union, __import__("types").UnionType) else (kind,)
    )
    first = options[0]
    if isinstance(first, type) and issubclass(first, pydantic.BaseModel):
        return first.model_construct()
    return [] if typing.get_origin(first) is list else {}


def call_args(package: str, op: Operation) -> tuple[list[Any], dict[str, Any]]:
    """Arguments for calling ``op``'s method: a value for every path and required parameter, and a
    whole body (``body=``, a model or a dict)."""
    args = [_value(package, p.annotation) for p in op.path_parameters]
    kwargs = {p.py_name: _value(package, p.annotation) for p in op.parameters if p.location != "path" and p.required}
    if op.body is not None:
        kwargs["body"] = _body(package, op.body.annotation)
    return args, kwargs
