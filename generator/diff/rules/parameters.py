"""Rules about an operation's parameters: the arguments of its generated method.

Path parameters are positional-or-keyword arguments, so renaming one breaks keyword callers
(``show_contact(contact_id="1")`` fails once the argument is ``id``) while positional calls keep
working; a rename is reported once, never as a parameter removed plus one added. Query and header
parameters are keyword-only: adding an optional one is harmless, every other change reaches callers.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Check, Direction, Finding, Rule, Severity
from ..model import VersionDiff
from ._common import code, parameter_changes, parameter_finding


def _path_renamed(argument_renamed: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for op, parameter in parameter_changes(diff):
            old, new = parameter.old, parameter.new
            if parameter.location != "path" or old is None or new is None:
                continue
            if argument_renamed and old.py_name != new.py_name:
                names = {"old_argument": old.py_name, "new_argument": new.py_name}
                yield parameter_finding(op, parameter, old=old.name, new=new.name, **names)
            elif not argument_renamed and old.name != new.name and old.py_name == new.py_name:
                yield parameter_finding(op, parameter, old=old.name, new=new.name, argument=new.py_name)

    return check


def _added(required: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for op, parameter in parameter_changes(diff):
            if parameter.old is None and parameter.new is not None and parameter.new.required == required:
                yield parameter_finding(op, parameter, argument=parameter.new.py_name)

    return check


def _removed(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        if parameter.old is not None and parameter.new is None:
            yield parameter_finding(op, parameter, argument=parameter.old.py_name)


def _required(became: bool) -> Check:
    def check(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
        for op, parameter in parameter_changes(diff):
            old, new = parameter.old, parameter.new
            if old is not None and new is not None and old.required != became and new.required == became:
                yield parameter_finding(op, parameter, argument=new.py_name)

    return check


def _retyped(diff: VersionDiff, direction: Direction) -> Iterator[Finding]:
    for op, parameter in parameter_changes(diff):
        old, new = parameter.old, parameter.new
        if old is not None and new is not None and old.type != new.type:
            yield parameter_finding(op, parameter, old=code(old.type), new=code(new.type))


RULES: tuple[Rule, ...] = (
    Rule(
        "path-parameter-renamed",
        Severity.BREAKING,
        Direction.REQUEST,
        "{operation}: path parameter `{{{old}}}` renamed to `{{{new}}}`; "
        "the method's argument `{old_argument}` is now `{new_argument}` (keyword callers must rename it)",
        "path parameters are positional-or-keyword: keyword callers must rename the argument",
        _path_renamed(argument_renamed=True),
    ),
    Rule(
        "path-parameter-respelled",
        Severity.INFO,
        Direction.REQUEST,
        "{operation}: path parameter `{{{old}}}` renamed to `{{{new}}}`; the argument is still `{argument}`",
        "the wire name changed, the argument did not",
        _path_renamed(argument_renamed=False),
    ),
    Rule(
        "parameter-added",
        Severity.NON_BREAKING,
        Direction.REQUEST,
        "{target} added (optional argument `{argument}`)",
        "a new keyword argument with a default",
        _added(required=False),
    ),
    Rule(
        "required-parameter-added",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target} added as required (argument `{argument}`)",
        "existing calls lack it",
        _added(required=True),
    ),
    Rule(
        "parameter-removed",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target} removed (argument `{argument}`)",
        "calls passing it fail",
        _removed,
    ),
    Rule(
        "parameter-became-required",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target} became required",
        "calls leaving it out fail",
        _required(became=True),
    ),
    Rule(
        "parameter-became-optional",
        Severity.NON_BREAKING,
        Direction.REQUEST,
        "{target} became optional",
        "existing calls still pass it",
        _required(became=False),
    ),
    Rule(
        "parameter-type-changed",
        Severity.BREAKING,
        Direction.REQUEST,
        "{target}: type changed from {old} to {new}",
        "passed values may no longer fit",
        _retyped,
    ),
)
