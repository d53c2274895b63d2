"""Helpers shared by the functional tests: the IR of each client version and its package."""

from __future__ import annotations

import functools
import importlib
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.ir.model import Api, Operation
from generator.load import load_mapping
from generator.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent

# Response examples in the specs that cannot parse into the spec's own schema (spec defects):
# (package, "METHOD path", status, example name) -> why. Tests assert each still fails, so the
# list cannot go stale.
KNOWN_DEFECTS: dict[tuple[str, str, str, str], str] = {
    ("unstable", "POST /tickets/{ticket_id}/change_type", "200", "Successful response"): (
        "example gives `ticket_state` as a string; schema ticket.ticket_state is an object (ticket_state)"
    ),
}
GENERATED = ROOT / "generated"
CLIENT_PACKAGES = tuple(entry.package for entry in load_registry().clients() if entry.package)


@functools.cache
def api_for(package: str) -> Api:
    entry = next(e for e in load_registry().clients() if e.package == package)
    document, _ = load_mapping(entry.spec)
    return build_api(document, entry.spec_label(), Diagnostics())


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


def method_of(client: Any, op: Operation) -> Any:
    resource = next(r for r in api_for_client(client).resources if op in r.operations)
    return getattr(getattr(client, resource.attribute), op.py_name)


def api_for_client(client: Any) -> Api:
    return api_for(type(client).__module__.split(".")[0])
