"""Types that callers write request bodies in: annotations over the model document, and the TypedDicts.

A request body can be given as keyword arguments, as a whole model or as a plain dict, and every
nested object as a model or a dict. So each schema that travels in requests has two Python forms:
its model class (``models.SearchRequest``) and a TypedDict of the same shape keyed by wire names
(``params.SearchRequestParam``), written here. Both are read from the model document, where every
object is already a named class (``$ref``), so names here follow the model classes'
(``{Class}Param``) and nothing is numbered.

Translation (``InputTypes.annotation``): ``string``/``integer``/``number``/``boolean`` -> ``str``/
``int``/``float``/``bool``; an open enum -> ``Literal[...] | str``; ``array`` -> ``Sequence[...]``;
a map (``additionalProperties``) -> ``Mapping[str, ...]``; ``oneOf``/``anyOf`` -> the union of
its members; a class -> ``{Class}Param`` (``| models.{Class}`` where a model may stand in, at the
top level of a keyword argument or ``body=``, and inside a TypedDict: the runtime dumps a model
wherever it is); ``nullable`` -> ``| None``; anything else -> ``Any``.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..ir.types import literal

_REF = "#/components/schemas/"
_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_MAX_DEPTH = 12
# names the params module itself uses: a TypedDict key spelt like one needs the functional syntax
_MODULE_NAMES = frozenset({"Any", "Literal", "Mapping", "Sequence", "TypedDict", "Required", "None"})


def param_name(class_name: str) -> str:
    return class_name + "Param"


def is_object(schema: Mapping[str, Any]) -> bool:
    """A class of named properties (a TypedDict can describe it)."""
    return isinstance(schema.get("properties"), Mapping) or isinstance(schema.get("allOf"), list)


class InputTypes:
    """Annotations for values a caller sends, over the model document's ``components/schemas``."""

    def __init__(self, schemas: Mapping[str, Any], param_classes: frozenset[str]) -> None:
        self.schemas = schemas
        self.param_classes = param_classes

    def annotation(self, schema: Any, *, params: str = "", models: str = "", depth: int = 0) -> str:
        """The annotation of ``schema``; ``params``/``models`` prefix TypedDict and model names
        (``models=""`` leaves models out: inside a TypedDict only TypedDicts nest)."""
        if not isinstance(schema, Mapping) or depth > _MAX_DEPTH:
            return "Any"
        parts = self._parts(schema, params, models, depth)
        if schema.get("nullable") is True:
            parts.append("None")
        return _union(parts)

    def _parts(self, schema: Mapping[str, Any], params: str, models: str, depth: int) -> list[str]:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref.removeprefix(_REF)
            if name in self.param_classes:
                return [params + param_name(name), *([models + name] if models else [])]
            target = self.schemas.get(name)
            return [self.annotation(target, params=params, models=models, depth=depth + 1)]
        for union in ("anyOf", "oneOf"):
            members = schema.get(union)
            if isinstance(members, list) and members:
                return [self.annotation(m, params=params, models=models, depth=depth + 1) for m in members]
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return [self.annotation(all_of[0], params=params, models=models, depth=depth + 1)]
        return [self._plain(schema, params, models, depth)]

    def _plain(self, schema: Mapping[str, Any], params: str, models: str, depth: int) -> str:
        kind = schema.get("type")
        enum = schema.get("enum")
        if isinstance(enum, list) and [v for v in enum if v is not None]:
            return literal([v for v in enum if v is not None])
        if isinstance(kind, str) and kind in _PRIMITIVES:
            return _PRIMITIVES[kind]
        if kind == "array":
            inner = self.annotation(schema.get("items"), params=params, models=models, depth=depth + 1)
            return f"Sequence[{inner}]"
        values = schema.get("additionalProperties")
        if kind == "object" or "properties" in schema or isinstance(values, Mapping):
            inner = self.annotation(values, params=params, models=models, depth=depth + 1)
            return f"Mapping[str, {inner if isinstance(values, Mapping) else 'Any'}]"
        return "Any"

    def properties(self, name: str, depth: int = 0) -> list[tuple[str, Any, bool]]:
        """``(wire name, schema, required)`` of the class ``name``, ``allOf`` members merged in order."""
        schema = self.schemas.get(name)
        return self.object_properties(schema, depth) if isinstance(schema, Mapping) else []

    def object_properties(self, schema: Mapping[str, Any], depth: int = 0) -> list[tuple[str, Any, bool]]:
        found: dict[str, tuple[Any, bool]] = {}
        for member in schema.get("allOf") or []:
            if depth < _MAX_DEPTH and isinstance(member, Mapping):
                ref = member.get("$ref")
                inner = (
                    self.properties(ref.removeprefix(_REF), depth + 1)
                    if isinstance(ref, str)
                    else self.object_properties(member, depth + 1)
                )
                for wire, sub, needed in inner:
                    found[wire] = (sub, needed or found.get(wire, (None, False))[1])
        required = {str(r) for r in schema.get("required") or []}
        for wire, sub in (schema.get("properties") or {}).items():
            found[str(wire)] = (sub, str(wire) in required)
        for wire in required & found.keys():
            found[wire] = (found[wire][0], True)
        return [(wire, sub, req) for wire, (sub, req) in found.items()]


def _union(parts: list[str]) -> str:
    """``a | b`` without repeats, ``None`` last; several ``Sequence[...]`` become one of the union
    (``Sequence[A] | Sequence[B]`` -> ``Sequence[A | B]``: mypy cannot tell a list literal's
    dicts apart between two sequence types, and Intercom reads any mix the same way)."""
    flat: list[str] = []
    for part in parts:
        flat += split_union(part)
    sequences = [p for p in flat if p.startswith("Sequence[") and p.endswith("]")]
    if len(sequences) > 1:
        inner = _union([p[len("Sequence[") : -1] for p in sequences])
        at = flat.index(sequences[0])
        flat = [p for p in flat if p not in sequences]
        flat.insert(at, f"Sequence[{inner}]")
    unique = list(dict.fromkeys(flat))
    if "Any" in unique:
        return "Any"
    if "None" in unique:  # None last, as people write it
        unique = [p for p in unique if p != "None"] + ["None"]
    return " | ".join(unique) or "Any"


def split_union(text: str) -> list[str]:
    """Top-level ``|`` members of an annotation (brackets respected)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return parts


@dataclass(frozen=True)
class TypedDictView:
    """One TypedDict of the params module, as the template prints it."""

    name: str
    docstring: str
    keys: tuple[tuple[str, str], ...]  # (wire name, annotation with Required[...] where required)
    functional: bool  # a key that is no identifier, or spelt like a name the module uses

    @property
    def functional_keys(self) -> str:
        return ", ".join(f"{wire!r}: {annotation!r}" for wire, annotation in self.keys)


def typed_dict_view(types: InputTypes, class_name: str, docstring: str) -> TypedDictView:
    keys = []
    for wire, schema, required in types.properties(class_name):
        annotation = types.annotation(schema, models="models.")
        keys.append((wire, f"Required[{annotation}]" if required else annotation))
    taken = _MODULE_NAMES | {param_name(c) for c in types.param_classes}
    functional = any(not w.isidentifier() or keyword.iskeyword(w) or w in taken for w, _ in keys)
    return TypedDictView(param_name(class_name), docstring, tuple(keys), functional)
