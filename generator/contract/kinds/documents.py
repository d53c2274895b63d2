"""Assertion kinds about samples, the version header and the spec's prose; and those with nothing to check.

``example-validates`` holds the changelog's own code sample to a schema (what a client's models
parse). ``request-example``, ``searchable-field`` and ``documented`` rest on the spec's examples
and descriptions only: the generated client shows nothing of them, so when true and new they get
``doc-only``, not ``holds``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...ir.refs import join
from ..checks import (
    Evidence,
    Finding,
    Truth,
    finding,
    locate,
    missing_schema,
    operation_or_finding,
    payload_target,
    presence,
    validate_payload,
)
from ..pkgview import parses
from ..specquery import Version, body_schema, request_examples, table_row
from .base import Assertion, EvidenceKind

if TYPE_CHECKING:
    from ..pkgview import PackageView


def _sample_agrees(truth: Truth, parsed: tuple[bool, str]) -> tuple[bool, str]:
    """A sample the spec accepts must parse; one it rejects may parse anyway (the models are lenient)."""
    ok, found = parsed
    return ok or truth is not Truth.TRUE, found if ok else f"rejects it: {found}"


@dataclass(frozen=True)
class ExampleValidates(Assertion):
    kind: ClassVar[str] = "example-validates"
    summary: ClassVar[str] = "the quoted code sample conforms (`schema`, or `operation` + `status` for a response)"
    needs_payload: ClassVar[bool] = True
    schema: str | None = None
    operation: str | None = None
    status: str | None = None

    def validate(self) -> str | None:
        return None if self.schema or self.operation else "needs schema or operation"

    def check(self, version: Version, payload: Any) -> Finding:
        target = payload_target(self.schema, self.operation, self.status, version)
        if isinstance(target, Finding):
            return target
        return validate_payload(payload, target[0], target[1], version, "the changelog's sample")

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        models = package.sample_models(self.schema, self.operation, self.status)
        return _sample_agrees(finding.truth, parses(models, payload))


@dataclass(frozen=True)
class RequestExample(Assertion):
    kind: ClassVar[str] = "request-example"
    evidence: ClassVar[EvidenceKind] = "documentation"
    summary: ClassVar[str] = "the named request example exists and conforms"
    operation: str
    example: str

    def check(self, version: Version, payload: Any) -> Finding:
        op = operation_or_finding(self.operation, version)
        if isinstance(op, Finding):
            return op
        examples, pointer = request_examples(version, op)
        body = body_schema(op)
        if self.example not in examples or body is None:
            listed = ", ".join(examples) or "none"
            why = f"{op.key} has no request example {self.example} in {version.name} ({listed})"
            return finding(Truth.FALSE, why, version, pointer)
        found = validate_payload(examples[self.example], body[0], body[1], version, f"example {self.example}")
        where = Evidence(version.name, join(pointer, self.example), "request example")
        # the example documents the capability; a body schema that rejects it makes that only partly true
        truth = Truth.TRUE if found.truth is Truth.TRUE else Truth.PARTLY
        return Finding(truth, found.why, (where, *found.evidence))

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        op = package.version.operation(self.operation)
        if op is None or op.body is None:
            return finding.truth is Truth.FALSE, "no request body"
        examples, _pointer = request_examples(package.version, op)
        if self.example not in examples:
            return finding.truth is Truth.FALSE, "no such example"
        return _sample_agrees(finding.truth, parses(package.annotated(op.body.annotation), examples[self.example]))


@dataclass(frozen=True)
class VersionHeader(Assertion):
    kind: ClassVar[str] = "version-header"
    summary: ClassVar[str] = "`Intercom-Version` accepts the value"
    value: str

    def subject_schemas(self, base: Version, target: Version) -> set[str]:
        return {"intercom_version"}

    def check(self, version: Version, payload: Any) -> Finding:
        enum_values = (version.schemas.get("intercom_version") or {}).get("enum") or []
        truth = Truth.TRUE if self.value in [str(v) for v in enum_values] else Truth.FALSE
        verb = "accepts" if truth is Truth.TRUE else "does not accept"
        why = f"Intercom-Version {verb} {self.value!r} in {version.name}"
        return finding(truth, why, version, "/components/schemas/intercom_version/enum")

    def confirm(self, package: PackageView, finding: Finding, payload: Any) -> tuple[bool, str] | None:
        pinned = getattr(package.module, "API_VERSION", None)
        return (pinned == self.value) == (finding.truth is Truth.TRUE), f"API_VERSION = {pinned!r}"


@dataclass(frozen=True)
class SearchableField(Assertion):
    kind: ClassVar[str] = "searchable-field"
    evidence: ClassVar[EvidenceKind] = "documentation"
    summary: ClassVar[str] = "the operation's field table lists the field"
    operation: str
    field: str

    def check(self, version: Version, payload: Any) -> Finding:
        op = operation_or_finding(self.operation, version)
        if isinstance(op, Finding):
            return op
        pointer = join(op.pointer, "description")
        listed = table_row(op.description, self.field)
        verb = "lists" if listed else "does not list"
        why = f"{op.key} {verb} {self.field} as searchable in {version.name}"
        return finding(Truth.TRUE if listed else Truth.FALSE, why, version, pointer)


@dataclass(frozen=True)
class Documented(Assertion):
    kind: ClassVar[str] = "documented"
    evidence: ClassVar[EvidenceKind] = "documentation"
    summary: ClassVar[str] = "the description there says so"
    text: str
    schema: str | None = None
    property: str | None = None
    operation: str | None = None
    tag: str | None = None

    def validate(self) -> str | None:
        return None if self.schema or self.operation or self.tag else "needs schema, operation or tag"

    def tag_refs(self) -> tuple[str, ...]:
        return (self.tag,) if self.tag else ()

    def owner(self) -> str:
        return str(self.schema or self.operation or self.tag or "")

    def _described(self, version: Version) -> tuple[str, str] | Finding:
        if self.tag is not None:
            found = version.tag_description(self.tag)
            return found or finding(Truth.FALSE, f"no tag {self.tag} in {version.name}", version, "/tags")
        if self.property is not None:
            located = locate(self.schema, self.operation, self.property, version)
            if isinstance(located, Finding):
                return located
            lookup = located[0]
            if lookup.node is None:
                return presence(lookup, located[1], version)
            return lookup.pointers[0], str(lookup.node.get("description") or "")
        if self.operation is not None:
            op = operation_or_finding(self.operation, version)
            return op if isinstance(op, Finding) else (op.pointer, f"{op.summary}\n{op.description}")
        key = str(self.schema)
        if key not in version.schemas:
            return missing_schema(key, version)
        return join("", "components", "schemas", key), str(version.schemas[key].get("description") or "")

    def check(self, version: Version, payload: Any) -> Finding:
        described = self._described(version)
        if isinstance(described, Finding):
            return described
        pointer, text = described
        wanted = " ".join(self.text.split()).lower()
        says = wanted in " ".join(text.split()).lower()
        verb = "says" if says else "does not say"
        return finding(
            Truth.TRUE if says else Truth.FALSE, f"the spec {verb} {self.text!r} in {version.name}", version, pointer
        )


@dataclass(frozen=True)
class DocOnly(Assertion):
    kind: ClassVar[str] = "doc-only"
    evidence: ClassVar[EvidenceKind] = "none"
    summary: ClassVar[str] = "(nothing to check: advice or explanation)"
    reason: str

    def label(self) -> str:
        return self.kind


@dataclass(frozen=True)
class Unverifiable(Assertion):
    kind: ClassVar[str] = "unverifiable"
    evidence: ClassVar[EvidenceKind] = "none"
    summary: ClassVar[str] = "(nothing the spec can show: behaviour, UI, permissions)"
    reason: str

    def label(self) -> str:
        return self.kind
