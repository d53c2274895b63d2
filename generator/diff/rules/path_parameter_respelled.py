"""BC: a path parameter respelled without changing the method's argument name is info only."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import parameter_changes, parameter_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        old, new = parameter.old, parameter.new
        if (
            parameter.location == "path"
            and old is not None
            and new is not None
            and old.name != new.name
            and old.py_name == new.py_name
        ):
            yield parameter_finding(op, parameter, old=old.name, new=new.name, argument=new.py_name)


RULE = Rule("path-parameter-respelled", Severity.INFO, check)
