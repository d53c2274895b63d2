"""Which way each component schema travels: in requests, in responses, or both.

A component is on the request side when an operation's parameters or request body reach it
through ``$ref`` (directly or through other components), and on the response side when a
response reaches it. Rules use this to judge a change made inside a shared component.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..ir.model import Api
from ..ir.refs import schema_name
from .model import Side


def _direct_refs(node: Any) -> set[str]:
    """Component keys named by any ``$ref`` below ``node`` (without building JSON pointers)."""
    found: set[str] = set()
    visited: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in visited:
            continue  # YAML aliases can make a document cyclic
        visited.add(id(current))
        if isinstance(current, dict):
            ref = current.get("$ref")
            key = schema_name(ref) if isinstance(ref, str) else None
            if key is not None:
                found.add(key)
            stack.extend(v for v in current.values() if isinstance(v, dict | list))
        elif isinstance(current, list):
            stack.extend(v for v in current if isinstance(v, dict | list))
    return found


class Reach:
    """Transitive ``$ref`` reachability over one spec's component schemas."""

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self._schemas = schemas
        self._direct: dict[str, set[str]] = {}

    def direct(self, key: str) -> set[str]:
        found = self._direct.get(key)
        if found is None:
            found = _direct_refs(self._schemas.get(key))
            self._direct[key] = found
        return found

    def closure(self, roots: Iterable[Any]) -> set[str]:
        """Component keys reachable from the schemas in ``roots``."""
        pending = [key for root in roots for key in _direct_refs(root)]
        seen: set[str] = set()
        while pending:
            key = pending.pop()
            if key in seen:
                continue
            seen.add(key)
            pending.extend(self.direct(key) - seen)
        return seen


@dataclass(frozen=True)
class Usage:
    """Per component schema: the sides it travels on and the operations (``GET /x``) using it."""

    sides: Mapping[str, frozenset[Side]]
    operations: Mapping[str, tuple[str, ...]]


def schema_usage(api: Api) -> Usage:
    """Which operations reach each component schema, from their requests or their responses."""
    reach = Reach(api.spec["components"]["schemas"])
    sides: dict[str, set[Side]] = {}
    users: dict[str, list[str]] = {}
    for op in api.operations:
        request = [p.schema for p in op.parameters] + ([op.body.schema] if op.body is not None else [])
        responses = [r.schema for r in op.responses if r.schema is not None]
        requested, responded = reach.closure(request), reach.closure(responses)
        for key in requested:
            sides.setdefault(key, set()).add("request")
        for key in responded:
            sides.setdefault(key, set()).add("response")
        for key in requested | responded:
            users.setdefault(key, []).append(op.key)
    return Usage(
        sides={key: frozenset(value) for key, value in sides.items()},
        operations={key: tuple(sorted(value)) for key, value in users.items()},
    )


def schema_sides(api: Api) -> Mapping[str, frozenset[Side]]:
    """Map each component schema reached by some operation to the sides it travels on."""
    return schema_usage(api).sides
