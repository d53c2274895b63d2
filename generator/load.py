"""Reading spec files: bytes -> UTF-8 text -> YAML mapping, with located errors.

Nothing here knows about OpenAPI; it only turns a file into a dict or raises a ``GeneratorError``
that names the file and the line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import GeneratorError

# the C loader is several times faster on megabyte-sized specs; fall back when libyaml is absent
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def parse_yaml(text: str, source: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise GeneratorError.single(source, "", f"not valid YAML: {problem}", code="yaml-syntax", line=line) from None
    except yaml.YAMLError as exc:
        raise GeneratorError.single(source, "", f"not valid YAML: {exc}", code="yaml-syntax") from None


def load_mapping(path: Path, *, label: str | None = None) -> tuple[dict[str, Any], bytes]:
    """Load a YAML (or JSON) file that must hold a mapping; return it with the raw bytes."""
    source = label or str(path)
    data = read_bytes(path, label=source)
    if not data.strip():
        raise GeneratorError.single(source, "", "file is empty", code="empty-file")
    document = parse_yaml(decode(data, source), source)
    if not isinstance(document, dict):
        kind = type(document).__name__ if document is not None else "nothing"
        raise GeneratorError.single(
            source, "", f"expected a mapping at the top level, found {kind}", code="not-a-mapping", line=1
        )
    return document, data
