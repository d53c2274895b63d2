"""Helpers for the diff tests: run the diff over a fixture case and its family's base."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from generator.diff import Change, diff_apis, load_api

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "diff"

Summary = tuple[str, str, str | None, str | None, str | None]


def case_files(name: str) -> tuple[Path, Path]:
    """(base, revision) of the case ``name``: ``<family>/base.yaml`` and ``<family>/<name>.yaml``."""
    (revision,) = FIXTURES.glob(f"*/{name}.yaml")
    return revision.parent / "base.yaml", revision


@functools.cache
def changes_for(name: str) -> tuple[Change, ...]:
    """The judged changes from the case's base to its revision."""
    base, revision = case_files(name)
    return tuple(diff_apis(load_api(str(base)), load_api(str(revision))))


def summary(changes: Iterable[Change]) -> set[Summary]:
    """(rule id, severity, operation, schema, property) of each change."""
    return {(c.id, c.severity.value, c.operation, c.schema, c.property) for c in changes}
