"""Python annotations for parameter, body and response schemas.

Model references print as ``_models.ClassName`` (the generated ``models`` package, imported lazily
by every resource module). Inline object schemas in bodies and responses are *hoisted*: they get a
class name derived from the operation (``CreateTicketRequestBody``, ``ShowContactResponse``) and
join the model document, so no class is ever named by a counter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .schema import Resolver, component_of, is_ref
from .shapes import only_passive_beside, plan_union

MODELS = "_models"
_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def literal(values: list[Any]) -> str:
    return "Literal[" + ", ".join(repr(v) for v in values) + "]"


class Annotator:
    """Turns schemas into annotation strings; ``hoist(schema) -> class name`` names inline objects."""

    def __init__(self, resolver: Resolver, class_names: Mapping[str, str]) -> None:
        self.resolver = resolver
        self._class_names = class_names

    def deref(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        """The schema a reference stands for (see ``schema.Resolver``)."""
        return self.resolver.follow(schema)[0]

    def is_model_ref(self, schema: Mapping[str, Any]) -> bool:
        """A ref whose target becomes a class (an object), not a primitive or enum alias."""
        name = component_of(schema)
        return name is not None and name in self._class_names and self._is_object(self.deref(schema))

    @staticmethod
    def _is_object(schema: Mapping[str, Any]) -> bool:
        return schema.get("type") == "object" or any(k in schema for k in ("properties", "allOf", "oneOf", "anyOf"))

    def model(self, reference: Mapping[str, Any]) -> str:
        """The annotation of the model class a reference to a component names."""
        name = component_of(reference)
        assert name is not None
        return f"{MODELS}.{self._class_names[name]}"

    def value(self, schema: Mapping[str, Any]) -> str:
        """Annotation for a parameter-like value (no hoisting: objects become dicts)."""
        if self.is_model_ref(schema):
            return self.model(schema)
        schema = self.deref(schema)
        kind = schema.get("type")
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            values = [v for v in schema["enum"] if v is not None]
            base = _PRIMITIVES.get(str(kind), "str")
            return f"{literal(values)} | {base}" if values else base
        if kind in _PRIMITIVES:
            return _PRIMITIVES[str(kind)]
        if kind == "array":
            items = schema.get("items")
            inner = self.value(items) if isinstance(items, Mapping) else "Any"
            return f"list[{inner}]"
        if kind == "object" or "properties" in schema:
            return "dict[str, Any]"
        return "Any"

    def payload(self, schema: Mapping[str, Any], hoist: Callable[[Mapping[str, Any]], str]) -> str:
        """Annotation for a body or response schema: a model, a union, a list, or a primitive."""
        if is_ref(schema):
            union = self._union_of(self.deref(schema), self._class_of(schema))
            return union if union is not None else self.value(schema)
        union = self._union_of(schema, None)
        if union is not None:
            return union
        kind = schema.get("type")
        if kind == "array":
            items = schema.get("items")
            if isinstance(items, Mapping):
                return f"list[{self.payload(items, hoist)}]"
            return "list[Any]"
        if self._is_object(schema):
            if kind == "object" and not any(k in schema for k in ("properties", "allOf", "oneOf", "anyOf")):
                return "dict[str, Any]"
            name = hoist(schema)
            return self._union_of(schema, name) or f"{MODELS}.{name}"
        return self.value(schema)

    def model_union(self, schema: Mapping[str, Any]) -> str | None:
        """``A | B`` for a union of models with nothing beside it (no hoisting); else ``None``."""
        return self._union_of(schema, None)

    def _class_of(self, schema: Mapping[str, Any]) -> str | None:
        name = component_of(schema)
        return self._class_names.get(name) if name is not None else None

    def _model_class_of(self, schema: Mapping[str, Any]) -> str | None:
        return self._class_of(schema) if self.is_model_ref(schema) else None

    def _union_of(self, schema: Mapping[str, Any], base: str | None, depth: int = 0) -> str | None:
        """The concrete models a union schema stands for, as ``A | B``; None when it is not one.

        Members that are unions themselves are flattened, so a body typed by a spec "wrapper"
        union takes the concrete models directly (no ``RootModel(root=...)`` for callers). Inline
        members and variants are named exactly as the model document hoists them (``shapes.py``).
        """
        plan = plan_union(schema, base or "", self._model_class_of, self.deref)
        if plan is None or depth > 8:
            return None
        hoisted = plan.variants or any(m.kind == "inline" for m in plan.members)
        if (not plan.variants and not only_passive_beside(schema, plan.keyword)) or (hoisted and base is None):
            return None
        names: list[str] = []
        for member in plan.members:
            if member.kind == "other":
                return None
            if member.name is not None:
                names.append(f"{MODELS}.{member.name}")
                continue
            nested = self._union_of(self.deref(member.schema), self._class_of(member.schema), depth + 1)
            names += nested.split(" | ") if nested else [self.model(member.schema)]
        return " | ".join(dict.fromkeys(names))
