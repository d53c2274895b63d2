"""Cutting a changelog text into statements, mechanically.

The changelog texts are web pages flattened to text: some keep one paragraph per line (with inline
code cut onto its own line), one is a single line of Markdown. The same rules apply to all:

1. Code is found first and each code sample becomes one statement of kind ``code``: a fenced
   block (three backticks ... three backticks); a ``curl`` command with its ``\\``-continued lines
   and its quoted ``-d`` payload; a JSON document starting with ``{`` or ``[`` on its own line,
   up to the line that closes it; a single-line call such as ``Intercom("update", {...});``.
2. The remaining lines form paragraphs. A blank line ends a paragraph. A line that follows a line
   not ending in ``.``, ``!``, ``?`` or ``:`` and that starts with a lower-case letter or with
   punctuation continues it (the page had inline code there); any other line starts a new one.
3. A paragraph is normalised (runs of whitespace become one space; a space before ``,;:.!?)`` is
   dropped) and split into statements before a Markdown heading (``#`` .. ``######``), before a
   list item (`` - `` or `` 1. `` followed by a capital, a link, code or emphasis; but a
   `` - `` after an item that is only a code span, as in ``- `name` - The name``, stays in that
   item unless another code-span item follows), before a
   flattened disclosure widget (``details summary``), and after a sentence end (``.``, ``!``,
   ``?`` followed by a space and a capital, a link, code or emphasis).

Quotes in claims files are matched against the same normalised text, so a quote is "verbatim"
up to whitespace. Statements carry their span in ``Changelog.flat`` so coverage is a span test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

StatementKind = Literal["prose", "code"]

_FENCE = re.compile(r"```([A-Za-z0-9_+-]*)\s(.*?)```", re.DOTALL)
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,;:.!?)])")
_CALL_LINE = re.compile(r"^[A-Za-z_$][\w$.]*\(.*\);?$")
_BOUNDARY_BEFORE = re.compile(r"(?<=\S) (?=#{1,6} )| (?=- [A-Z\[`*])| (?=\d+\. [A-Z\[`*])| (?=details summary )")
_SENTENCE_END = re.compile(r"(?<=[.!?]) (?=[A-Z\[`*])")
_LIST_NUMBER = re.compile(r"^\d+\.$")
_CODE_ITEM = re.compile(r"^(?:- |\d+\. )?`[^`]+`$")


@dataclass(frozen=True)
class Statement:
    index: int
    kind: StatementKind
    text: str  # normalised
    start: int  # span in Changelog.flat
    end: int
    raw: str  # the code as it stands in the file (code statements); the normalised text otherwise


@dataclass(frozen=True)
class Changelog:
    name: str
    flat: str  # every block normalised, blocks separated by newlines
    statements: tuple[Statement, ...]

    def find(self, quote: str) -> list[tuple[int, int]]:
        """Every span where ``quote`` (normalised) occurs in the flat text."""
        needle = normalise(quote)
        spans: list[tuple[int, int]] = []
        if not needle:
            return spans
        at = self.flat.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = self.flat.find(needle, at + 1)
        return spans

    def statements_in(self, start: int, end: int) -> list[Statement]:
        return [s for s in self.statements if s.start < end and start < s.end]


def normalise(text: str) -> str:
    return _SPACE_BEFORE_PUNCT.sub("", _SPACE.sub(" ", text)).strip()


def _quote_open(text: str) -> bool:
    return text.count("'") % 2 == 1


def _bracket_depth(text: str) -> int:
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            escaped = not escaped and char == "\\"
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth


def _take_code(lines: list[str], at: int) -> int:
    """If a code sample starts at ``lines[at]``, return the index after it, else ``at``."""
    line = lines[at].strip()
    if line.startswith("curl "):
        end = at
        while end < len(lines) and lines[end].rstrip().endswith("\\"):
            end += 1
        end = min(end, len(lines) - 1)
        while _quote_open("\n".join(lines[at : end + 1])) and end + 1 < len(lines):
            end += 1
        return end + 1
    if line.startswith(("{", "[")):
        end = at
        while _bracket_depth("\n".join(lines[at : end + 1])) > 0 and end + 1 < len(lines):
            end += 1
        return end + 1
    if _CALL_LINE.match(line):
        return at + 1
    return at


def _continues(previous: str, line: str) -> bool:
    return not previous.rstrip().endswith((".", "!", "?", ":")) and bool(re.match(r"[a-z,;:.)]", line.lstrip()))


def _blocks(text: str) -> Iterator[tuple[StatementKind, str]]:
    """Yield (kind, raw text) blocks in order: code samples and prose paragraphs."""
    position = 0
    for fence in _FENCE.finditer(text):
        yield from _line_blocks(text[position : fence.start()])
        yield "code", fence.group(0)
        position = fence.end()
    yield from _line_blocks(text[position:])


def _line_blocks(text: str) -> Iterator[tuple[StatementKind, str]]:
    lines = text.replace("\r\n", "\n").split("\n")
    paragraph: list[str] = []
    at = 0
    while at < len(lines):
        after = _take_code(lines, at) if lines[at].strip() else at
        if after > at:
            if paragraph:
                yield "prose", " ".join(paragraph)
                paragraph = []
            yield "code", "\n".join(lines[at:after])
            at = after
            continue
        line = lines[at]
        if not line.strip():
            if paragraph:
                yield "prose", " ".join(paragraph)
                paragraph = []
        elif paragraph and _continues(paragraph[-1], line):
            paragraph.append(line.strip())
        else:
            if paragraph:
                yield "prose", " ".join(paragraph)
            paragraph = [line.strip()]
        at += 1
    if paragraph:
        yield "prose", " ".join(paragraph)


def split_prose(paragraph: str) -> list[str]:
    """Split one normalised paragraph into statements (headings, list items, sentences)."""
    pieces: list[str] = []
    for part in _BOUNDARY_BEFORE.split(paragraph):
        pieces.extend(p for p in _SENTENCE_END.split(part) if p.strip())
    merged: list[str] = []
    for piece in pieces:
        if merged and _CODE_ITEM.match(merged[-1].strip()) and piece.startswith("- ") and piece[2:3] != "`":
            merged[-1] = f"{merged[-1]} {piece}"  # "- `name` - what it is": one item, not two
        elif merged and _LIST_NUMBER.match(merged[-1].strip()):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return [m.strip() for m in merged if m.strip()]


def parse_changelog(name: str, text: str) -> Changelog:
    flat_parts: list[str] = []
    statements: list[Statement] = []
    offset = 0
    for kind, raw in _blocks(text):
        block = normalise(raw)
        if not block:
            continue
        if flat_parts:
            offset += 1  # the newline between blocks
        pieces = [block] if kind == "code" else split_prose(block)
        cursor = 0
        for piece in pieces:
            start = block.index(piece, cursor)
            cursor = start + len(piece)
            statements.append(
                Statement(
                    len(statements), kind, piece, offset + start, offset + cursor, raw if kind == "code" else piece
                )
            )
        flat_parts.append(block)
        offset += len(block)
    return Changelog(name, "\n".join(flat_parts), tuple(statements))
