"""The review of a version bump: accepted changes, and whether what remains fails the gate.

An accept file lists changes a team has reviewed, by key, each with the reason it is acceptable::

    accepted:
      - key: "path-parameter-renamed:GET /contacts/{id}:path parameter:id"
        reason: we call show_contact positionally

``--fail-on SEVERITY`` fails (exit 1) when a change at or above that severity is not accepted. A key
that matches no change is reported (a warning; an error with ``--strict``): the file has gone stale.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics, GeneratorError, Level
from ..spec.load import line_finder, load_mapping
from .change import Change, Severity

_ENTRY_FIELDS = ("key", "reason")


@dataclass(frozen=True)
class Accepted:
    key: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class AcceptFile:
    source: str
    entries: tuple[Accepted, ...]

    def reasons(self) -> dict[str, str]:
        return {entry.key: entry.reason for entry in self.entries}


def _entry(item: Any, pointer: str, source: str, diagnostics: Diagnostics) -> Accepted | None:
    if not isinstance(item, Mapping):
        diagnostics.error(source, pointer, "expected a mapping with `key` and `reason`", code="accept-invalid")
        return None
    for name in sorted(set(map(str, item)) - set(_ENTRY_FIELDS)):
        diagnostics.error(
            source, f"{pointer}/{name}", f"unknown field `{name}` (expected key, reason)", code="accept-invalid"
        )
    values: dict[str, str] = {}
    for name in _ENTRY_FIELDS:
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            where = f"{pointer}/{name}" if name in item else pointer
            diagnostics.error(source, where, f"`{name}` must be a non-empty string", code="accept-invalid")
        else:
            values[name] = value.strip()
    if len(values) < len(_ENTRY_FIELDS):
        return None
    return Accepted(values["key"], values["reason"])


def load_accept_file(path: Path) -> AcceptFile:
    """Read an accept file; every problem in it is one located error (file, line, pointer)."""
    source = str(path)
    document, data = load_mapping(path, label=source)
    diagnostics = Diagnostics()
    entries: list[Accepted] = []
    unknown = sorted(set(map(str, document)) - {"accepted"})
    for name in unknown:
        diagnostics.error(source, f"/{name}", f"unknown field `{name}` (expected `accepted`)", code="accept-invalid")
    listed = document.get("accepted")
    if not isinstance(listed, list):
        diagnostics.error(
            source,
            "/accepted" if "accepted" in document else "",
            "`accepted` must be a list of {key, reason} entries",
            code="accept-invalid",
        )
        listed = []
    find_line = line_finder(data.decode("utf-8", "replace"))
    seen: dict[str, int] = {}
    for index, item in enumerate(listed):
        pointer = f"/accepted/{index}"
        entry = _entry(item, pointer, source, diagnostics)
        if entry is None:
            continue
        if entry.key in seen:
            diagnostics.error(
                source,
                f"{pointer}/key",
                f"key listed twice (first at /accepted/{seen[entry.key]})",
                code="accept-invalid",
            )
            continue
        seen[entry.key] = index
        entries.append(Accepted(entry.key, entry.reason, find_line(pointer)))
    diagnostics.with_lines(find_line, source)
    if diagnostics.has_errors():
        raise GeneratorError(diagnostics)
    return AcceptFile(source, tuple(entries))


@dataclass(frozen=True)
class Review:
    """Judged changes held against an accept file and a gate."""

    changes: tuple[Change, ...]
    fail_on: Severity | None = None
    accepted: Mapping[str, str] = field(default_factory=dict)
    """Key -> reason, for the accepted changes only."""
    unmatched: tuple[Accepted, ...] = ()

    def reason(self, change: Change) -> str | None:
        return self.accepted.get(change.key)

    def fails(self, change: Change) -> bool:
        """Whether this change, unaccepted and at or above ``fail_on``, fails the gate."""
        return (
            self.fail_on is not None and change.severity.rank <= self.fail_on.rank and change.key not in self.accepted
        )

    @property
    def failing(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if self.fails(c))


def review(changes: Sequence[Change], fail_on: Severity | None = None, accept: AcceptFile | None = None) -> Review:
    reasons = accept.reasons() if accept is not None else {}
    keys = {c.key for c in changes}
    unmatched = tuple(e for e in accept.entries if e.key not in keys) if accept is not None else ()
    return Review(
        changes=tuple(changes),
        fail_on=fail_on,
        accepted={k: v for k, v in reasons.items() if k in keys},
        unmatched=unmatched,
    )


def report_unmatched(result: Review, source: str, diagnostics: Diagnostics) -> None:
    """Each accepted key matching no change: a warning (``--strict`` makes it an error)."""
    for entry in result.unmatched:
        diagnostics.add(
            Level.WARNING,
            source,
            "",
            f"accepted key matches no change of this diff: {entry.key}",
            code="accept-unmatched",
            line=entry.line,
        )
