"""The only module that writes files.

A run builds every output tree in full beside its target, then swaps each into place with
renames, so an interrupted or failed run leaves the old tree as it was. ``compare_tree`` is the
read-only twin used by ``check`` and the golden test.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TreeDifference:
    missing: tuple[str, ...]  # would be written, not on disk
    extra: tuple[str, ...]  # on disk, would not be written
    changed: tuple[str, ...]  # contents differ

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra or self.changed)


def read_tree(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            out[path.relative_to(root).as_posix()] = path.read_bytes()
    return out


def _encode(files: Mapping[str, str | bytes]) -> dict[str, bytes]:
    return {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in files.items()}


def compare_tree(root: Path, files: Mapping[str, str | bytes]) -> TreeDifference:
    wanted = _encode(files)
    actual = read_tree(root)
    return TreeDifference(
        missing=tuple(sorted(set(wanted) - set(actual))),
        extra=tuple(sorted(set(actual) - set(wanted))),
        changed=tuple(sorted(k for k in set(wanted) & set(actual) if wanted[k] != actual[k])),
    )


def unified_diff(root: Path, files: Mapping[str, str | bytes], difference: TreeDifference, *, limit: int = 200) -> str:
    """A unified diff of what is on disk against what would be written (at most ``limit`` lines)."""
    wanted = _encode(files)
    lines: list[str] = []
    for rel in (*difference.changed, *difference.missing, *difference.extra):
        old = (root / rel).read_bytes().decode("utf-8", "replace") if (root / rel).exists() else ""
        new = wanted.get(rel, b"").decode("utf-8", "replace")
        lines += difflib.unified_diff(
            old.splitlines(), new.splitlines(), f"a/{root.name}/{rel}", f"b/{root.name}/{rel}", lineterm=""
        )
        if len(lines) > limit:
            return "\n".join([*lines[:limit], f"... diff cut at {limit} lines"])
    return "\n".join(lines)


def _write_into(folder: Path, files: Mapping[str, str | bytes]) -> None:
    for rel, content in sorted(_encode(files).items()):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


@contextmanager
def staged_tree(target: Path, files: Mapping[str, str | bytes]) -> Iterator[Path]:
    """Write ``files`` into a fresh folder beside ``target``; remove it unless it was swapped in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        _write_into(staging, files)
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old tree is removed afterwards."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_trees(trees: Mapping[Path, Mapping[str, str | bytes]]) -> None:
    """Write several trees: all are staged first, then all are swapped in."""
    with ExitStack() as stack:
        staged = [(stack.enter_context(staged_tree(target, files)), target) for target, files in trees.items()]
        for staging, target in staged:
            swap_in(staging, target)


def write_file(path: Path, content: str | bytes) -> None:
    """Write one file atomically (temp file + rename)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
