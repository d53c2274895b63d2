"""Leveled diagnostics, collected while a run goes on and printed once at the end.

A problem found in a spec is never printed where it is found: it becomes a ``Diagnostic`` with a
level, the version (or file) it belongs to and a JSON pointer (or line) locating it. The CLI prints
the collection once. ``ERROR`` diagnostics abort a run before anything is written; ``--strict``
promotes warnings to errors.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

INTERNAL_ERROR_HINT = (
    "this is a bug in intercom-gen, not in your spec; please report it with the spec (or the part of it"
    " named here) and this message"
)


class Level(enum.IntEnum):
    """Severity of a diagnostic; higher is worse."""

    INFO = 10
    WARNING = 20
    ERROR = 30


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located in a source file by JSON pointer and/or line."""

    level: Level
    source: str
    pointer: str
    message: str
    code: str = ""
    line: int | None = None

    def location(self) -> str:
        # a file name may hold line breaks or control characters: one diagnostic stays one line
        where = self.source if self.source.isprintable() else self.source.encode("unicode_escape").decode("ascii")
        if self.line is not None:
            where += f":{self.line}"
        if self.pointer:
            where += f" at {self.pointer}"
        return where

    def render(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        return f"{self.level.name.lower()}{code}: {self.location()}: {self.message}"


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of diagnostics."""

    items: list[Diagnostic] = field(default_factory=list)
    footer: str = ""
    """What the errors meant for the run (for example "nothing was written"), printed after them."""

    def add(
        self,
        level: Level,
        source: str,
        pointer: str,
        message: str,
        *,
        code: str = "",
        line: int | None = None,
    ) -> None:
        diagnostic = Diagnostic(level, source, pointer, message, code, line)
        if diagnostic not in self.items:
            self.items.append(diagnostic)

    def info(self, source: str, pointer: str, message: str, *, code: str = "") -> None:
        self.add(Level.INFO, source, pointer, message, code=code)

    def warning(self, source: str, pointer: str, message: str, *, code: str = "") -> None:
        self.add(Level.WARNING, source, pointer, message, code=code)

    def error(self, source: str, pointer: str, message: str, *, code: str = "", line: int | None = None) -> None:
        self.add(Level.ERROR, source, pointer, message, code=code, line=line)

    def extend(self, other: Iterable[Diagnostic]) -> None:
        for diagnostic in other:
            if diagnostic not in self.items:
                self.items.append(diagnostic)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def at_least(self, level: Level) -> list[Diagnostic]:
        return [d for d in self.items if d.level >= level]

    def has_errors(self, *, strict: bool = False) -> bool:
        return bool(self.at_least(Level.WARNING if strict else Level.ERROR))

    def promote_warnings(self) -> None:
        """``--strict``: every warning becomes an error (and says so)."""
        self.items = [
            replace(d, level=Level.ERROR, message=f"{d.message} (an error with --strict)")
            if d.level == Level.WARNING
            else d
            for d in self.items
        ]

    def acknowledge(self, source: str, code: str, pointer: str, note: str) -> bool:
        """The warnings about ``source`` with ``code`` at ``pointer`` become infos ending in ``note``.

        True when there was one: a reviewed, expected defect is no longer a warning."""
        hits = [
            i
            for i, d in enumerate(self.items)
            if d.level == Level.WARNING and (d.source, d.code, d.pointer) == (source, code, pointer)
        ]
        for i in hits:
            self.items[i] = replace(self.items[i], level=Level.INFO, message=f"{self.items[i].message} ({note})")
        return bool(hits)

    def with_lines(self, find_line: Callable[[str], int | None], source: str) -> None:
        """Fill in the line of every located warning or error about ``source`` that only has a pointer."""
        self.items = [
            replace(d, line=find_line(d.pointer))
            if d.source == source and d.line is None and d.pointer and d.level >= Level.WARNING
            else d
            for d in self.items
        ]

    def counts(self) -> dict[Level, int]:
        return {level: sum(1 for d in self.items if d.level == level) for level in Level}


class GeneratorError(Exception):
    """Raised to abort a run; carries the diagnostics that explain why."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("; ".join(d.render() for d in self.diagnostics))

    @classmethod
    def single(
        cls, source: str, pointer: str, message: str, *, code: str = "", line: int | None = None
    ) -> GeneratorError:
        return cls([Diagnostic(Level.ERROR, source, pointer, message, code, line)])
