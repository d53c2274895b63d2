"""BC: renaming a path parameter is breaking for a Python caller.

The URL is unchanged, but path parameters are positional-or-keyword arguments of the generated
method, so ``show_contact(contact_id="1")`` fails once the argument is called ``id``. Positional
calls keep working; the rename is reported once, never as a parameter removed plus one added.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import parameter_changes, parameter_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        old, new = parameter.old, parameter.new
        if parameter.location == "path" and old is not None and new is not None and old.py_name != new.py_name:
            yield parameter_finding(
                op, parameter, old=old.name, new=new.name, old_argument=old.py_name, new_argument=new.py_name
            )


RULE = Rule("path-parameter-renamed", Severity.BREAKING, check)
