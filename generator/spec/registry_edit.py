"""Edits of ``specs/versions.yaml`` as text, so its comments and layout survive (``release add/update``).

Each function takes the registry's text and returns the new text; nothing here writes a file.
Entries are found by the line marks YAML gives their nodes, so every edit is located precisely.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from ..core.diagnostics import GeneratorError


@dataclass(frozen=True)
class NewEntry:
    name: str
    spec: str
    commit: str
    upstream_path: str
    sha256: str
    role: str
    package: str | None
    predecessor: str | None
    overlays: tuple[str, ...] = ()

    def text(self) -> str:
        quoted = json.dumps  # YAML accepts JSON strings: every value is quoted exactly once
        lines = [
            f"  - name: {quoted(self.name)}",
            f"    spec: {self.spec}",
            "    upstream:",
            f"      commit: {self.commit}",
            f"      path: {self.upstream_path}",
            f"      sha256: {self.sha256}",
            f"    role: {self.role}",
            f"    package: {self.package if self.package else 'null'}",
            f"    predecessor: {quoted(self.predecessor) if self.predecessor else 'null'}",
        ]
        if self.overlays:
            lines.append(f"    overlays: [{', '.join(self.overlays)}]")
        return "\n".join(lines) + "\n"


def _entries(text: str, source: str) -> list[tuple[str, int, int]]:
    """(name, first line, line after the last) of every entry, 0-based."""
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    versions = None
    if isinstance(root, yaml.MappingNode):
        versions = next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "versions"), None)
    if not isinstance(versions, yaml.SequenceNode):
        raise GeneratorError.single(source, "/versions", "expected a list of versions", code="registry-invalid")
    found = []
    for node in versions.value:
        name = (
            next((v.value for k, v in node.value if k.value == "name"), "")
            if isinstance(node, yaml.MappingNode)
            else ""
        )
        found.append((str(name), node.start_mark.line, node.end_mark.line))
    return found


def _block(text: str, name: str, source: str) -> tuple[list[str], int, int]:
    lines = text.splitlines(keepends=True)
    for entry, start, end in _entries(text, source):
        if entry.lower() == name.lower():
            return lines, start, end if end > start else start + 1
    raise GeneratorError.single(source, "/versions", f"no version {name!r} in the registry", code="unknown-version")


def insert_entry(text: str, entry: NewEntry, after: str | None, source: str) -> str:
    """``text`` with ``entry`` added after the entry named ``after`` (at the end when None)."""
    lines = text.splitlines(keepends=True)
    if after is None:
        end = _entries(text, source)[-1][2]
    else:
        lines, _, end = _block(text, after, source)
    while end > 0 and not lines[end - 1].strip():
        end -= 1  # blank lines between entries stay after the new one
    if end > 0 and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join(lines[:end]) + entry.text() + "".join(lines[end:])


def _replace_in_block(text: str, name: str, key: str, value: str, source: str) -> str:
    lines, start, end = _block(text, name, source)
    pattern = re.compile(rf"^(\s*{re.escape(key)}:\s*)(\S.*?)(\s*(#.*)?)$")
    for index in range(start, end):
        match = pattern.match(lines[index].rstrip("\n"))
        if match:
            newline = "\n" if lines[index].endswith("\n") else ""
            lines[index] = f"{match.group(1)}{value}{match.group(3)}{newline}"
            return "".join(lines)
    raise GeneratorError.single(
        source, "/versions", f"version {name!r} has no {key!r} to change", code="registry-invalid"
    )


def set_predecessor(text: str, name: str, predecessor: str, source: str) -> str:
    return _replace_in_block(text, name, "predecessor", json.dumps(predecessor), source)


def set_pin(text: str, name: str, sha256: str, source: str) -> str:
    return _replace_in_block(text, name, "sha256", sha256, source)


def set_upstream(text: str, name: str, *, commit: str | None, path: str | None, source: str) -> str:
    if commit:
        text = _replace_in_block(text, name, "commit", commit, source)
    if path:
        text = _replace_in_block(text, name, "path", path, source)
    return text
