"""The generated client package of one version, seen through its IR: methods, models, fields.

Assertion kinds use these lookups to confirm a spec finding in the package (``confirm``).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from ..ir.model import Operation
from .specquery import Version

_MODEL_REF = re.compile(r"_models\.(\w+)")


class PackageError(Exception):
    """The generated package cannot be imported (missing, or shadowed by another module)."""


def import_package(name: str, root: Path) -> ModuleType:
    """Import ``root/name`` as top-level package ``name`` (or return it when already imported from there)."""
    folder = (root / name).resolve()
    existing = sys.modules.get(name)
    if existing is not None:
        where = getattr(existing, "__file__", None)
        if where and Path(where).resolve().parent == folder:
            return existing
        raise PackageError(f"another module named {name!r} is already imported ({where})")
    init = folder / "__init__.py"
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(folder)])
    if not init.is_file() or spec is None or spec.loader is None:
        raise PackageError(f"generated/{name} is missing; run `intercom-gen generate`")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise PackageError(f"generated/{name} does not import: {exc}") from exc
    return module


class PackageView:
    """Lookups in one imported package, guided by the IR of its version."""

    def __init__(self, version: Version, root: Path) -> None:
        assert version.package is not None
        self.version = version
        self.name = version.package
        self.module = import_package(self.name, root)
        self.models = importlib.import_module(f"{self.name}.models")

    def method(self, op: Operation) -> Any:
        resource = next((r for r in self.version.api.resources if op in r.operations), None)
        if resource is None:
            return None
        module = importlib.import_module(f"{self.name}.resources.{resource.module}")
        return getattr(getattr(module, resource.class_name, None), op.py_name, None)

    def any_method(self, name: str) -> bool:
        for resource in self.version.api.resources:
            module = importlib.import_module(f"{self.name}.resources.{resource.module}")
            if hasattr(getattr(module, resource.class_name, None), name):
                return True
        return False

    def model(self, schema_key: str) -> type[BaseModel] | None:
        found = next((m for m in self.version.api.models if m.schema_key == schema_key), None)
        model = getattr(self.models, found.class_name, None) if found else None
        return model if isinstance(model, type) and issubclass(model, BaseModel) else None

    def annotated(self, annotation: str) -> list[type[BaseModel]]:
        """Model classes named in an IR annotation, with root-model unions opened up."""
        out: list[type[BaseModel]] = []
        for name in _MODEL_REF.findall(annotation):
            model = getattr(self.models, name, None)
            if isinstance(model, type) and issubclass(model, BaseModel):
                out.extend(members(model))
        return out

    def property_models(self, schema: str | None, operation: str | None) -> list[type[BaseModel]]:
        """The models a property of a schema, or of an operation's request body, lives on."""
        if schema is not None:
            model = self.model(schema)
            return [model] if model else []
        op = self.version.operation(str(operation))
        return self.annotated(op.body.annotation) if op is not None and op.body is not None else []

    def sample_models(self, schema: str | None, operation: str | None, status: str | None) -> list[type[BaseModel]]:
        """The models a sample of a schema, a response (``status``) or a request body parses with."""
        if schema is not None or operation is None:
            return self.property_models(schema, None)
        op = self.version.operation(operation)
        if op is None:
            return []
        if status is not None:
            return self.annotated(op.result.annotation) if op.result.status == status else []
        return self.annotated(op.body.annotation) if op.body is not None else []


def members(model: type[BaseModel], depth: int = 0) -> list[type[BaseModel]]:
    """The concrete models behind a (possibly nested) root-model union."""
    if not issubclass(model, RootModel) or depth > 8:
        return [model]
    root = model.model_fields["root"].annotation
    args = typing.get_args(root) or (root,)
    return [m for a in args if isinstance(a, type) and issubclass(a, BaseModel) for m in members(a, depth + 1)]


def model_field(model: type[BaseModel], name: str) -> Any:
    for key, info in model.model_fields.items():
        if name in (key, info.alias):
            return info
    return None


def nested_fields(models: list[type[BaseModel]], path: str) -> list[Any]:
    """The field infos of a dotted property path (``assignment.admin_assignee_id``) on ``models``."""
    infos: list[Any] = []
    for index, name in enumerate(path.replace("[]", "").split(".")):
        if index:
            models = [m for info in infos for m in _models_in(info.annotation)]
        infos = [i for i in (model_field(m, name) for m in models) if i is not None]
    return infos


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            out.extend(members(current))
        else:
            stack.extend(typing.get_args(current))
    return out


def admits_none(annotation: Any) -> bool:
    return (
        annotation is None
        or type(None) in typing.get_args(annotation)
        or (isinstance(annotation, types.UnionType) and type(None) in annotation.__args__)
    )


def parses(models: list[type[BaseModel]], payload: Any) -> tuple[bool, str]:
    errors = []
    for model in models:
        try:
            model.model_validate(payload)
            return True, f"{model.__name__} parses it"
        except ValidationError as exc:
            errors.append(f"{model.__name__}: {exc.errors()[0]['msg']} at {exc.errors()[0]['loc']}")
    return False, "; ".join(errors) or "no model to parse it with"


def literal_values(annotation: Any) -> set[str] | None:
    """The values of the ``Literal[...]`` members of a field's annotation (None when it has none)."""
    found: set[str] = set()
    stack = [annotation]
    while stack:
        current = stack.pop()
        if typing.get_origin(current) is typing.Literal:
            found.update(str(v) for v in typing.get_args(current))
        else:
            stack.extend(typing.get_args(current))
    return found or None
