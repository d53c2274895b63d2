"""BC: changing a property's type (or a body's or response's own type) is breaking for readers and writers."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import both_sides, code, property_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in both_sides(diff):
        assert prop.old is not None and prop.new is not None
        if prop.old.type != prop.new.type:
            yield property_finding(group, prop, old=code(prop.old.type), new=code(prop.new.type))


RULE = Rule("property-type-changed", Severity.BREAKING, check)
