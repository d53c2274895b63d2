"""BC: adding an optional parameter is not breaking: the method gains a keyword argument with a default."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import parameter_changes, parameter_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        if parameter.old is None and parameter.new is not None and not parameter.new.required:
            yield parameter_finding(op, parameter, argument=parameter.new.py_name)


RULE = Rule("parameter-added", Severity.NON_BREAKING, check)
