"""Helpers for the diff tests: run the diff over a base/revision fixture pair."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from generator.diff import Change, diff_apis, load_api

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "diff"

Summary = tuple[str, str, str | None, str | None, str | None]


def fixture(name: str, side: str) -> Path:
    return FIXTURES / f"{name}_{side}.yaml"


@functools.cache
def changes_for(name: str) -> tuple[Change, ...]:
    """The judged changes from ``<name>_base.yaml`` to ``<name>_revision.yaml``."""
    base = load_api(str(fixture(name, "base")))
    revision = load_api(str(fixture(name, "revision")))
    return tuple(diff_apis(base, revision))


def summary(changes: Iterable[Change]) -> set[Summary]:
    """(rule id, severity, operation, schema, property) of each change."""
    return {(c.id, c.severity.value, c.operation, c.schema, c.property) for c in changes}
