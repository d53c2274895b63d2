"""BC: a response-only property now listing its values as an enum is not breaking: readers get a narrower type."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import enum_sites, with_params


def check(diff: VersionDiff) -> Iterator[Finding]:
    for finding, sides, old, new in enum_sites(diff):
        if old is None and new is not None and "request" not in sides:
            yield with_params(finding, values=", ".join(repr(v) for v in new))


RULE = Rule("response-enum-constraint-added", Severity.NON_BREAKING, check)
