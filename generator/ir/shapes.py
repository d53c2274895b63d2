"""Schema shapes that become classes, and the names those classes get.

Shared by the model document (which hoists these schemas into named classes) and the annotator
(which must print the same names in method signatures), so the two can never disagree.

Naming rules (all names come from the spec):
- an inline object in a property: ``{Parent}{Property}``; in array items: ``{Parent}{Property}Item``;
  as a map value (``additionalProperties``): ``{Parent}{Property}Value``;
- an inline object member of ``oneOf``/``anyOf``: ``{Parent}{Title}`` when it has a title,
  otherwise ``{Parent}With{Property}`` after the first required property no other member requires;
- a union standing beside its own properties (``oneOf: [A, B]`` + ``properties``) becomes one
  variant class per member, holding the member plus the shared properties:
  ``{Parent}{MemberClass}`` for a ``$ref`` member, the member name above for an inline one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..core.naming import pascal_case
from .rewrites import is_constraint_only
from .schema import is_ref

UNION_KEYWORDS = ("oneOf", "anyOf")
_BESIDE = ("properties", "allOf", "required")
_PASSIVE = frozenset({"description", "title", "type", "nullable", "default", "discriminator"})


def is_inline_object(schema: Any) -> bool:
    """An inline schema that a model generator turns into a class of its own."""
    if not isinstance(schema, Mapping) or is_ref(schema):
        return False
    if "properties" in schema or "allOf" in schema:
        return True
    return any(isinstance(schema.get(k), list) and schema[k] for k in UNION_KEYWORDS) and _has_inline_member(schema)


def _has_inline_member(schema: Mapping[str, Any]) -> bool:
    members: list[Any] = next((schema[k] for k in UNION_KEYWORDS if isinstance(schema.get(k), list)), [])
    return any(is_inline_object(m) for m in members)


def member_name(base: str, member: Mapping[str, Any], siblings: list[Mapping[str, Any]]) -> str:
    """Name of an inline union member (see the module docstring)."""
    title = member.get("title")
    if isinstance(title, str) and pascal_case(title):
        return base + pascal_case(title)
    required = [str(r) for r in member.get("required") or []]
    others = {str(r) for m in siblings if m is not member for r in (m.get("required") or [])}
    unique = [r for r in required if r not in others]
    chosen = unique[:1] or required or sorted(str(p) for p in member.get("properties") or {})
    return base + "With" + "And".join(pascal_case(c) for c in chosen)


@dataclass(frozen=True)
class UnionMember:
    schema: Mapping[str, Any]
    kind: str  # "ref" | "inline" | "other"
    name: str | None  # class name of a hoisted inline member or variant


@dataclass(frozen=True)
class UnionPlan:
    keyword: str
    members: tuple[UnionMember, ...]
    variants: bool  # members become variant classes carrying the shared properties


Resolve = Callable[[Mapping[str, Any]], Mapping[str, Any]]


def leaf_members(members: list[Mapping[str, Any]], resolve: Resolve, depth: int = 0) -> list[Mapping[str, Any]]:
    """Replace each ``$ref`` member that is itself a union of refs by that union's members."""
    out: list[Mapping[str, Any]] = []
    for member in members:
        target = resolve(member) if is_ref(member) else {}
        keyword = next((k for k in UNION_KEYWORDS if isinstance(target.get(k), list) and target[k]), None)
        nested = [m for m in target.get(keyword, []) if isinstance(m, Mapping)] if keyword else []
        if depth < 8 and nested and all(is_ref(m) for m in nested) and only_passive_beside(target, str(keyword)):
            out += leaf_members(nested, resolve, depth + 1)
        else:
            out.append(member)
    return out


def plan_union(
    schema: Mapping[str, Any], base: str, class_of: Callable[[Mapping[str, Any]], str | None], resolve: Resolve
) -> UnionPlan | None:
    """How a ``oneOf``/``anyOf`` schema is modelled; None when it has no union.

    ``class_of`` names the class of a ``$ref`` member (None: not a model); ``resolve`` follows a
    ``$ref`` (variants are built from the leaves of nested unions: a class cannot extend a union).
    """
    keyword = next((k for k in UNION_KEYWORDS if isinstance(schema.get(k), list) and schema[k]), None)
    if keyword is None:
        return None
    raw = [m for m in schema[keyword] if isinstance(m, Mapping)]
    variants = any(k in schema for k in _BESIDE)
    if variants:
        raw = leaf_members(raw, resolve)
    if all(map(is_constraint_only, raw)):
        return None  # a "requires one of" rule, described in the docstring (rewrites.py)
    inline = [m for m in raw if is_inline_object(m) or is_constraint_only(m)]
    members = []
    for member in raw:
        ref_class = class_of(member) if is_ref(member) else None
        if member in inline:
            members.append(UnionMember(member, "inline", member_name(base, member, inline)))
        elif ref_class is not None:
            members.append(UnionMember(member, "ref", base + ref_class if variants else None))
        else:
            members.append(UnionMember(member, "other", None))
    return UnionPlan(keyword, tuple(members), variants)


def only_passive_beside(schema: Mapping[str, Any], keyword: str) -> bool:
    """True when nothing but documentation stands beside the union keyword."""
    return not (set(schema) - _PASSIVE - {keyword})
