"""BC: restricting a request value (body property or parameter) to an enum is breaking: values outside
it are now rejected."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import enum_sites, with_params


def check(diff: VersionDiff) -> Iterator[Finding]:
    for finding, sides, old, new in enum_sites(diff):
        if old is None and new is not None and "request" in sides:
            yield with_params(finding, values=", ".join(repr(v) for v in new))


RULE = Rule("request-enum-constraint-added", Severity.BREAKING, check)
