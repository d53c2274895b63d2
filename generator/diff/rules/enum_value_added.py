"""BC: adding an enum value is not breaking: writers may send it, and the generated models accept
values they do not know when reading, so readers keep working."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import enum_sites, with_params


def check(diff: VersionDiff) -> Iterator[Finding]:
    for finding, _, old, new in enum_sites(diff):
        if old is not None and new is not None:
            for value in sorted(set(new) - set(old)):
                yield with_params(finding, value=repr(value))


RULE = Rule("enum-value-added", Severity.NON_BREAKING, check)
