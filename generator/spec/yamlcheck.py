"""What the YAML text says that the loaded document no longer shows.

- A key written twice in one mapping: YAML keeps the last one and the first is silently gone (a
  duplicated ``paths`` key loses operations). The loader records each repeat (``load._Loader``);
  here each becomes a located diagnostic: an error in ``/paths`` and ``/components/schemas``,
  where a repeat always loses an operation or a model, a warning elsewhere.
- A version written unquoted: ``version: 2.10`` is the number 2.1 to YAML, and the client would
  send ``Intercom-Version: 2.1``. The text as written (``2.10``) is read back from the composed
  node and used instead, with a warning to quote it. The same for ``openapi: 3.0``.

Both only walk the composed node tree when there is something to report, so loading a clean
spec costs nothing extra here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from ..core.diagnostics import Diagnostics, Level

ERROR_MAPPINGS = frozenset({"/paths", "/components/schemas"})
_VERSIONS = (("info", "version"), ("openapi",))


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in reversed(node.value):  # the last one wins, as in the document
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found: yaml.Node = v
                return found
    return None


def restore_version_text(document: dict[str, Any], root: yaml.Node, source: str, diagnostics: Diagnostics) -> None:
    """Put back the text of ``info.version`` / ``openapi`` where YAML read it as a number."""
    for path in _VERSIONS:
        holder: Any = document
        for key in path[:-1]:
            holder = holder.get(key) if isinstance(holder, dict) else None
        if not isinstance(holder, dict) or not isinstance(holder.get(path[-1]), int | float):
            continue
        node: yaml.Node | None = root
        for key in path:
            node = _value(node, key) if node is not None else None
        if not isinstance(node, yaml.ScalarNode) or isinstance(holder[path[-1]], bool):
            continue
        read, holder[path[-1]] = holder[path[-1]], node.value
        pointer = "/" + "/".join(path)
        diagnostics.add(
            Level.WARNING,
            source,
            pointer,
            f"{'.'.join(path)} is written unquoted ({node.value}), which YAML reads as the number {read!r};"
            f' the text as written, {node.value!r}, is used. Quote it: {path[-1]}: "{node.value}"',
            code="unquoted-version",
            line=node.start_mark.line + 1,
        )


def _pointers(root: yaml.Node, wanted: set[int]) -> dict[int, str]:
    """JSON pointers of the mapping nodes whose ids are in ``wanted`` (one walk, no recursion)."""
    found: dict[int, str] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack and len(found) < len(wanted):
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if id(node) in wanted:
            found.setdefault(id(node), pointer)
        stack.extend(_children(node, pointer))
    return found


def _children(node: yaml.Node, pointer: str) -> Iterator[tuple[yaml.Node, str]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield value, f"{pointer}/{_escape(key.value)}"
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield item, f"{pointer}/{index}"


def report_duplicates(
    duplicates: list[tuple[yaml.MappingNode, yaml.Node, yaml.Node]],
    root: yaml.Node,
    source: str,
    diagnostics: Diagnostics,
) -> None:
    if not duplicates:
        return
    pointers = _pointers(root, {id(mapping) for mapping, _, _ in duplicates})
    for mapping, first, second in duplicates:
        where = pointers.get(id(mapping), "")
        key = str(getattr(second, "value", ""))
        lines = (first.start_mark.line + 1, second.start_mark.line + 1)
        message = (
            f"key {key!r} is written twice in this mapping (lines {lines[0]} and {lines[1]}); YAML keeps only"
            " the last, so everything under the first is ignored"
        )
        level = Level.ERROR if where in ERROR_MAPPINGS else Level.WARNING
        pointer = f"{where}/{_escape(key)}"
        diagnostics.add(level, source, pointer, message, code="duplicate-key", line=lines[1])
