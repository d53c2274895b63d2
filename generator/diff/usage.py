"""Which way each component schema travels: in requests, in responses, or both.

A component is on the request side when an operation's parameters or request body reach it
through ``$ref`` (directly or through other components), and on the response side when a
response reaches it. Rules use this to judge a change made inside a shared component.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..ir.model import Api
from ..ir.schema import Resolver
from .model import Side


@dataclass(frozen=True)
class Usage:
    """Per component schema: the sides it travels on and the operations (``GET /x``) using it."""

    sides: Mapping[str, frozenset[Side]]
    operations: Mapping[str, tuple[str, ...]]


def schema_usage(api: Api) -> Usage:
    """Which operations reach each component schema, from their requests or their responses."""
    reach = Resolver(api.spec)
    sides: dict[str, set[Side]] = {}
    users: dict[str, list[str]] = {}
    for op in api.operations:
        request = [p.schema for p in op.parameters] + ([op.body.schema] if op.body is not None else [])
        responses = [r.schema for r in op.responses if r.schema is not None]
        requested, responded = reach.reachable(request), reach.reachable(responses)
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
