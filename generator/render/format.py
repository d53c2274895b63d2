"""Formatting generated Python with black (pinned), in memory.

Two decisions make formatting cheap without changing a byte of its output:

- One pass. ``black.format_str`` formats a second time whenever the first pass changed anything,
  to settle trailing commas that the first pass added and the second would treat as "magic". Our
  mode turns magic trailing commas off, so that second pass has nothing left to do; we run black's
  single pass and save half the time. ``tests/unit/test_format.py`` holds the committed
  ``generated/`` tree to the full two-pass ``format_str``, so a case where the passes disagree
  would show up there.
- Masked banners. The leading comment lines of a generated module (the banner naming the spec and
  its checksum) are swapped for same-shaped placeholder comments before formatting and put back
  afterwards. Black never rewrites the text of an ordinary comment, so the output is the same, and
  a module that is identical across API versions except for its banner is one formatting job,
  which the pipeline formats once and the format cache stores once.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib.metadata import version as dist_version

from black.mode import Mode, TargetVersion

_MODE = Mode(line_length=100, target_versions={TargetVersion.PY310}, magic_trailing_comma=False)
# Only plain comments are masked: black rewrites `#!`, `#text` and trailing spaces, and reads
# `# type:` and `# fmt:` comments as instructions.
_MASKABLE_LINE = re.compile(r"# (?!type:|fmt:|pyright:)[^\n]*[^\s\n]\n")
_PLACEHOLDER = "# -\n"


class FormatError(Exception):
    """Generated code that black cannot parse: a generator bug, reported with the file name."""


@dataclass(frozen=True)
class Masked:
    """A module split for formatting: its banner, and the text black formats (banner masked)."""

    header: str
    text: str

    def restore(self, formatted: str) -> str | None:
        """The formatted module with its banner back, or None when black moved the placeholders."""
        placeholders = _PLACEHOLDER * self.header.count("\n")
        if not formatted.startswith(placeholders):
            return None
        return self.header + formatted[len(placeholders) :]


def mask(source: str) -> Masked:
    """Replace the leading run of plain comment lines by placeholders of the same shape."""
    end = 0
    while True:
        match = _MASKABLE_LINE.match(source, end)
        if match is None:
            break
        end = match.end()
    header = source[:end]
    return Masked(header, _PLACEHOLDER * header.count("\n") + source[end:])


def formatter_key() -> str:
    """Names everything that decides formatting output: black's version, the mode, this scheme."""
    description = f"black={dist_version('black')};mode={_MODE!r};single-pass;mask={_PLACEHOLDER!r}"
    return hashlib.sha256(description.encode()).hexdigest()


def format_text(text: str, name: str) -> str:
    """One black pass over ``text`` (see the module docstring for why one is enough)."""
    from black import _format_str_once
    from black.parsing import InvalidInput

    try:
        return _format_str_once(text, mode=_MODE)
    except InvalidInput as exc:  # the generated code does not parse
        raise FormatError(f"{name}: generated code does not parse: {exc}") from None


def format_python(source: str, name: str) -> str:
    """Format one generated module (banner masked, one pass)."""
    masked = mask(source)
    restored = masked.restore(format_text(masked.text, name))
    return restored if restored is not None else format_text(source, name)
