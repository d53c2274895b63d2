"""BC: a required parameter becoming optional is not breaking: existing calls still pass it."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import parameter_changes, parameter_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        old, new = parameter.old, parameter.new
        if old is not None and new is not None and old.required and not new.required:
            yield parameter_finding(op, parameter, argument=new.py_name)


RULE = Rule("parameter-became-optional", Severity.NON_BREAKING, check)
