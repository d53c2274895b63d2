"""Reading spec files: bytes -> UTF-8 text -> YAML mapping, with located errors.

Nothing here knows about OpenAPI; it only turns a file into a dict or raises a ``GeneratorError``
that names the file and the line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..core.diagnostics import Diagnostics, GeneratorError
from .yamlcheck import report_duplicates, restore_version_text

# the C loader is several times faster on megabyte-sized specs; fall back when libyaml is absent
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, read the way JSON (and so OpenAPI) means it, at the cost of one pass over keys:

    - a mapping key is the text as written (``no:``, ``on:`` and ``1:`` are the strings ``"no"``,
      ``"on"`` and ``"1"``, not ``False``, ``True`` and ``1``);
    - an unquoted date or time (``default: 2024-01-01``) is the string as written: JSON has none;
    - a key written twice in one mapping (YAML keeps the last) is recorded in ``duplicates``.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[yaml.MappingNode, yaml.Node, yaml.Node]] = []  # (mapping, first, second)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, yaml.Node] = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE:
                key.tag = _STR
                first = seen.setdefault(key.value, key)
                if first is not key:
                    self.duplicates.append((node, first, key))
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)


def read_bytes(path: Path, *, label: str | None = None) -> bytes:
    source = label or str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise GeneratorError.single(source, "", "file not found", code="file-missing") from None
    except IsADirectoryError:
        raise GeneratorError.single(source, "", "is a directory, not a file", code="file-unreadable") from None
    except OSError as exc:
        raise GeneratorError.single(source, "", f"cannot read file: {exc.strerror}", code="file-unreadable") from None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GeneratorError.single(
            source,
            "",
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at byte {exc.start})",
            code="not-utf8",
            line=line,
        ) from None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_text(path: Path, *, label: str | None = None) -> str:
    """Read a text file (a changelog): UTF-8, not empty, no control characters besides line breaks and tabs."""
    source = label or str(path)
    text = decode(read_bytes(path, label=source), source)
    if not text.strip():
        raise GeneratorError.single(source, "", "file is empty", code="empty-file")
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise GeneratorError.single(
            source,
            "",
            f"not a text file: control character U+{ord(control.group()):04X} (column "
            f"{control.start() - text.rfind(chr(10), 0, control.start())})",
            code="not-text",
            line=line,
        )
    return text


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text, turning every failure into one located ``GeneratorError``.

    A document nested too deeply gets the same ``bad-shape`` error whichever layer notices first:
    libyaml's own nesting limit (PyYAML 6.0.4 and later), the pure-Python loader's recursion, or
    ``check_shape`` after loading.
    """
    return _parse(text, source)[0]


Duplicate = tuple[yaml.MappingNode, yaml.Node, yaml.Node]


def _parse(text: str, source: str) -> tuple[Any, yaml.Node | None, list[Duplicate]]:
    """The document, its composed root node and the keys written twice (see ``parse_yaml``)."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            document = loader.construct_document(node) if node is not None else None
            return document, node, getattr(loader, "duplicates", [])  # tests may swap in a plain loader
        finally:
            loader.dispose()
    except RecursionError:
        raise _too_deep(source) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (control characters...)
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise GeneratorError.single(
            source,
            "",
            f"not valid YAML: the character U+{ord(character):04X} is not allowed (column {column})",
            code="yaml-syntax",
            line=line,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        if "nesting depth" in problem:  # libyaml's limit, worded by the library
            raise _too_deep(source) from None
        column = f" (column {mark.column + 1})" if mark is not None else ""
        raise GeneratorError.single(
            source,
            "",
            f"not valid YAML: {problem}{column}",
            code="yaml-syntax",
            line=mark.line + 1 if mark is not None else 1,
        ) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GeneratorError.single(source, "", f"not valid YAML: {first}", code="yaml-syntax", line=1) from None


def load_mapping(
    path: Path, *, label: str | None = None, diagnostics: Diagnostics | None = None
) -> tuple[dict[str, Any], bytes]:
    """Load a YAML (or JSON) file that must hold a mapping; return it with the raw bytes.

    Keys written twice in one mapping are reported (``yamlcheck.py``): into ``diagnostics`` when
    given (warnings), raised when they are errors; so is a version YAML read as a number.
    """
    source = label or str(path)
    data = read_bytes(path, label=source)
    if not data.strip():
        raise GeneratorError.single(source, "", "file is empty", code="empty-file")
    document, root, duplicates = _parse(decode(data, source), source)
    if not isinstance(document, dict):
        raise GeneratorError.single(
            source, "", f"expected a mapping at the top level, found {_kind(document)}", code="not-a-mapping", line=1
        )
    check_shape(document, source)
    found = Diagnostics()
    if root is not None:
        restore_version_text(document, root, source, found)
        report_duplicates(duplicates, root, source, found)
    if found.has_errors():
        raise GeneratorError(found)
    if diagnostics is not None:
        diagnostics.extend(found)
    return document, data


def _kind(value: Any) -> str:
    kinds = {type(None): "nothing", str: "a string", list: "a list", int: "a number", float: "a number"}
    return kinds.get(type(value), f"a {type(value).__name__}")


MAX_NODES = 5_000_000
MAX_DEPTH = 200


def check_shape(document: Any, source: str) -> None:
    """Refuse documents no spec has: self-containing (a recursive YAML alias), absurdly deep or,
    once YAML aliases are expanded, absurdly large (an alias bomb). Everything after loading walks
    the document, so these would otherwise hang or overflow the stack.
    """
    sizes: dict[int, int] = {}  # id of container -> number of nodes below it, aliases expanded
    open_: set[int] = set()
    stack: list[tuple[Any, int, bool]] = [(document, 0, False)]
    while stack:
        node, depth, leaving = stack.pop()
        if leaving:
            open_.discard(id(node))
            children = node.values() if isinstance(node, dict) else node
            sizes[id(node)] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if sizes[id(node)] > MAX_NODES:
                raise _shape_error(source, f"expands to more than {MAX_NODES:,} values (YAML aliases?)")
            continue
        if not isinstance(node, dict | list) or id(node) in sizes:
            continue
        if id(node) in open_:
            raise _shape_error(source, "contains itself (a recursive YAML alias)")
        if depth > MAX_DEPTH:
            raise _too_deep(source)
        open_.add(id(node))
        stack.append((node, depth, True))
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1, False) for child in children)


def _shape_error(source: str, problem: str) -> GeneratorError:
    return GeneratorError.single(source, "", f"the document {problem}", code="bad-shape")


def _too_deep(source: str) -> GeneratorError:
    """One error for a too-deep document, whichever layer noticed (so it names no library's limit)."""
    return _shape_error(source, f"is nested more than {MAX_DEPTH} levels deep")


def line_finder(text: str) -> Callable[[str], int | None]:
    """A function from JSON pointer to the 1-based line where that place starts in ``text``.

    The YAML is composed (not constructed) once, on first use, to keep the node positions; a
    pointer that leaves the document gives the line of the deepest place that exists.
    """
    root: list[yaml.Node | None] = []

    def find(pointer: str) -> int | None:
        if not root:
            try:
                root.append(yaml.compose(text, Loader=_Loader))
            except yaml.YAMLError:
                root.append(None)
        node = root[0]
        if node is None:
            return None
        line = node.start_mark.line + 1
        for token in _pointer_tokens(pointer):
            found = _child(node, token)
            if found is None:
                break
            key_line, node = found
            line = key_line + 1
        return line

    return find


def _pointer_tokens(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def _child(node: yaml.Node, token: str) -> tuple[int, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == token:
                return key.start_mark.line, value
    elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
        item = node.value[int(token)]
        return item.start_mark.line, item
    return None
