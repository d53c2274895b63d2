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
their fields are the classes registered in ``kinds.ALL_KINDS``. An entry the draft wrote carries
``drafted: "<confidence, evidence>"`` until a reviewer removes it; a file with such entries loads,
but its contract is reported as unreviewed. Loading never raises for a bad file: problems become diagnostics
naming the file and the JSON pointer, and the bad entry is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics, GeneratorError
from ..core.paths import SPECS_DIR
from ..spec.load import load_mapping
from .kinds import ALL_KINDS, Assertion, AssertionError_, parse_assertion

CHANGELOG_DIR = SPECS_DIR / "changelogs"
INDEX_FILE = CHANGELOG_DIR / "index.yaml"

VERDICTS = ("holds", "contradicted", "partial", "not-new", "doc-only", "unverifiable")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_REVIEW_MARK = re.compile(r"\bREVIEW\b")

STRUCTURAL = frozenset(cls.kind for cls in ALL_KINDS if cls.evidence == "structural")


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
    drafted: str = ""  # the draft's mark (confidence, evidence) until someone has reviewed the claim

    @property
    def quotes(self) -> tuple[str, ...]:
        return (self.quote, *self.also_quotes)


@dataclass(frozen=True)
class NotClaim:
    quote: str
    reason: str
    pointer: str
    drafted: str = ""


@dataclass(frozen=True)
class ClaimsFile:
    source: str  # as shown to users, e.g. specs/changelogs/2.11.claims.yaml
    base: str
    target: str
    claims: tuple[Claim, ...]
    not_claims: tuple[NotClaim, ...]

    @property
    def unreviewed(self) -> tuple[Claim | NotClaim, ...]:
        """Entries still as drafted: their ``drafted:`` mark was never removed by a reviewer."""
        entries: list[Claim | NotClaim] = [*self.claims, *self.not_claims]
        return tuple(e for e in entries if e.drafted)


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
        try:
            assertion = parse_assertion(raw, pointer)
        except AssertionError_ as exc:
            self.error(pointer, str(exc))
            return None
        for key, value in _strings(raw):
            if _REVIEW_MARK.search(value):
                self.error(f"{pointer}/{key}", f"{key!r} still says REVIEW: review the drafted entry")
        return assertion

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
            drafted=self.mark(raw, pointer),
        )

    def mark(self, raw: Mapping[str, Any], pointer: str) -> str:
        """The ``drafted:`` mark of an entry the draft wrote ("" once a reviewer removed it)."""
        if "drafted" not in raw:
            return ""
        value = raw.get("drafted")
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.error(f"{pointer}/drafted", "drafted must be the draft's note (remove it once reviewed)")
            return "drafted"
        return str(value).strip() or "drafted"


def _strings(raw: Any) -> Iterator[tuple[str, str]]:
    if isinstance(raw, Mapping):
        for key, value in raw.items():
            if isinstance(value, str):
                yield str(key), value


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
            not_claims.append(NotClaim(quote, reason, pointer, reader.mark(raw, pointer)))
    return ClaimsFile(source, base, target, tuple(claims), tuple(not_claims))
