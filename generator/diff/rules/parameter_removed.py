"""BC: removing a parameter is breaking: calls passing its keyword argument fail."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import parameter_changes, parameter_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        if parameter.old is not None and parameter.new is None:
            yield parameter_finding(op, parameter, argument=parameter.old.py_name)


RULE = Rule("parameter-removed", Severity.BREAKING, check)
