"""What a check of one assertion in one version's spec answers, and the lookups checks share.

A check answers TRUE, PARTLY, FALSE or UNKNOWN (the spec cannot tell), with evidence (JSON
pointers and what was found there) and a one-line ``why``. Turning answers for the base and
target versions into a verdict is ``evaluate``'s job; the checks themselves are methods of the
assertion kinds (``kinds/``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..ir.model import Operation
from ..ir.refs import join
from .samples import conformance
from .specquery import Lookup, Version, body_schema, find_property, response_schema


class Truth(enum.Enum):
    TRUE = "true"
    PARTLY = "partly"
    FALSE = "false"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Evidence:
    version: str
    pointer: str
    found: str

    def as_dict(self) -> dict[str, str]:
        return {"version": self.version, "pointer": self.pointer, "found": self.found}


@dataclass(frozen=True)
class Finding:
    truth: Truth
    why: str
    evidence: tuple[Evidence, ...] = ()


def finding(truth: Truth, why: str, version: Version, pointer: str, found: str | None = None) -> Finding:
    return Finding(truth, why, (Evidence(version.name, pointer, found or why),))


def missing_operation(ref: str, version: Version) -> Finding:
    return finding(Truth.FALSE, f"no operation {ref} in {version.name}", version, "/paths")


def missing_schema(key: str, version: Version) -> Finding:
    return finding(Truth.FALSE, f"no schema {key} in {version.name}", version, "/components/schemas")


def operation_or_finding(ref: str, version: Version) -> Operation | Finding:
    op = version.operation(ref)
    return op if op is not None else missing_operation(ref, version)


def combine_findings(findings: list[Finding]) -> Finding:
    truths = {f.truth for f in findings}
    evidence = tuple(e for f in findings for e in f.evidence)
    if len(truths) == 1:
        truth = truths.pop()
        why = "; ".join(f.why for f in findings)
    else:
        truth = Truth.PARTLY
        why = "; ".join(f.why for f in findings if f.truth is not Truth.TRUE)
    return Finding(truth, why, evidence)


def owner_node(schema: str | None, operation: str | None, version: Version) -> tuple[Any, str, str] | Finding:
    """The node a property is looked up under: a component schema or an operation's request body.

    Returns (node, pointer, label) or the finding that says why there is none.
    """
    if schema is not None:
        if schema not in version.schemas:
            return missing_schema(schema, version)
        return version.schemas[schema], join("", "components", "schemas", schema), schema
    op = operation_or_finding(str(operation), version)
    if isinstance(op, Finding):
        return op
    body = body_schema(op)
    if body is None:
        return finding(Truth.FALSE, f"{op.key} takes no request body in {version.name}", version, op.pointer)
    return body[0], body[1], f"{op.key} body"


def locate(schema: str | None, operation: str | None, name: str, version: Version) -> tuple[Lookup, str] | Finding:
    """The property ``name`` (a dotted path for nested ones) of a schema or of a request body."""
    owner = owner_node(schema, operation, version)
    if isinstance(owner, Finding):
        return owner
    node, pointer, label = owner
    separator = "." if schema is not None else " "
    return find_property(version.schemas, node, pointer, name), f"{label}{separator}{name}"


def presence(lookup: Lookup, what: str, version: Version) -> Finding:
    if lookup.state == "absent":
        return finding(Truth.FALSE, f"{what} is not declared in {version.name}", version, "", "not declared")
    evidence = tuple(Evidence(version.name, p, "declared") for p in lookup.pointers)
    if lookup.state == "partial":
        lacking = ", ".join(lookup.lacking)
        evidence += tuple(Evidence(version.name, p, "variant without it") for p in lookup.lacking)
        return Finding(Truth.PARTLY, f"{what} is declared by some request variants only (not {lacking})", evidence)
    return Finding(Truth.TRUE, f"{what} is declared in {version.name}", evidence)


def payload_target(
    schema: str | None, operation: str | None, status: str | None, version: Version
) -> tuple[Mapping[str, Any], str] | Finding:
    """The schema a sample is held to: a component schema, a response body or a request body."""
    if schema is not None:
        if schema not in version.schemas:
            return missing_schema(schema, version)
        return version.schemas[schema], join("", "components", "schemas", schema)
    op = operation_or_finding(str(operation), version)
    if isinstance(op, Finding):
        return op
    if status is not None:
        response = response_schema(op, status)
        if response is None:
            return finding(Truth.FALSE, f"{op.key} has no {status} body in {version.name}", version, op.pointer)
        return response[0], response[1]
    body = body_schema(op)
    if body is None:
        return finding(Truth.FALSE, f"{op.key} takes no request body in {version.name}", version, op.pointer)
    return body


def validate_payload(payload: Any, node: Any, pointer: str, version: Version, what: str) -> Finding:
    problems = conformance(version.schemas, payload, node, pointer)
    if not problems:
        return finding(Truth.TRUE, f"{what} conforms to {pointer} in {version.name}", version, pointer, "conforms")
    truth = Truth.PARTLY if all(p.kind == "required" for p in problems) else Truth.FALSE
    listed = "; ".join(p.render() for p in problems[:6]) + ("; ..." if len(problems) > 6 else "")
    return finding(truth, f"{what} does not conform in {version.name}: {listed}", version, pointer, listed)
