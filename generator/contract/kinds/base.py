"""The base of every assertion kind, and reading one from a claims file.

An assertion kind is a frozen dataclass: its fields are what the claims file writes under
``asserts`` (a field may carry another YAML name in its metadata, ``in`` for ``location``), its
``kind`` ClassVar the name the file uses. Each kind answers two questions:

- ``check(version, payload)``: is it true in one version's spec? (a ``Finding``)
- ``confirm(package, finding, payload)``: does the generated package of that version show the
  same? (``None`` when a package shows nothing of it)

``evidence`` says what a true finding rests on: ``structural`` (something a generated client
shows: an operation, a field, a type), ``documentation`` (the spec's prose or examples only), or
``none`` (a reason, nothing to check). A new kind that rests on documentation only gets
``doc-only`` instead of ``holds``.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ..checks import Finding

if TYPE_CHECKING:
    from ..pkgview import PackageView
    from ..specquery import Version

EvidenceKind = Literal["structural", "documentation", "none"]
_SCALARS = (str, int, float)


class AssertionError_(ValueError):
    """A claims-file entry that does not make an assertion (the message says why)."""


@dataclass(frozen=True)
class Assertion:
    kind: ClassVar[str] = ""
    evidence: ClassVar[EvidenceKind] = "structural"
    needs_payload: ClassVar[bool] = False  # checks the code sample the claim quotes
    summary: ClassVar[str] = ""  # one line for the documentation table: true in a version when ...

    pointer: str = field(default="", compare=False, kw_only=True)

    # -- what the kind says ------------------------------------------------------------------
    def check(self, version: Version, payload: Any) -> Finding:
        raise NotImplementedError

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        """Whether the generated package agrees with ``finding`` (and what it shows); None: nothing to show."""
        return None

    def package_checked(self) -> bool:
        return type(self).confirm is not Assertion.confirm

    def validate(self) -> str | None:
        """A problem with the combination of fields (each field's type is checked before)."""
        return None

    # -- names it refers to (for unknown-name diagnostics and for the version diff) ---------
    def operation_refs(self) -> tuple[str, ...]:
        return tuple(str(v) for v in (getattr(self, "operation", None), getattr(self, "via", None)) if v)

    def schema_refs(self) -> tuple[str, ...]:
        value = getattr(self, "schema", None)
        return (str(value),) if value else ()

    def tag_refs(self) -> tuple[str, ...]:
        return ()

    def subject_name(self) -> str | None:
        """The property, parameter or field the assertion is about (None: the whole operation/schema)."""
        for name in ("property", "parameter", "field"):
            value = getattr(self, name, None)
            if value:
                return str(value)
        return None

    def subject_schemas(self, base: Version, target: Version) -> set[str]:
        """Component schemas whose changes the assertion explains."""
        return set(self.schema_refs())

    def subject_operations(self) -> set[str]:
        """Operations (as referenced) whose changes the assertion explains."""
        return set(self.operation_refs())

    def introduced_roots(self, target: Version) -> list[Any]:
        """Schema nodes whose new component schemas come along with what the assertion says was added."""
        return []

    # -- rendering -----------------------------------------------------------------------------
    def owner(self) -> str:
        return str(getattr(self, "schema", None) or getattr(self, "operation", None) or "")

    def detail(self) -> str:
        for name in ("property", "parameter", "field", "example", "status", "value"):
            value = getattr(self, name, None)
            if value is not None and value != "":
                return str(value)
        return ""

    def label(self) -> str:
        """A short label: ``property-added conversation_part.state``, ``operation-added deleteTicket``."""
        owner, detail = self.owner(), self.detail()
        text = f"{owner}.{detail}" if owner and detail else owner or detail
        return f"{self.kind} {text}".strip()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for f in dataclasses.fields(self):
            if f.name == "pointer":
                continue
            value = getattr(self, f.name)
            if value is None or value == () or (value == "" and f.default == ""):
                continue
            out[f.metadata.get("yaml", f.name)] = list(value) if isinstance(value, tuple) else value
        return out


def yaml_names(cls: type[Assertion]) -> dict[str, dataclasses.Field[Any]]:
    return {f.metadata.get("yaml", f.name): f for f in dataclasses.fields(cls) if f.name != "pointer"}


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _convert(name: str, value: Any, annotation: Any) -> Any:
    """``value`` as the field's type wants it; raises AssertionError_ naming the field."""
    if annotation is Any:
        return value
    args = typing.get_args(annotation)
    optional = type(None) in args
    if value is None and optional:
        return None
    wanted = next((a for a in args if a is not type(None)), annotation) if optional else annotation
    if wanted is str:
        if isinstance(value, bool) or not isinstance(value, _SCALARS) or str(value).strip() == "":
            raise AssertionError_(f"{name}: expected a non-empty string, found {value!r}")
        return str(value)
    if wanted is bool:
        if not isinstance(value, bool):
            raise AssertionError_(f"{name}: expected true or false, found {value!r}")
        return value
    if wanted is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise AssertionError_(f"{name}: expected a number, found {value!r}")
        return value
    if typing.get_origin(wanted) is tuple:
        items = value if isinstance(value, list) else None
        if items is None or any(isinstance(v, bool) or not isinstance(v, _SCALARS) for v in items):
            raise AssertionError_(f"{name}: expected a list of strings, found {value!r}")
        return tuple(str(v) for v in items)
    raise TypeError(f"unsupported field type {annotation!r}")  # pragma: no cover - a kind's own bug


def build(cls: type[Assertion], raw: Mapping[str, Any], pointer: str) -> Assertion:
    """An instance of ``cls`` from its YAML mapping (``kind`` already read); raises AssertionError_."""
    fields = yaml_names(cls)
    given = {str(k): v for k, v in raw.items() if k != "kind"}
    missing = [name for name, f in fields.items() if _required(f) and name not in given]
    unknown = sorted(set(given) - set(fields))
    problems = [f"missing {', '.join(missing)}"] if missing else []
    problems += [f"unknown field(s) {', '.join(unknown)}"] if unknown else []
    if problems:
        raise AssertionError_(f"{cls.kind}: {'; '.join(problems)}")
    hints = typing.get_type_hints(cls)
    values = {fields[name].name: _convert(name, value, hints[fields[name].name]) for name, value in given.items()}
    try:
        assertion = cls(**values, pointer=pointer)
    except TypeError as exc:  # pragma: no cover - guarded by the missing-field check above
        raise AssertionError_(f"{cls.kind}: {exc}") from None
    problem = assertion.validate()
    if problem:
        raise AssertionError_(f"{cls.kind}: {problem}")
    return assertion
