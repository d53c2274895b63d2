"""BC: dropping an enum constraint is not breaking: writers may send any value, and readers already
had to accept values they did not know."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import enum_sites, with_params


def check(diff: VersionDiff) -> Iterator[Finding]:
    for finding, _, old, new in enum_sites(diff):
        if old is not None and new is None:
            yield with_params(finding, values=", ".join(repr(v) for v in old))


RULE = Rule("enum-constraint-removed", Severity.NON_BREAKING, check)
