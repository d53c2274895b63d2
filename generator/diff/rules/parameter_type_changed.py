"""BC: changing a parameter's type is breaking: values callers pass may no longer fit."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import code, parameter_changes, parameter_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        old, new = parameter.old, parameter.new
        if old is not None and new is not None and old.type != new.type:
            yield parameter_finding(op, parameter, old=code(old.type), new=code(new.type))


RULE = Rule("parameter-type-changed", Severity.BREAKING, check)
