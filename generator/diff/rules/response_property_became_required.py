"""BC: a response-only property becoming required is not breaking: readers may now rely on it being there."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import both_sides, property_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.required is False and prop.new.required is True and "request" not in group.sides:
            yield property_finding(group, prop)


RULE = Rule("response-property-became-required", Severity.NON_BREAKING, check)
