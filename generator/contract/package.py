"""Confirming claims in the generated client packages.

For every version of a claim that has a package (``generated/<package>``), the named things are
looked up in the package itself: the method exists and takes the parameter, the model has the
field, the field is Optional where the spec says null, the model parses the sample. A check
"agrees" when the package shows what the spec shows (present where the spec has it, absent where
it does not). Baseline versions have no package and are left to the spec check.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from pydantic import BaseModel, RootModel, ValidationError

from ..core.naming import snake_case
from ..ir.model import Operation
from .checks import Finding, Truth
from .claims import STRUCTURAL, Assertion
from .evaluate import ClaimResult
from .specquery import Version, request_examples

PackageStatus = Literal["confirmed", "mismatch", "not-applicable"]
_MODEL_REF = re.compile(r"_models\.(\w+)")


class PackageError(Exception):
    """The generated package cannot be imported (missing, or shadowed by another module)."""


@dataclass(frozen=True)
class PackageCheck:
    version: str
    package: str
    agrees: bool
    found: str

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "package": self.package, "agrees": self.agrees, "found": self.found}


@dataclass(frozen=True)
class PackageResult:
    status: PackageStatus
    checks: tuple[PackageCheck, ...] = ()
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "note": self.note, "checks": [c.as_dict() for c in self.checks]}


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


class _Package:
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
                out.extend(_members(model))
        return out


def _members(model: type[BaseModel], depth: int = 0) -> list[type[BaseModel]]:
    """The concrete models behind a (possibly nested) root-model union."""
    if not issubclass(model, RootModel) or depth > 8:
        return [model]
    root = model.model_fields["root"].annotation
    args = typing.get_args(root) or (root,)
    return [m for a in args if isinstance(a, type) and issubclass(a, BaseModel) for m in _members(a, depth + 1)]


def _field(model: type[BaseModel], name: str) -> Any:
    for key, info in model.model_fields.items():
        if name in (key, info.alias):
            return info
    return None


def _admits_none(annotation: Any) -> bool:
    return (
        annotation is None
        or type(None) in typing.get_args(annotation)
        or (isinstance(annotation, types.UnionType) and type(None) in annotation.__args__)
    )


def _parses(models: list[type[BaseModel]], payload: Any) -> tuple[bool, str]:
    errors = []
    for model in models:
        try:
            model.model_validate(payload)
            return True, f"{model.__name__} parses it"
        except ValidationError as exc:
            errors.append(f"{model.__name__}: {exc.errors()[0]['msg']} at {exc.errors()[0]['loc']}")
    return False, "; ".join(errors) or "no model to parse it with"


Confirm = Callable[[_Package, Assertion, Finding, Any], tuple[bool, str]]


def _confirm_operations(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    refs = [str(r) for r in (a.get("operations") or [a.get("operation")])]
    notes, agrees = [], True
    for ref in refs:
        op = pkg.version.operation(ref)
        if op is None:
            present = pkg.any_method(snake_case(ref))
            agrees &= not present
            notes.append(f"{ref}: {'a method exists' if present else 'no method'}")
            continue
        method = pkg.method(op)
        if method is None:
            agrees = False
            notes.append(f"{ref}: method {op.py_name} missing")
            continue
        signature = list(inspect.signature(method).parameters)
        wanted = [str(p) for p in a.get("parameters") or []] + ([str(a.get("parameter"))] if a.get("parameter") else [])
        for parameter in wanted:
            in_spec = next((p for p in op.parameters if p.name == parameter), None)
            agrees &= (in_spec is not None and in_spec.py_name in signature) == (in_spec is not None)
        notes.append(f"{op.py_name}({', '.join(p for p in signature if p != 'self')})")
    return agrees, "; ".join(notes)


def _property_models(pkg: _Package, a: Assertion) -> list[type[BaseModel]]:
    if a.get("schema") is not None:
        model = pkg.model(str(a.get("schema")))
        return [model] if model else []
    op = pkg.version.operation(str(a.get("operation")))
    return pkg.annotated(op.body.annotation) if op is not None and op.body is not None else []


def _confirm_property(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    models = _property_models(pkg, a)
    name = str(a.get("property"))
    having = [m.__name__ for m in models if _field(m, name) is not None]
    found = (
        f"{name} on {', '.join(having)}"
        if having
        else f"no {name} on {', '.join(m.__name__ for m in models) or '(no model)'}"
    )
    if finding.truth is Truth.TRUE:
        return bool(models) and len(having) == len(models), found
    if finding.truth is Truth.PARTLY:
        return bool(having), found
    return not having, found


def _confirm_schema(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    model = pkg.model(str(a.get("schema")))
    found = f"model {model.__name__}" if model else "no model"
    return (model is not None) == (finding.truth is Truth.TRUE), found


def _confirm_nullability(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    models = _property_models(pkg, a)
    infos = [i for i in (_field(m, str(a.get("property"))) for m in models) if i is not None]
    if not infos:
        return finding.truth is Truth.FALSE, "no such field"
    info = infos[0]
    optional, nullable = not info.is_required(), _admits_none(info.annotation)
    found = f"{a.get('property')}: {info.annotation!s}, {'optional' if optional else 'required'}"
    if finding.truth is not Truth.TRUE:
        return True, found  # a generated field may be wider than the spec; nothing to disagree with
    ok = (a.get("nullable") is not True or nullable) and (a.get("required") is not False or optional)
    return ok, found


def _confirm_default(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    models = _property_models(pkg, a)
    infos = [i for i in (_field(m, str(a.get("property"))) for m in models) if i is not None]
    if not infos:
        return finding.truth is Truth.FALSE, "no such field"
    defaults = {repr(i.default) for i in infos}
    found = f"default {', '.join(sorted(defaults))}"
    if finding.truth is Truth.UNKNOWN:
        return defaults == {"None"}, found + " (the client sends nothing unless set)"
    return (defaults == {repr(a.get("default"))}) == (finding.truth is Truth.TRUE), found


def _confirm_status(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    op = pkg.version.operation(str(a.get("operation")))
    method = pkg.method(op) if op is not None else None
    return method is not None, f"method {op.py_name}" if method is not None and op is not None else "no method"


def _sample_models(pkg: _Package, a: Assertion) -> list[type[BaseModel]]:
    if a.get("schema") is not None:
        model = pkg.model(str(a.get("schema")))
        return [model] if model else []
    op = pkg.version.operation(str(a.get("operation")))
    if op is None:
        return []
    if a.get("status") is not None:
        return pkg.annotated(op.result.annotation) if op.result.status == str(a.get("status")) else []
    return pkg.annotated(op.body.annotation) if op.body is not None else []


def _sample_agrees(finding: Finding, parsed: tuple[bool, str]) -> tuple[bool, str]:
    """A sample the spec accepts must parse; one it rejects may parse anyway (the models are lenient)."""
    ok, found = parsed
    return ok or finding.truth is not Truth.TRUE, found if ok else f"rejects it: {found}"


def _confirm_example(pkg: _Package, a: Assertion, finding: Finding, payload: Any) -> tuple[bool, str]:
    return _sample_agrees(finding, _parses(_sample_models(pkg, a), payload))


def _confirm_request_example(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    op = pkg.version.operation(str(a.get("operation")))
    if op is None or op.body is None:
        return finding.truth is Truth.FALSE, "no request body"
    examples, _pointer = request_examples(pkg.version, op)
    if str(a.get("example")) not in examples:
        return finding.truth is Truth.FALSE, "no such example"
    return _sample_agrees(finding, _parses(pkg.annotated(op.body.annotation), examples[str(a.get("example"))]))


def _confirm_version(pkg: _Package, a: Assertion, finding: Finding, _: Any) -> tuple[bool, str]:
    pinned = getattr(pkg.module, "API_VERSION", None)
    return (pinned == a.get("value")) == (finding.truth is Truth.TRUE), f"API_VERSION = {pinned!r}"


CONFIRMERS: Mapping[str, Confirm] = {
    "operation-added": _confirm_operations,
    "parameter-added": _confirm_operations,
    "property-added": _confirm_property,
    "body-property-added": _confirm_property,
    "schema-added": _confirm_schema,
    "nullability": _confirm_nullability,
    "default-value": _confirm_default,
    "response-status": _confirm_status,
    "example-validates": _confirm_example,
    "request-example": _confirm_request_example,
    "version-header": _confirm_version,
}
assert set(CONFIRMERS) == STRUCTURAL


class Confirmer:
    """Confirms claim results in the generated packages under ``root`` (one import per package)."""

    def __init__(self, versions: Mapping[str, Version], root: Path) -> None:
        self.versions = versions
        self.root = root
        self._packages: dict[str, _Package | PackageError] = {}

    def package(self, version: Version) -> _Package:
        if version.name not in self._packages:
            try:
                self._packages[version.name] = _Package(version, self.root)
            except PackageError as exc:
                self._packages[version.name] = exc
        found = self._packages[version.name]
        if isinstance(found, PackageError):
            raise found
        return found

    def confirm(self, result: ClaimResult) -> PackageResult:
        checks: list[PackageCheck] = []
        for item in result.items:
            if item.assertion.kind not in STRUCTURAL:
                continue
            for name, finding in item.findings.items():
                version = self.versions[name]
                if version.package is None:
                    continue
                pkg = self.package(version)
                agrees, found = CONFIRMERS[item.assertion.kind](pkg, item.assertion, finding, result.payload)
                checks.append(PackageCheck(name, version.package, agrees, found))
        if not checks:
            structural = any(i.assertion.kind in STRUCTURAL for i in result.items)
            note = "only baseline versions (no package)" if structural else "nothing a package can show"
            return PackageResult("not-applicable", (), note)
        status: PackageStatus = "confirmed" if all(c.agrees for c in checks) else "mismatch"
        return PackageResult(status, tuple(checks))
