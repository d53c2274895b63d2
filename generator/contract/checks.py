"""One check per assertion kind: is the assertion true in one version's spec?

A check answers TRUE, PARTLY, FALSE or UNKNOWN (the spec cannot tell), with evidence (JSON
pointers and what was found there) and a one-line ``why``. Turning answers for the base and
target versions into a verdict is ``evaluate``'s job.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..ir.model import Operation
from ..ir.refs import join
from .claims import Assertion
from .samples import conformance
from .specquery import (
    Lookup,
    Version,
    body_schema,
    find_property,
    is_nullable,
    reachable,
    request_examples,
    response_schema,
    table_row,
)


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


def _finding(truth: Truth, why: str, version: Version, pointer: str, found: str | None = None) -> Finding:
    return Finding(truth, why, (Evidence(version.name, pointer, found or why),))


def _missing_op(ref: str, version: Version) -> Finding:
    return _finding(Truth.FALSE, f"no operation {ref} in {version.name}", version, "/paths")


def _locate(a: Assertion, version: Version) -> tuple[Lookup, str] | Finding:
    """The property an assertion names, in a component schema or in an operation's request body."""
    name = str(a.get("property"))
    if a.get("schema") is not None:
        key = str(a.get("schema"))
        if key not in version.schemas:
            return _finding(Truth.FALSE, f"no schema {key} in {version.name}", version, "/components/schemas")
        pointer = join("", "components", "schemas", key)
        return find_property(version.schemas, version.schemas[key], pointer, name), f"{key}.{name}"
    ref = str(a.get("operation"))
    op = version.operation(ref)
    if op is None:
        return _missing_op(ref, version)
    body = body_schema(op)
    if body is None:
        return _finding(Truth.FALSE, f"{op.key} takes no request body in {version.name}", version, op.pointer)
    return find_property(version.schemas, body[0], body[1], name), f"{op.key} body {name}"


def _presence(lookup: Lookup, what: str, version: Version) -> Finding:
    if lookup.state == "absent":
        return _finding(Truth.FALSE, f"{what} is not declared in {version.name}", version, "", "not declared")
    evidence = tuple(Evidence(version.name, p, "declared") for p in lookup.pointers)
    if lookup.state == "partial":
        lacking = ", ".join(lookup.lacking)
        evidence += tuple(Evidence(version.name, p, "variant without it") for p in lookup.lacking)
        return Finding(Truth.PARTLY, f"{what} is declared by some request variants only (not {lacking})", evidence)
    return Finding(Truth.TRUE, f"{what} is declared in {version.name}", evidence)


def _one_operation(ref: str, parameters: list[str], version: Version) -> Finding:
    op = version.operation(ref)
    if op is None:
        return _missing_op(ref, version)
    names = [p.name for p in op.parameters]
    missing = [p for p in parameters if p not in names]
    found = f"{op.key} ({op.operation_id or 'no operationId'}; {op.summary or 'no summary'})"
    if missing:
        why = (
            f"{ref} is {op.key} ({op.summary or 'no summary'}), taking {', '.join(names) or 'no parameters'}, "
            f"not {', '.join(missing)}"
        )
        return _finding(Truth.PARTLY, why, version, op.pointer, found)
    name = f"{op.key} ({op.operation_id})" if ref == op.key else f"{ref} is {op.key}"
    return _finding(Truth.TRUE, f"{name} in {version.name}", version, op.pointer, found)


def check_operation(a: Assertion, version: Version, _: Any) -> Finding:
    refs = [str(r) for r in (a.get("operations") or [a.get("operation")])]
    parameters = [str(p) for p in a.get("parameters") or []]
    findings = [_one_operation(ref, parameters, version) for ref in refs]
    return combine_findings(findings)


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


def check_parameter(a: Assertion, version: Version, _: Any) -> Finding:
    ref, name, where = str(a.get("operation")), str(a.get("parameter")), a.get("in")
    op = version.operation(ref)
    if op is None:
        return _missing_op(ref, version)
    for p in op.parameters:
        if p.name == name and (where is None or p.location == where):
            return _finding(Truth.TRUE, f"{op.key} takes {p.location} parameter {name}", version, op.pointer)
    return _finding(Truth.FALSE, f"{op.key} has no parameter {name} in {version.name}", version, op.pointer)


def check_property(a: Assertion, version: Version, _: Any) -> Finding:
    located = _locate(a, version)
    if isinstance(located, Finding):
        return located
    finding = _presence(*located, version)
    via = a.get("via")
    if via is None or finding.truth is Truth.FALSE:
        return finding
    op = version.operation(str(via))
    if op is None:
        return _missing_op(str(via), version)
    response = response_schema(op)
    keys = reachable(version.schemas, response[0]) if response else set()
    if str(a.get("schema")) not in keys:
        why = f"{a.get('schema')} is not reachable from the response of {op.key} in {version.name}"
        return Finding(Truth.PARTLY, why, (*finding.evidence, Evidence(version.name, op.pointer, why)))
    reach = Evidence(version.name, response[1] if response else op.pointer, f"reaches {a.get('schema')}")
    return Finding(finding.truth, f"{finding.why}, in the response of {op.key}", (*finding.evidence, reach))


def check_schema(a: Assertion, version: Version, _: Any) -> Finding:
    key = str(a.get("schema"))
    pointer = join("", "components", "schemas", key)
    if key in version.schemas:
        return _finding(Truth.TRUE, f"schema {key} exists in {version.name}", version, pointer, "exists")
    return _finding(Truth.FALSE, f"no schema {key} in {version.name}", version, "/components/schemas")


def check_nullability(a: Assertion, version: Version, _: Any) -> Finding:
    located = _locate(a, version)
    if isinstance(located, Finding):
        return located
    lookup, what = located
    if lookup.state == "absent":
        return _presence(lookup, what, version)
    actual = {"nullable": is_nullable(version.schemas, lookup.node), "required": lookup.required}
    wrong = [
        f"{k} is {str(actual[k]).lower()}"
        for k in ("nullable", "required")
        if a.get(k) is not None and a.get(k) != actual[k]
    ]
    found = ", ".join(f"{k}: {str(v).lower()}" for k, v in actual.items())
    evidence = tuple(Evidence(version.name, p, found) for p in lookup.pointers)
    if wrong:
        return Finding(Truth.FALSE, f"{what}: {', '.join(wrong)} in {version.name}", evidence)
    return Finding(Truth.TRUE, f"{what}: {found} in {version.name}", evidence)


def check_default(a: Assertion, version: Version, _: Any) -> Finding:
    located = _locate(a, version)
    if isinstance(located, Finding):
        return located
    lookup, what = located
    if lookup.state == "absent" or lookup.node is None:
        return _presence(lookup, what, version)
    pointer = lookup.pointers[0]
    if "default" not in lookup.node:
        return _finding(Truth.UNKNOWN, f"{what} declares no default in {version.name}", version, pointer, "no default")
    actual, wanted = lookup.node["default"], a.get("default")
    truth = Truth.TRUE if actual == wanted else Truth.FALSE
    return _finding(truth, f"{what} defaults to {json.dumps(actual)} in {version.name}", version, pointer)


def check_status(a: Assertion, version: Version, _: Any) -> Finding:
    ref, status = str(a.get("operation")), str(a.get("status"))
    op = version.operation(ref)
    if op is None:
        return _missing_op(ref, version)
    statuses = [r.status for r in op.responses]
    if status not in statuses:
        why = f"{op.key} documents {', '.join(statuses)}, not {status}, in {version.name}"
        return _finding(Truth.FALSE, why, version, join(op.pointer, "responses"))
    schema, pointer = a.get("schema"), join(op.pointer, "responses", status)
    response = response_schema(op, status)
    if schema is not None and (response is None or str(schema) not in reachable(version.schemas, response[0])):
        return _finding(Truth.PARTLY, f"{op.key} {status} does not return {schema} in {version.name}", version, pointer)
    return _finding(Truth.TRUE, f"{op.key} documents {status} in {version.name}", version, pointer)


def _target_schema(a: Assertion, version: Version) -> tuple[Any, str] | Finding:
    if a.get("schema") is not None:
        key = str(a.get("schema"))
        if key not in version.schemas:
            return _finding(Truth.FALSE, f"no schema {key} in {version.name}", version, "/components/schemas")
        return version.schemas[key], join("", "components", "schemas", key)
    ref = str(a.get("operation"))
    op = version.operation(ref)
    if op is None:
        return _missing_op(ref, version)
    if a.get("status") is not None:
        response = response_schema(op, str(a.get("status")))
        if response is None:
            return _finding(
                Truth.FALSE, f"{op.key} has no {a.get('status')} body in {version.name}", version, op.pointer
            )
        return response[0], response[1]
    body = body_schema(op)
    if body is None:
        return _finding(Truth.FALSE, f"{op.key} takes no request body in {version.name}", version, op.pointer)
    return body


def validate_payload(payload: Any, node: Any, pointer: str, version: Version, what: str) -> Finding:
    problems = conformance(version.schemas, payload, node, pointer)
    if not problems:
        return _finding(Truth.TRUE, f"{what} conforms to {pointer} in {version.name}", version, pointer, "conforms")
    truth = Truth.PARTLY if all(p.kind == "required" for p in problems) else Truth.FALSE
    listed = "; ".join(p.render() for p in problems[:6]) + ("; ..." if len(problems) > 6 else "")
    return _finding(truth, f"{what} does not conform in {version.name}: {listed}", version, pointer, listed)


def check_example(a: Assertion, version: Version, payload: Any) -> Finding:
    target = _target_schema(a, version)
    if isinstance(target, Finding):
        return target
    return validate_payload(payload, target[0], target[1], version, "the changelog's sample")


def check_request_example(a: Assertion, version: Version, _: Any) -> Finding:
    ref, name = str(a.get("operation")), str(a.get("example"))
    op = version.operation(ref)
    if op is None:
        return _missing_op(ref, version)
    examples, pointer = request_examples(version, op)
    body = body_schema(op)
    if name not in examples or body is None:
        listed = ", ".join(examples) or "none"
        return _finding(
            Truth.FALSE, f"{op.key} has no request example {name} in {version.name} ({listed})", version, pointer
        )
    found = validate_payload(examples[name], body[0], body[1], version, f"example {name}")
    where = Evidence(version.name, join(pointer, name), "request example")
    # the example documents the capability; a body schema that rejects it makes that only partly true
    truth = Truth.TRUE if found.truth is Truth.TRUE else Truth.PARTLY
    return Finding(truth, found.why, (where, *found.evidence))


def check_version_header(a: Assertion, version: Version, _: Any) -> Finding:
    value = str(a.get("value"))
    enum_values = (version.schemas.get("intercom_version") or {}).get("enum") or []
    pointer = "/components/schemas/intercom_version/enum"
    truth = Truth.TRUE if value in [str(v) for v in enum_values] else Truth.FALSE
    verb = "accepts" if truth is Truth.TRUE else "does not accept"
    return _finding(truth, f"Intercom-Version {verb} {value!r} in {version.name}", version, pointer)


def check_searchable(a: Assertion, version: Version, _: Any) -> Finding:
    ref, name = str(a.get("operation")), str(a.get("field"))
    op = version.operation(ref)
    if op is None:
        return _missing_op(ref, version)
    pointer = join(op.pointer, "description")
    if table_row(op.description, name):
        return _finding(Truth.TRUE, f"{op.key} lists {name} as searchable in {version.name}", version, pointer)
    return _finding(Truth.FALSE, f"{op.key} does not list {name} as searchable in {version.name}", version, pointer)


def _described(a: Assertion, version: Version) -> tuple[str, str] | Finding:
    if a.get("tag") is not None:
        found = version.tag_description(str(a.get("tag")))
        return found or _finding(Truth.FALSE, f"no tag {a.get('tag')} in {version.name}", version, "/tags")
    if a.get("operation") is not None:
        op: Operation | None = version.operation(str(a.get("operation")))
        if op is None:
            return _missing_op(str(a.get("operation")), version)
        return op.pointer, f"{op.summary}\n{op.description}"
    if a.get("property") is not None:
        located = _locate(a, version)
        if isinstance(located, Finding):
            return located
        lookup = located[0]
        if lookup.node is None:
            return _presence(lookup, located[1], version)
        return lookup.pointers[0], str(lookup.node.get("description") or "")
    key = str(a.get("schema"))
    if key not in version.schemas:
        return _finding(Truth.FALSE, f"no schema {key} in {version.name}", version, "/components/schemas")
    return join("", "components", "schemas", key), str(version.schemas[key].get("description") or "")


def check_documented(a: Assertion, version: Version, _: Any) -> Finding:
    described = _described(a, version)
    if isinstance(described, Finding):
        return described
    pointer, text = described
    wanted = " ".join(str(a.get("text")).split()).lower()
    if wanted in " ".join(text.split()).lower():
        return _finding(Truth.TRUE, f"the spec says {str(a.get('text'))!r} in {version.name}", version, pointer)
    return _finding(Truth.FALSE, f"the spec does not say {str(a.get('text'))!r} in {version.name}", version, pointer)


Check = Callable[[Assertion, Version, Any], Finding]
CHECKS: Mapping[str, Check] = {
    "operation-added": check_operation,
    "parameter-added": check_parameter,
    "property-added": check_property,
    "body-property-added": check_property,
    "schema-added": check_schema,
    "nullability": check_nullability,
    "default-value": check_default,
    "response-status": check_status,
    "example-validates": check_example,
    "request-example": check_request_example,
    "version-header": check_version_header,
    "searchable-field": check_searchable,
    "documented": check_documented,
}
