# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Drift: the places where a success answer differs from the model its spec describes.

A spec is evidence, not truth: the live API sometimes sends ``null`` where the spec says never, a
string where it says object, or leaves out a field the spec calls required. Parsing (``_parse``)
first validates the whole body with pydantic in one go, which costs nothing extra when the answer
fits. Only when that fails does :func:`tolerate` walk the decoded JSON beside the declared type:

- every part that validates is typed exactly as in a fitting answer;
- a value that does not fit (another JSON type, ``null`` where the spec says not nullable, a broken
  constraint) is recorded as ``invalid`` drift; its field holds ``None``, or an empty instance
  (every field ``None``) where the field is a model that may not be ``None``, so typed attribute
  access never raises;
- a required field that is absent is recorded as ``missing`` drift and holds ``None`` the same way;
- nothing that arrived is dropped: a value that did not fit is kept in the enclosing model's
  ``model_extra`` under its wire name (so ``model_dump(by_alias=True, exclude_unset=True)`` gives
  back what arrived) and in the drift record's ``received``;
- a union takes the member that leaves the fewest drift records.

:func:`find_unknown` lists what a live API adds without a new version: keys no model declares
(``unknown-field``) and enum values outside the spec's list (``unknown-enum-value``). Models keep
both as they are; they are only listed when someone asks (see ``_base``).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeGuard

from pydantic import AliasChoices, BaseModel, ConfigDict, ValidationError

if TYPE_CHECKING:  # imported when first needed: importing the runtime stays cheap
    from pydantic import TypeAdapter
    from pydantic.fields import FieldInfo

__all__ = ["Drift"]

DriftKind = Literal["invalid", "missing", "unknown-field", "unknown-enum-value"]
_UNIONS = (typing.Union, types.UnionType)
_CONFIG_KEYS = ("coerce_numbers_to_str", "strict")
_MAX_UNION_TRIALS = 8
Config = tuple[tuple[str, object], ...]  # the model_config keys that change how a value validates
_adapters: dict[tuple[object, Config], TypeAdapter[Any]] = {}


@dataclass(frozen=True)
class Drift:
    """One place where an answer differs from its spec.

    ``pointer`` is a JSON pointer into the body (``/data/3/avatar``); ``location`` is the same with
    array indices as ``*``, the same for every item of a list. ``received`` is the JSON value that
    arrived (``None`` for ``missing``).
    """

    operation: str
    pointer: str
    kind: DriftKind
    expected: str
    received: object = None
    request_id: str | None = None

    @property
    def location(self) -> str:
        return "/".join("*" if part.isdigit() else part for part in self.pointer.split("/"))

    def describe(self) -> str:
        """One line without the received value itself (it may hold personal data)."""
        where = self.pointer or "(the whole body)"
        if self.kind == "missing":
            return f"{where}: required {self.expected} is missing"
        if self.kind == "unknown-field":
            return f"{where}: a field the spec does not describe ({json_kind(self.received)})"
        if self.kind == "unknown-enum-value":
            return f"{where}: a value outside the spec's enum ({self.expected})"
        return f"{where}: expected {self.expected}, received {json_kind(self.received)}"

    def __str__(self) -> str:
        return f"{self.operation}: {self.describe()}"


def json_kind(value: object) -> str:
    """The JSON type of ``value`` in words: ``null``, ``a string``, ``an object``..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def type_name(tp: object) -> str:
    """A readable name for a type expression, used in messages: ``Contact | None``, ``list[str]``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in _UNIONS:
        return " | ".join(type_name(arg) for arg in args)
    if origin is Literal:
        return " | ".join(repr(arg) for arg in args)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is not None and args:
        return f"{getattr(origin, '__name__', repr(origin))}[{', '.join(type_name(a) for a in args)}]"
    if tp is type(None):
        return "None"
    if isinstance(tp, type):
        return tp.__qualname__
    return repr(tp).replace("typing.", "")


def _pointer(base: str, key: object) -> str:
    return f"{base}/{str(key).replace('~', '~0').replace('/', '~1')}"


def _model_config(cls: type[BaseModel]) -> Config:
    return tuple((key, cls.model_config[key]) for key in _CONFIG_KEYS if key in cls.model_config)  # type: ignore[literal-required]


def _adapter(tp: object, config: Config) -> TypeAdapter[Any]:
    key = (tp, config)
    try:
        return _adapters[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable type expression
        return _make_adapter(tp, config)
    adapter = _adapters[key] = _make_adapter(tp, config)
    return adapter


def _make_adapter(tp: Any, config: Config) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    if not config or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return TypeAdapter(tp)
    return TypeAdapter(tp, config=ConfigDict(**dict(config)))  # type: ignore[typeddict-item]


def wire_key(name: str, field: FieldInfo) -> str:
    """The JSON key of a model field."""
    alias = field.validation_alias
    if isinstance(alias, AliasChoices) and alias.choices and isinstance(alias.choices[0], str):
        return alias.choices[0]
    if isinstance(alias, str):
        return alias
    return field.alias or name


def _field_type(field: FieldInfo) -> object:
    if field.metadata:
        parts = (field.annotation, *field.metadata)
        return typing.Annotated[parts]
    return field.annotation


class _Kept:
    """What :meth:`_Tolerant.value` returns: the value, and whether it stands for what arrived."""

    __slots__ = ("exact", "value")

    def __init__(self, value: object, exact: bool) -> None:
        self.value = value
        self.exact = exact


class _Tolerant:
    def __init__(self, operation: str, request_id: str | None) -> None:
        self.operation = operation
        self.request_id = request_id
        self.drift: list[Drift] = []

    def record(self, kind: DriftKind, pointer: str, expected: object, received: object) -> None:
        self.drift.append(Drift(self.operation, pointer, kind, type_name(expected), received, self.request_id))

    def value(self, tp: object, data: object, pointer: str, config: Config) -> _Kept:
        if tp is Any or tp is object:
            return _Kept(data, True)
        try:
            return _Kept(_adapter(tp, config).validate_python(data), True)
        except ValidationError:
            return self._repair(tp, data, pointer, config)

    def _repair(self, tp: object, data: object, pointer: str, config: Config) -> _Kept:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Annotated:
            return self.value(args[0], data, pointer, config)
        if origin in _UNIONS:
            return self._union(tp, args, data, pointer, config)
        if _is_root_model(tp):
            root = tp.model_fields["root"]
            inner = self.value(_field_type(root), data, pointer, _model_config(tp))
            return _Kept(tp.model_construct(root=inner.value), inner.exact)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(data, dict):
            return _Kept(self._model(tp, data, pointer), True)
        if origin is list and isinstance(data, list) and args:
            items = [self.value(args[0], item, _pointer(pointer, i), config).value for i, item in enumerate(data)]
            return _Kept(items, True)
        if origin is dict and isinstance(data, dict) and len(args) == 2:
            values = {k: self.value(args[1], v, _pointer(pointer, k), config).value for k, v in data.items()}
            return _Kept(values, True)
        self.record("invalid", pointer, tp, data)
        return _Kept(placeholder(tp), False)

    def _union(self, tp: object, members: tuple[object, ...], data: object, pointer: str, config: Config) -> _Kept:
        candidates = [m for m in members if m is not type(None) and _could_hold(m, data)][:_MAX_UNION_TRIALS]
        best: tuple[int, _Tolerant, _Kept] | None = None
        for member in candidates:
            trial = _Tolerant(self.operation, self.request_id)
            kept = trial.value(member, data, pointer, config)
            score = len(trial.drift) + (0 if kept.exact else 1) + _unknown_keys(member, data)
            if best is None or score < best[0]:
                best = (score, trial, kept)
        if best is None:
            self.record("invalid", pointer, tp, data)
            return _Kept(placeholder(tp), False)
        self.drift.extend(best[1].drift)
        return best[2]

    def _model(self, cls: type[BaseModel], data: dict[str, Any], pointer: str) -> BaseModel:
        config = _model_config(cls)
        values: dict[str, object] = {}
        fields_set: set[str] = set()
        extra: dict[str, object] = {}
        known: set[str] = set()
        for name, field in cls.model_fields.items():
            key = wire_key(name, field)
            known.add(key)
            where = _pointer(pointer, key)
            if key in data:
                kept = self.value(_field_type(field), data[key], where, config)
                values[name] = kept.value
                if kept.exact:
                    fields_set.add(name)
                else:
                    extra[key] = data[key]
            elif field.is_required():
                self.record("missing", where, field.annotation, None)
                values[name] = placeholder(field.annotation)
            else:
                values[name] = field.get_default(call_default_factory=True)
        extra.update((k, v) for k, v in data.items() if k not in known)
        instance = cls.model_construct(_fields_set=fields_set, **values)
        if cls.model_config.get("extra") == "allow":
            object.__setattr__(instance, "__pydantic_extra__", extra)
        return instance


def _unknown_keys(member: object, data: object) -> int:
    """How many keys of ``data`` a model ``member`` does not declare (0 for other types)."""
    if not (isinstance(member, type) and issubclass(member, BaseModel)) or not isinstance(data, dict):
        return 0
    return len(data.keys() - _plan(member).keys)


def _is_root_model(tp: object) -> TypeGuard[type[BaseModel]]:
    return isinstance(tp, type) and issubclass(tp, BaseModel) and bool(getattr(tp, "__pydantic_root_model__", False))


def _could_hold(member: object, data: object) -> bool:
    """Whether trying ``member`` on ``data`` can lead anywhere (same JSON container kind)."""
    origin = typing.get_origin(member)
    if origin is typing.Annotated:
        return _could_hold(typing.get_args(member)[0], data)
    if origin in _UNIONS:
        return any(_could_hold(m, data) for m in typing.get_args(member))
    if _is_root_model(member):
        return _could_hold(member.model_fields["root"].annotation, data)
    if isinstance(member, type) and issubclass(member, BaseModel):
        return isinstance(data, dict)
    if origin is list:
        return isinstance(data, list)
    if origin is dict:
        return isinstance(data, dict)
    return False


def placeholder(tp: object) -> object:
    """What a field holds when its value did not fit: ``None``, or an empty model where ``None`` is not allowed."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return placeholder(typing.get_args(tp)[0])
    if isinstance(tp, type) and issubclass(tp, BaseModel) and not _is_root_model(tp):
        required = {n: placeholder(f.annotation) for n, f in tp.model_fields.items() if f.is_required()}
        return tp.model_construct(_fields_set=set(), **required)
    return None


def tolerate(cast_to: object, data: object, *, operation: str, request_id: str | None) -> tuple[object, list[Drift]]:
    """Parse ``data`` (decoded JSON) into ``cast_to`` as far as it fits; return the value and its drift."""
    walker = _Tolerant(operation, request_id)
    kept = walker.value(cast_to, data, "", ())
    return kept.value, walker.drift


def find_unknown(value: object, *, operation: str, request_id: str | None) -> list[Drift]:
    """Keys no model declares and enum values outside the spec's list, anywhere in a parsed ``value``."""
    found: list[Drift] = []
    stack: list[tuple[object, str]] = [(value, "")]
    while stack:
        node, pointer = stack.pop()
        if _is_root_model(type(node)):
            stack.append((node.root, pointer))  # type: ignore[attr-defined]
        elif isinstance(node, BaseModel):
            stack.extend(_model_unknowns(node, pointer, operation, request_id, found))
        elif isinstance(node, list):
            stack.extend((item, _pointer(pointer, i)) for i, item in enumerate(node))
        elif isinstance(node, Mapping):
            stack.extend((item, _pointer(pointer, k)) for k, item in node.items())
    found.sort(key=lambda d: d.pointer)
    return found


def _model_unknowns(
    node: BaseModel, pointer: str, operation: str, request_id: str | None, found: list[Drift]
) -> list[tuple[object, str]]:
    plan = _plan(type(node))
    extra = node.__pydantic_extra__ or {}
    for key, item in extra.items():
        if key not in plan.keys:
            found.append(Drift(operation, _pointer(pointer, key), "unknown-field", "", item, request_id))
    children: list[tuple[object, str]] = []
    for name, key, known_values in plan.fields:
        item = node.__dict__.get(name)
        if item is None:
            continue
        if known_values and isinstance(item, str) and item not in known_values:
            expected = " | ".join(repr(v) for v in sorted(known_values))
            found.append(Drift(operation, _pointer(pointer, key), "unknown-enum-value", expected, item, request_id))
        elif isinstance(item, BaseModel | list | Mapping):
            children.append((item, _pointer(pointer, key)))
    return children


@dataclass(frozen=True)
class _Plan:
    keys: frozenset[str]
    fields: tuple[tuple[str, str, frozenset[str]], ...]  # (name, wire key, enum values if an open enum)


_plans: dict[type[BaseModel], _Plan] = {}


def _plan(cls: type[BaseModel]) -> _Plan:
    plan = _plans.get(cls)
    if plan is None:
        fields = tuple((n, wire_key(n, f), _literal_values(f.annotation)) for n, f in cls.model_fields.items())
        plan = _plans[cls] = _Plan(frozenset(key for _, key, _ in fields), fields)
    return plan


def _literal_values(tp: object) -> frozenset[str]:
    """The values of an open enum (``Literal[...] | str``, possibly ``| None``), else empty."""
    if typing.get_origin(tp) not in _UNIONS:
        return frozenset()
    values: set[str] = set()
    for member in typing.get_args(tp):
        if typing.get_origin(member) is Literal:
            values.update(str(v) for v in typing.get_args(member))
        elif typing.get_origin(member) in _UNIONS:
            values.update(_literal_values(member))
    return frozenset(values)
