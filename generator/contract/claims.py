"""Claims files: what each changelog statement asserts, in a form the specs can be held to.

``specs/changelogs/index.yaml`` lists the changelogs (text file, claims file, provenance). A
claims file names the version pair and lists ``claims`` and ``not_claims``::

    base: "2.10"              # the version the changelog is measured against
    target: "2.11"            # the version the changelog describes
    claims:
      - id: data-attribute-messenger-writable      # stable, descriptive, unique in the file
        quote: "The Data Attribute model now includes the flag messenger_writable"
        also_quotes: [...]                          # optional: further statements this claim covers
        versions: ["2.10", "2.11"]                  # optional: a backport; true in each listed version
        asserts: {kind: property-added, schema: data_attribute, property: messenger_writable}
        expected: not-new                           # the verdict a careful reading of the specs gives
        note: "..."                                 # optional
    not_claims:
      - quote: "See more details in unversioned changes."
        reason: link to another page

``asserts`` is one mapping or a list of them (the verdict then combines the items). The kinds and
their fields are in ``KINDS``. Loading never raises for a bad file: problems become diagnostics
naming the file and the JSON pointer, and the bad entry is left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics, GeneratorError
from ..core.paths import SPECS_DIR
from ..spec.load import load_mapping

CHANGELOG_DIR = SPECS_DIR / "changelogs"
INDEX_FILE = CHANGELOG_DIR / "index.yaml"

VERDICTS = ("holds", "contradicted", "partial", "not-new", "doc-only", "unverifiable")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_REVIEW_MARK = re.compile(r"\bREVIEW\b")

# kind -> (required fields, optional fields); "operation" accepts an operationId or "METHOD /path"
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "operation-added": ((), ("operation", "operations", "parameters")),
    "parameter-added": (("operation", "parameter"), ("in",)),
    "property-added": (("schema", "property"), ("via",)),
    "body-property-added": (("operation", "property"), ()),
    "schema-added": (("schema",), ()),
    "nullability": (("property",), ("schema", "operation", "nullable", "required")),
    "default-value": (("property", "default"), ("schema", "operation")),
    "response-status": (("operation", "status"), ("schema",)),
    "example-validates": ((), ("schema", "operation", "status")),
    "request-example": (("operation", "example"), ()),
    "version-header": (("value",), ()),
    "searchable-field": (("operation", "field"), ()),
    "documented": (("text",), ("schema", "property", "operation", "tag")),
    "doc-only": (("reason",), ()),
    "unverifiable": (("reason",), ()),
}
STRUCTURAL = frozenset(KINDS) - {"documented", "searchable-field", "doc-only", "unverifiable"}


@dataclass(frozen=True)
class Assertion:
    kind: str
    fields: Mapping[str, Any]
    pointer: str  # where it is in the claims file

    def get(self, name: str) -> Any:
        return self.fields.get(name)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.fields}


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    asserts: tuple[Assertion, ...]
    expected: str
    pointer: str
    also_quotes: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    note: str = ""

    @property
    def quotes(self) -> tuple[str, ...]:
        return (self.quote, *self.also_quotes)


@dataclass(frozen=True)
class NotClaim:
    quote: str
    reason: str
    pointer: str


@dataclass(frozen=True)
class ClaimsFile:
    source: str  # as shown to users, e.g. specs/changelogs/2.11.claims.yaml
    base: str
    target: str
    claims: tuple[Claim, ...]
    not_claims: tuple[NotClaim, ...]


@dataclass(frozen=True)
class ChangelogEntry:
    """One changelog in the index: its text, its claims file and where the text came from."""

    version: str
    text: Path
    claims: Path
    provenance: Mapping[str, Any] = field(default_factory=dict)


def _label(path: Path) -> str:
    try:
        return path.resolve().relative_to(SPECS_DIR.parent).as_posix()
    except ValueError:
        return str(path)


def load_index(path: Path = INDEX_FILE) -> tuple[ChangelogEntry, ...]:
    source = _label(path)
    document, _ = load_mapping(path, label=source)
    raw = document.get("changelogs")
    if not isinstance(raw, list) or not raw:
        raise GeneratorError.single(source, "/changelogs", "expected a non-empty list", code="changelog-index")
    entries = []
    for index, item in enumerate(raw):
        where = f"/changelogs/{index}"
        if not isinstance(item, Mapping) or not all(
            isinstance(item.get(k), str) for k in ("version", "text", "claims")
        ):
            raise GeneratorError.single(
                source, where, "each changelog needs string fields version, text and claims", code="changelog-index"
            )
        provenance = {k: v for k, v in item.items() if k not in ("version", "text", "claims")}
        entries.append(
            ChangelogEntry(str(item["version"]), path.parent / item["text"], path.parent / item["claims"], provenance)
        )
    return tuple(entries)


class _Reader:
    def __init__(self, source: str, diagnostics: Diagnostics) -> None:
        self.source = source
        self.diagnostics = diagnostics
        self.ok = True

    def error(self, pointer: str, message: str) -> None:
        self.ok = False
        self.diagnostics.error(self.source, pointer, message, code="claims-invalid")

    def text(self, raw: Mapping[str, Any], key: str, pointer: str, *, required: bool = True) -> str:
        value = raw.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error(f"{pointer}/{key}", f"expected a non-empty string for {key!r}, found {value!r}")
            return ""
        if _REVIEW_MARK.search(value):
            self.error(f"{pointer}/{key}", f"{key!r} still says REVIEW: review the drafted entry")
        return value

    def entries(self, raw: Mapping[str, Any], key: str) -> list[Any]:
        """The list under top-level ``key`` (``claims``, ``not_claims``); anything else is an error."""
        value = raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            kind = {dict: "a mapping", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
            self.error(f"/{key}", f"{key!r} must be a list of entries, found {kind.get(type(value), repr(value))}")
            return []
        return value

    def strings(self, raw: Mapping[str, Any], key: str, pointer: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            self.error(f"{pointer}/{key}", f"expected a list of strings for {key!r}")
            return ()
        return tuple(str(v) for v in value)

    def assertion(self, raw: Any, pointer: str) -> Assertion | None:
        if not isinstance(raw, Mapping) or raw.get("kind") not in KINDS:
            kind = raw.get("kind") if isinstance(raw, Mapping) else raw
            self.error(pointer, f"unknown assertion kind {kind!r} (known: {', '.join(KINDS)})")
            return None
        kind = str(raw["kind"])
        required, optional = KINDS[kind]
        fields = {str(k): v for k, v in raw.items() if k != "kind"}
        missing = [f for f in required if fields.get(f) is None]
        unknown = sorted(set(fields) - set(required) - set(optional))
        if missing or unknown:
            problems = [f"missing {', '.join(missing)}"] if missing else []
            problems += [f"unknown field(s) {', '.join(unknown)}"] if unknown else []
            self.error(pointer, f"{kind}: {'; '.join(problems)}")
            return None
        if kind == "operation-added" and not (fields.get("operation") or fields.get("operations")):
            self.error(pointer, "operation-added needs operation or operations")
            return None
        for key in ("reason", "text"):
            if key in required:
                self.text(fields, key, pointer)
        return Assertion(kind, fields, pointer)

    def claim(self, raw: Any, pointer: str) -> Claim | None:
        if not isinstance(raw, Mapping):
            self.error(pointer, "each claim must be a mapping")
            return None
        claim_id = self.text(raw, "id", pointer)
        if claim_id and not _ID.match(claim_id):
            self.error(f"{pointer}/id", f"claim id {claim_id!r} must be lower-case words joined by '-'")
        expected = self.text(raw, "expected", pointer)
        if expected and expected not in VERDICTS:
            self.error(f"{pointer}/expected", f"expected must be one of {', '.join(VERDICTS)}, found {expected!r}")
        items = raw.get("asserts")
        listed = items if isinstance(items, list) else [items]
        asserts = [
            self.assertion(item, f"{pointer}/asserts" + (f"/{i}" if isinstance(items, list) else ""))
            for i, item in enumerate(listed)
        ]
        if not listed or any(a is None for a in asserts):
            return None
        return Claim(
            id=claim_id,
            quote=self.text(raw, "quote", pointer),
            asserts=tuple(a for a in asserts if a is not None),
            expected=expected,
            pointer=pointer,
            also_quotes=self.strings(raw, "also_quotes", pointer),
            versions=self.strings(raw, "versions", pointer),
            note=self.text(raw, "note", pointer, required=False),
        )


def load_claims(path: Path, diagnostics: Diagnostics) -> ClaimsFile:
    """Load and check one claims file; entries with problems are reported and left out."""
    source = _label(path)
    document, _ = load_mapping(path, label=source)
    reader = _Reader(source, diagnostics)
    base, target = reader.text(document, "base", ""), reader.text(document, "target", "")
    claims: list[Claim] = []
    seen: set[str] = set()
    for index, raw in enumerate(reader.entries(document, "claims")):
        claim = reader.claim(raw, f"/claims/{index}")
        if claim is None:
            continue
        if claim.id in seen:
            reader.error(f"/claims/{index}/id", f"duplicate claim id {claim.id!r}")
            continue
        seen.add(claim.id)
        claims.append(claim)
    not_claims = []
    for index, raw in enumerate(reader.entries(document, "not_claims")):
        pointer = f"/not_claims/{index}"
        if not isinstance(raw, Mapping):
            reader.error(pointer, "each not_claims entry must be a mapping with quote and reason")
            continue
        quote, reason = reader.text(raw, "quote", pointer), reader.text(raw, "reason", pointer)
        if quote and reason:
            not_claims.append(NotClaim(quote, reason, pointer))
    return ClaimsFile(source, base, target, tuple(claims), tuple(not_claims))
