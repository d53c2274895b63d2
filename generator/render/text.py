"""Spec prose made plain text for docstrings and Markdown: Markdoc, HTML entities, long tables.

Intercom writes its descriptions for its documentation site: Markdoc admonitions
(``{% admonition type="warning" name="Pagination" %} ... {% /admonition %}``), HTML entities
(``&nbsp;``), ``<br>`` inside table cells and tables of 70 rows. In a docstring those read as
noise, so:

- an admonition becomes a Google-style section: ``Warning: Pagination`` and its text indented
  below (``info`` -> ``Note``; other types keep their name, capitalised);
- HTML entities are decoded (a no-break space becomes a space; a paragraph that held only
  ``&nbsp;`` disappears), ``<br>`` becomes ``; `` and any other Markdoc tag is dropped;
- a table of at most ``MAX_TABLE_ROWS`` rows stays, with its columns aligned again; a longer one
  is summarised in one line that says where the whole table is (``summary_pointer``).
"""

from __future__ import annotations

import html
import re
import textwrap

MAX_TABLE_ROWS = 12
_ADMONITION = re.compile(r"\{%\s*admonition\b([^%]*)%\}(.*?)\{%\s*/admonition\s*%\}", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_OTHER_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")
_SECTION = {"info": "Note", "note": "Note"}


def _admonition(match: re.Match[str]) -> str:
    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
    kind = attributes.get("type", "note").strip().lower() or "note"
    title = _SECTION.get(kind, kind.capitalize())
    name = attributes.get("name", "").strip()
    body = textwrap.dedent(match.group(2).strip("\n")).strip()
    head = f"{title}: {name}" if name else f"{title}:"
    return "\n\n" + head + "\n" + textwrap.indent(body, "    ") + "\n\n"


def plain_text(text: str, summary_pointer: str = "", *, summarise: bool = True) -> str:
    """``text`` without Markdoc and HTML entities, its long tables summarised (see the module docstring);
    ``summarise=False`` keeps every table whole."""
    if not text:
        return text
    text = _ADMONITION.sub(_admonition, text)
    text = _OTHER_TAG.sub("", text)
    text = _BREAK.sub("; ", text)
    text = html.unescape(text).replace("\xa0", " ")
    text = "\n".join(_tables(text.split("\n"), summary_pointer, summarise))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def _is_row(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|")


def _tables(lines: list[str], pointer: str, summarise: bool) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not (_is_row(lines[index]) and index + 1 < len(lines) and _is_rule(lines[index + 1])):
            out.append(lines[index])
            index += 1
            continue
        end = index + 2
        while end < len(lines) and _is_row(lines[end]):
            end += 1
        out += _table(lines[index:end], pointer, summarise)
        index = end
    return out


def _is_rule(line: str) -> bool:
    return _is_row(line) and all(re.fullmatch(r":?-+:?", c) for c in _cells(line))


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip()[1:-1].split("|")]


def _table(lines: list[str], pointer: str, summarise: bool) -> list[str]:
    indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
    header, rows = _cells(lines[0]), [_cells(line) for line in lines[2:]]
    if summarise and len(rows) > MAX_TABLE_ROWS:
        where = f"; the whole table is in {pointer}" if pointer else ""
        first = ", ".join(row[0] for row in rows[:4] if row)
        return [f"{indent}(A table of {len(rows)} rows with the columns {', '.join(header)}: {first}, ...{where}.)"]
    width = max(len(header), *(len(row) for row in rows)) if rows else len(header)
    table = [row + [""] * (width - len(row)) for row in [header, *rows]]
    sizes = [max(len(row[column]) for row in table) for column in range(width)]
    rule = ["-" * size for size in sizes]
    return [
        indent + "| " + " | ".join(c.ljust(s) for c, s in zip(row, sizes, strict=True)) + " |"
        for row in [table[0], rule, *table[1:]]
    ]
