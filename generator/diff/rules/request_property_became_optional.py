"""BC: a request-only property becoming optional is not breaking: payloads that send it stay valid."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import both_sides, property_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.required is True and prop.new.required is False and "response" not in group.sides:
            yield property_finding(group, prop)


RULE = Rule("request-property-became-optional", Severity.NON_BREAKING, check)
