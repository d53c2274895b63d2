"""BC: a response property becoming nullable is breaking for a reader: it may now be ``None``."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import both_sides, property_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.nullable is False and prop.new.nullable is True and "response" in group.sides:
            yield property_finding(group, prop)


RULE = Rule("response-property-became-nullable", Severity.BREAKING, check)
