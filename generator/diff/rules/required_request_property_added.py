"""BC: adding a required property to a request is breaking: existing payloads lack it."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import code, property_changes, property_finding, touches


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in property_changes(diff):
        if prop.added and touches(group, "request"):
            assert prop.new is not None
            if prop.new.required:
                yield property_finding(group, prop, type=code(prop.new.type))


RULE = Rule("required-request-property-added", Severity.BREAKING, check)
