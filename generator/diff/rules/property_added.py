"""BC: adding a property is not breaking, unless it is a required request property (see
``required-request-property-added``): readers may ignore it, writers need not send it."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import code, property_changes, property_finding, touches


def check(diff: VersionDiff) -> Iterator[Finding]:
    for group, prop in property_changes(diff):
        if prop.added:
            assert prop.new is not None
            if not (prop.new.required and touches(group, "request")):
                yield property_finding(group, prop, type=code(prop.new.type))


RULE = Rule("property-added", Severity.NON_BREAKING, check)
