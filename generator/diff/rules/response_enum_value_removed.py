"""BC: removing an enum value from a response-only property is not breaking: readers just stop seeing it."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import enum_sites, with_params


def check(diff: VersionDiff) -> Iterator[Finding]:
    for finding, sides, old, new in enum_sites(diff):
        if old is not None and new is not None and "request" not in sides:
            for value in sorted(set(old) - set(new)):
                yield with_params(finding, value=repr(value))


RULE = Rule("response-enum-value-removed", Severity.NON_BREAKING, check)
