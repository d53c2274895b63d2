"""Formatting generated Python with black (pinned), in memory."""

from __future__ import annotations

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

_MODE = Mode(line_length=100, target_versions={TargetVersion.PY310}, magic_trailing_comma=False)


class FormatError(Exception):
    """Generated code that black cannot parse: a generator bug, reported with the file name."""


def format_python(source: str, name: str) -> str:
    try:
        return black.format_str(source, mode=_MODE)
    except InvalidInput as exc:  # the generated code does not parse
        raise FormatError(f"{name}: generated code does not parse: {exc}") from None
