"""BC: an optional parameter becoming required is breaking: calls that leave it out fail."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import parameter_changes, parameter_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        old, new = parameter.old, parameter.new
        if old is not None and new is not None and not old.required and new.required:
            yield parameter_finding(op, parameter, argument=new.py_name)


RULE = Rule("parameter-became-required", Severity.BREAKING, check)
