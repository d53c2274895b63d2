"""BC: a response property becoming optional is breaking for a reader: the model field becomes ``X | None``
and code that used it unguarded may fail (and no longer type-checks)."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import both_sides, property_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.required is True and prop.new.required is False and "response" in group.sides:
            yield property_finding(group, prop)


RULE = Rule("response-property-became-optional", Severity.BREAKING, check)
