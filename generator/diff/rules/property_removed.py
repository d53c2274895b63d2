"""BC: removing a property is breaking: readers lose a model field, writers can no longer send it."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import code, property_changes, property_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in property_changes(diff):
        if prop.removed:
            assert prop.old is not None
            yield property_finding(group, prop, type=code(prop.old.type))


RULE = Rule("property-removed", Severity.BREAKING, check)
