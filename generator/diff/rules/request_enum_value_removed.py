"""BC: removing an enum value from a request (body property or parameter) is breaking: writers
sending it are rejected."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import enum_sites, with_params


def check(diff: VersionDiff) -> Iterator[Finding]:
    for finding, sides, old, new in enum_sites(diff):
        if old is not None and new is not None and "request" in sides:
            for value in sorted(set(old) - set(new)):
                yield with_params(finding, value=repr(value))


RULE = Rule("request-enum-value-removed", Severity.BREAKING, check)
