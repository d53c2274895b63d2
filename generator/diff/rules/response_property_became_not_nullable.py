"""BC: a response-only property no longer being null is not breaking: readers simply never see ``None``."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import both_sides, property_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.nullable is True and prop.new.nullable is False and "request" not in group.sides:
            yield property_finding(group, prop)


RULE = Rule("response-property-became-not-nullable", Severity.NON_BREAKING, check)
