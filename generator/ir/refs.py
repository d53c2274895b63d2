"""JSON pointers and local ``$ref`` handling.

Only references inside the same document (``#/...``) are followed. References to other files or
URLs are refused: a generator must never fetch anything while reading a spec.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..core.diagnostics import Diagnostics

SCHEMA_PREFIX = "#/components/schemas/"
_KINDS: dict[type, str] = {dict: "a mapping", list: "a list", str: "a string", int: "a number", float: "a number"}


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape(str(t)) for t in tokens)


def split_ref(ref: str) -> list[str] | None:
    """``#/components/schemas/a`` -> ``["components", "schemas", "a"]``; None if not local."""
    if not ref.startswith("#"):
        return None
    body = ref[1:]
    if body == "":
        return []
    if not body.startswith("/"):
        return None
    return [unescape(t) for t in body[1:].split("/")]


def resolve_pointer(document: Any, tokens: list[str]) -> Any:
    """Follow ``tokens`` into ``document``; raise KeyError when a step is missing."""
    node = document
    for token in tokens:
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(token)
    return node


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Yield (pointer of the object holding ``$ref``, ref value) for every ``$ref`` below node.

    The value is yielded as found: a malformed spec may hold something other than a string.
    """
    stack: list[tuple[Any, str]] = [(node, pointer)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            if "$ref" in current:
                yield where, current["$ref"]
            for key in reversed(list(current)):
                value = current[key]
                if isinstance(value, dict | list):
                    stack.append((value, join(where, key)))
        elif isinstance(current, list):
            for index in range(len(current) - 1, -1, -1):
                value = current[index]
                if isinstance(value, dict | list):
                    stack.append((value, join(where, index)))


def schema_name(ref: str) -> str | None:
    """``#/components/schemas/contact`` -> ``contact``; None for any other ref."""
    if ref.startswith(SCHEMA_PREFIX) and "/" not in ref[len(SCHEMA_PREFIX) :]:
        return unescape(ref[len(SCHEMA_PREFIX) :])
    return None


FREE_FORM_REPAIR: dict[str, Any] = {"type": "object", "additionalProperties": True}
REPAIRED_DESCRIPTION = "Not defined in the upstream spec (dangling $ref); accepted as a free-form object."


def is_repaired(schema: Any) -> bool:
    """True for a component schema that ``repair_dangling`` added (the spec itself never defined it)."""
    return isinstance(schema, Mapping) and schema == {**FREE_FORM_REPAIR, "description": REPAIRED_DESCRIPTION}


def _in_schema(where: str) -> bool:
    """True when the object at ``where`` stands where a schema is expected."""
    return where.startswith("/components/schemas/") or "/schema/" in where + "/"


def check_refs(document: dict[str, Any], source: str, diagnostics: Diagnostics) -> set[str]:
    """Report refs that leave the document, dangle or go round in circles; return the dangling local refs.

    External refs are errors (never fetched). Dangling local refs to a component schema are
    warnings: the generator repairs them as free-form objects and says so. Any other dangling
    local ref is an error, and so is a ref that is not a string, a schema ref that does not name a
    whole component schema, and a chain of refs that comes back to where it started.
    """
    dangling: set[str] = set()
    for where, ref in iter_refs(document):
        problem = _ref_problem(document, where, ref)
        if problem is not None and problem[0] == "dangling-schema":
            diagnostics.warning(
                source,
                where,
                f"dangling $ref {ref!r}: no such schema; generated as a free-form object",
                code="dangling-ref",
            )
            dangling.add(str(ref))
        elif problem is not None:
            code, message = problem
            diagnostics.error(source, where, message, code=code)
    for cycle in ref_cycles(document):
        chain = " -> ".join([*cycle, cycle[0]])
        diagnostics.error(
            source,
            cycle[0][1:],
            f"$ref cycle: {chain}; each of these only refers to the next, so none of them is ever defined",
            code="ref-cycle",
        )
    return dangling


def _ref_problem(document: Any, where: str, ref: object) -> tuple[str, str] | None:
    """(code, message) of what is wrong with one ``$ref``; code ``dangling-schema`` is only a warning."""
    if not isinstance(ref, str):
        return "bad-ref", f"$ref must be a string, not {_KINDS.get(type(ref), type(ref).__name__)}"
    tokens = split_ref(ref)
    if tokens is None:
        return (
            "external-ref",
            f"$ref {ref!r} points outside this file; only local refs (#/...) are supported and nothing is fetched",
        )
    try:
        target = resolve_pointer(document, tokens)
    except KeyError:
        if schema_name(ref) is not None:
            return "dangling-schema", ""
        return "dangling-ref", f"dangling $ref {ref!r}: nothing at that location"
    if not isinstance(target, Mapping):
        return "bad-ref", f"$ref {ref!r} points at {_KINDS.get(type(target), type(target).__name__)}, not at an object"
    if _in_schema(where) and schema_name(ref) is None:
        return "bad-ref", f"$ref {ref!r} in a schema must name a component schema (#/components/schemas/NAME)"
    return None


def _next_ref(document: Any, ref: str) -> str | None:
    """Where the object ``ref`` points at refers on to, when it is itself a ``$ref``."""
    tokens = split_ref(ref)
    if tokens is None:
        return None
    try:
        target = resolve_pointer(document, tokens)
    except KeyError:
        return None
    following = target.get("$ref") if isinstance(target, Mapping) else None
    return following if isinstance(following, str) else None


def ref_cycles(document: Any) -> list[list[str]]:
    """Chains of refs that only refer onwards and come back (``a -> b -> a``), each listed once.

    A schema that uses itself inside properties, items or unions is recursive, not a cycle: it
    defines something at each level. Only objects that are nothing but a ``$ref`` form cycles.
    """
    cycles: dict[frozenset[str], list[str]] = {}
    settled: set[str] = set()
    for _, ref in iter_refs(document):
        if not isinstance(ref, str):
            continue
        chain: list[str] = []
        current: str | None = ref
        while current is not None and current not in settled and current not in chain:
            chain.append(current)
            current = _next_ref(document, current)
        if current is not None and current in chain:
            cycle = chain[chain.index(current) :]
            start = cycle.index(min(cycle))
            ordered = cycle[start:] + cycle[:start]
            cycles.setdefault(frozenset(cycle), ordered)
        settled.update(chain)
    return [cycles[key] for key in sorted(cycles, key=lambda k: cycles[k])]


def repair_dangling(document: dict[str, Any], dangling: set[str]) -> dict[str, Any]:
    """Return a copy of ``document`` where each dangling schema ref is defined as a free-form object.

    The repair adds the missing component schemas (rather than rewriting every use), so the
    repaired spec still validates its examples and can be served to a mock server.
    """
    if not dangling:
        return document
    components = dict(document.get("components") or {})
    schemas = dict(components.get("schemas") or {})
    for ref in sorted(dangling):
        name = schema_name(ref)
        if name is not None and name not in schemas:
            schemas[name] = {**FREE_FORM_REPAIR, "description": REPAIRED_DESCRIPTION}
    components["schemas"] = schemas
    return {**document, "components": components}


def _allof_parents(schema: Any) -> list[str]:
    members = schema.get("allOf") if isinstance(schema, Mapping) else None
    names = [schema_name(m["$ref"]) for m in members or [] if isinstance(m, Mapping) and isinstance(m.get("$ref"), str)]
    return [n for n in names if n is not None]


def check_allof_cycles(document: Any, source: str, diagnostics: Diagnostics) -> None:
    """Report component schemas that include themselves through ``allOf``.

    Only class generation needs this (a class cannot inherit from itself); consumers that never
    render models, such as the version diff, walk such specs safely.
    """
    for cycle in allof_cycles(document):
        chain = " -> ".join([*cycle, cycle[0]])
        diagnostics.error(
            source,
            join("", "components", "schemas", cycle[0], "allOf"),
            f"allOf cycle: {chain}; a schema cannot include itself",
            code="allof-cycle",
        )


def allof_cycles(document: Any) -> list[list[str]]:
    """Component schemas that include themselves through ``allOf`` (``a = allOf[b]``, ``b = allOf[a]``)."""
    components = document.get("components") if isinstance(document, Mapping) else None
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    if not isinstance(schemas, Mapping):
        return []
    cycles: dict[frozenset[str], list[str]] = {}
    done: set[str] = set()
    for root in sorted(str(k) for k in schemas):
        # iterative depth-first search: a hostile spec may nest allOf deeper than Python recursion allows
        path: list[str] = []
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            name, depth = stack.pop()
            del path[depth:]
            if name in path:
                cycle = path[path.index(name) :]
                start = cycle.index(min(cycle))
                cycles.setdefault(frozenset(cycle), cycle[start:] + cycle[:start])
                continue
            if name in done:
                continue  # fully explored before (from this root or an earlier one)
            path.append(name)
            done.add(name)
            stack.extend((parent, depth + 1) for parent in reversed(_allof_parents(schemas.get(name))))
    return [cycles[key] for key in sorted(cycles, key=lambda k: cycles[k])]


MAX_ALLOF_DEPTH = 32
"""Deepest chain of component schemas including one another through ``allOf`` that a package may
have: each level is a base class, and the model generator's method resolution order is quadratic
in the depth (300 levels took minutes). Intercom's specs go 2 deep."""


def allof_depths(schemas: Mapping[str, Any]) -> dict[str, int]:
    """How many schemas deep each component's ``allOf`` chain goes (itself included); linear time."""
    depth: dict[str, int] = {}
    open_: set[str] = set()
    for root in schemas:
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            name, leaving = stack.pop()
            parents = [p for p in _allof_parents(schemas.get(name)) if p in schemas]
            if leaving:
                open_.discard(name)
                depth[name] = 1 + max((depth.get(p, 0) for p in parents), default=0)
            elif name not in depth and name not in open_:
                open_.add(name)
                stack.append((name, True))
                stack.extend((p, False) for p in parents if p not in depth and p not in open_)
    return depth


def check_allof_depth(document: Any, source: str, diagnostics: Diagnostics) -> None:
    """Report each ``allOf`` chain deeper than ``MAX_ALLOF_DEPTH``, once, at the schema at its top."""
    components = document.get("components") if isinstance(document, Mapping) else None
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    if not isinstance(schemas, Mapping):
        return
    depth = allof_depths(schemas)
    deep = {name for name, levels in depth.items() if levels > MAX_ALLOF_DEPTH}
    below = {p for name in deep for p in _allof_parents(schemas.get(name))}
    for top in sorted(deep - below):
        chain = [top]
        while len(chain) < 4:
            parents = [p for p in _allof_parents(schemas.get(chain[-1])) if p in schemas]
            if not parents:
                break
            chain.append(max(parents, key=lambda p: depth[p]))
        diagnostics.error(
            source,
            join("", "components", "schemas", top, "allOf"),
            f"allOf chain {' -> '.join(chain)} -> ... is {depth[top]} schemas deep; at most {MAX_ALLOF_DEPTH}"
            " are supported (each level becomes a base class)",
            code="allof-too-deep",
        )
