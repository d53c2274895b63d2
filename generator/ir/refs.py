"""JSON pointers and local ``$ref`` handling.

Only references inside the same document (``#/...``) are followed. References to other files or
URLs are refused: a generator must never fetch anything while reading a spec.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..diagnostics import Diagnostics

SCHEMA_PREFIX = "#/components/schemas/"


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


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Yield (pointer of the object holding ``$ref``, ref value) for every ``$ref`` below node."""
    stack: list[tuple[Any, str]] = [(node, pointer)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield where, ref
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


def check_refs(document: dict[str, Any], source: str, diagnostics: Diagnostics) -> set[str]:
    """Report refs that leave the document or dangle; return the dangling local refs.

    External refs are errors (never fetched). Dangling local refs to a component schema are
    warnings: the generator repairs them as free-form objects and says so. Any other dangling
    local ref is an error.
    """
    dangling: set[str] = set()
    for where, ref in iter_refs(document):
        tokens = split_ref(ref)
        if tokens is None:
            diagnostics.error(
                source,
                where,
                f"$ref {ref!r} points outside this file; only local refs (#/...) are supported and nothing is fetched",
                code="external-ref",
            )
            continue
        try:
            resolve_pointer(document, tokens)
        except KeyError:
            if schema_name(ref) is not None:
                diagnostics.warning(
                    source,
                    where,
                    f"dangling $ref {ref!r}: no such schema; generated as a free-form object",
                    code="dangling-ref",
                )
                dangling.add(ref)
            else:
                diagnostics.error(
                    source, where, f"dangling $ref {ref!r}: nothing at that location", code="dangling-ref"
                )
    return dangling


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
