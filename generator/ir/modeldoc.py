"""The document handed to datamodel-code-generator, normalised so every class gets a spec name.

The spec is not changed; this builds a separate, smaller document that holds only schemas:
- every component schema, keyed by the class name it becomes (so the generator cannot rename it),
  with every ``$ref`` rewritten to those keys;
- schemas of inline request and response bodies, hoisted under names the IR chose;
- string enums made open (``Literal[...] | str``): Intercom adds enum values without a new API
  version, and a client must not fail on them;
- ``anyOf``/``oneOf`` members that only state which properties are required are dropped (they
  say "send one of these"; typing cannot express it) and the rule is kept in the description;
- every inline schema that would become a class (objects in properties, array items, map values,
  union members; unions beside their own properties) is hoisted to a class named by the rules in
  ``shapes.py``, so no class is named by a counter;
- ``format`` values whose Python types would be wrong on the wire are dropped: Intercom sends
  timestamps as integers (``integer`` + ``date-time``) and URLs and e-mails as plain strings that
  a strict validator would reject;
- ``example``/``examples`` are dropped: they are documentation, not types, and cost import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.naming import pascal_case
from .examples import ExampleAudit, widened
from .refs import join
from .rewrites import (
    DROPPED_KEYS,
    drop_constraint_only,
    invalid_constraints,
    loosen_format,
    nullable_ref,
    open_enum,
)
from .schema import Resolver, bare_ref, component_of, is_ref, ref_to
from .shapes import UnionPlan, is_inline_object, plan_union


class ModelDocBuilder:
    """Rewrites schemas into the normalised form described in the module docstring."""

    def __init__(
        self, components: Mapping[str, Any], class_names: Mapping[str, str], audit: ExampleAudit, taken: set[str]
    ) -> None:
        self._resolver = Resolver({"components": {"schemas": components}})
        self._class_names = class_names  # component key -> class name (also its key in the output)
        self._audit = audit
        self._taken = taken
        self.hoisted: dict[str, Any] = {}
        self.origins: dict[str, str] = {}
        self.collisions: list[tuple[str, str]] = []  # (pointer, name)
        self.dropped: list[tuple[str, str]] = []  # (pointer, constraint dropped and why)

    def ref(self, reference: Mapping[str, Any]) -> dict[str, str]:
        """The reference rewritten to the key of the class it names in the model document."""
        name = component_of(reference)
        if name is not None and name in self._class_names:
            return ref_to(self._class_names[name])
        return bare_ref(reference)

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        return self._resolver.follow(schema)[0]

    def class_of(self, schema: Mapping[str, Any]) -> str | None:
        name = component_of(schema)
        return self._class_names.get(name) if name is not None else None

    def schema(self, node: Any, base: str, pointer: str) -> Any:
        """Normalise ``node``; ``base`` is the class name its inline classes are named from."""
        if not isinstance(node, Mapping):
            return node
        if is_ref(node):
            ref = self.ref(node)
            return nullable_ref(ref) if pointer in self._audit.nullable else ref
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in DROPPED_KEYS or (isinstance(key, str) and key.startswith("x-")):
                continue
            if key == "nullable" and value is False:
                continue  # the default; datamodel-code-generator would make the field non-Optional
            out[key] = self._value(key, value, base, join(pointer, key))
        self._apply_audit(out, pointer)
        self.dropped += [(join(pointer, key), problem) for key, problem in invalid_constraints(out)]
        drop_constraint_only(out)
        plan = plan_union(out, base, self.class_of, self.resolve)
        if plan is not None:
            self._union(out, plan, base, pointer)
        loosen_format(out)
        return open_enum(out) if isinstance(out.get("enum"), list) else out

    def _value(self, key: str, value: Any, base: str, where: str) -> Any:
        if key in ("properties", "patternProperties") and isinstance(value, Mapping):
            return {n: self.slot(sub, base + pascal_case(str(n)), join(where, n)) for n, sub in value.items()}
        if key == "items":
            return self.slot(value, base + "Item", where)
        if key == "additionalProperties" and isinstance(value, Mapping):
            return self.slot(value, base + "Value", where)
        if key in ("allOf", "not"):
            items = value if isinstance(value, list) else [value]
            done = [
                self.schema(m, base, join(where, i) if isinstance(value, list) else where) for i, m in enumerate(items)
            ]
            return done if isinstance(value, list) else done[0]
        return value

    def slot(self, node: Any, name: str, pointer: str) -> Any:
        """A schema in a property, items or map-value position: hoisted when it makes a class."""
        single = _single_ref(node)
        if single is not None:
            return self.schema(single, name, pointer)
        if not is_inline_object(node):
            return self.schema(node, name, pointer)
        inner = {k: v for k, v in node.items() if k != "nullable"}
        ref = ref_to(self.register(name, self.schema(inner, name, pointer), pointer))
        if node.get("nullable") is True or pointer in self._audit.nullable:
            return nullable_ref(ref)
        return ref

    def register(self, name: str, schema: Any, pointer: str) -> str:
        """Hoist ``schema`` as the class ``name``; return the name (a collision is noted)."""
        if name in self._taken:
            self.collisions.append((pointer, name))
        else:
            self._taken.add(name)
            self.origins[name] = pointer
            self.hoisted[name] = schema
        return name

    def _union(self, out: dict[str, Any], plan: UnionPlan, base: str, pointer: str) -> None:
        where = join(pointer, plan.keyword)
        if plan.variants and all(m.kind != "other" for m in plan.members):
            shared = {k: out.pop(k) for k in ("properties", "required", "allOf") if k in out}
            variants = []
            for index, member in enumerate(plan.members):
                assert member.name is not None
                inner = self.schema(member.schema, member.name, join(where, index))
                variant: dict[str, Any] = {"allOf": [inner, {"type": "object", **shared}]}
                variants.append(ref_to(self.register(member.name, variant, join(where, index))))
            out[plan.keyword] = variants
            return
        members = []
        for index, member in enumerate(plan.members):
            if member.kind == "inline" and member.name is not None:
                hoisted = self.schema(member.schema, member.name, join(where, index))
                members.append(ref_to(self.register(member.name, hoisted, join(where, index))))
            else:
                members.append(self.schema(member.schema, base, join(where, index)))
        out[plan.keyword] = members

    def _apply_audit(self, out: dict[str, Any], pointer: str) -> None:
        """What the spec's own examples showed (see ``examples.py``)."""
        if pointer in self._audit.nullable:
            out["nullable"] = True
        kind = self._audit.widen.get(pointer)
        if kind is not None and isinstance(out.get("type"), str):
            union = widened(out, kind)
            out.clear()
            out.update(union)
        relaxed = self._audit.relax.get(pointer)
        if relaxed and isinstance(out.get("required"), list):
            out["required"] = [r for r in out["required"] if r not in relaxed]
            if not out["required"]:
                del out["required"]


def _single_ref(node: Any) -> dict[str, Any] | None:
    """``allOf: [{$ref: X}]`` with only documentation beside it is just ``X`` (no wrapper class)."""
    if not isinstance(node, Mapping) or set(node) - {"allOf", "description", "title", "nullable", "type"}:
        return None
    if node.get("type", "object") != "object":
        return None
    members = node.get("allOf")
    if isinstance(members, list) and len(members) == 1 and is_ref(members[0]):
        ref = bare_ref(members[0])
        return {"anyOf": [ref], "nullable": True} if node.get("nullable") is True else ref
    return None


def build_model_document(
    title: str,
    version: str,
    components: Mapping[str, Any],
    class_names: Mapping[str, str],
    *,
    hoisted: Mapping[str, tuple[Any, str]],
    audit: ExampleAudit | None = None,
    dropped: list[tuple[str, str]] | None = None,
) -> tuple[dict[str, Any], dict[str, str], list[tuple[str, str]]]:
    """Assemble the schemas-only OpenAPI document for datamodel-code-generator.

    ``components`` maps component keys to schemas, ``class_names`` component keys to class names,
    ``hoisted`` class names to (inline schema taken out of an operation, its pointer), ``audit``
    what the spec's own examples showed (required properties to relax, schemas to make nullable).
    Returns the document, the classes hoisted here (class name -> pointer) and the names that
    collided (pointer, name); constraints dropped because no model could be built with them are
    added to ``dropped`` (pointer, what and why).
    """
    builder = ModelDocBuilder(components, class_names, audit or ExampleAudit(), {*class_names.values(), *hoisted})
    schemas: dict[str, Any] = {}
    for key in sorted(components):
        name = class_names[key]
        schemas[name] = builder.schema(components[key], name, join("", "components", "schemas", key))
    for name in sorted(hoisted):
        schema, pointer = hoisted[name]
        schemas[name] = builder.schema(schema, name, pointer)
    schemas.update(builder.hoisted)
    document = {
        "openapi": "3.0.3",
        "info": {"title": title, "version": version},
        "paths": {},
        "components": {"schemas": schemas},
    }
    if dropped is not None:
        dropped += builder.dropped
    return document, builder.origins, builder.collisions
