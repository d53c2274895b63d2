"""The build record: which inputs produced each tree on disk, so that unchanged inputs need no rebuild.

One entry per tree (a package, or ``reports``): the fingerprint of everything it was built from
and the digest of the files it holds. A tree is up to date when both still match: nothing is
rendered to find that out. For ``generated/`` the record is committed beside the packages
(``generated/build-record.json``), so ``check`` on a fresh clone compares fingerprints instead of
rebuilding every package; the golden test still rebuilds everything and compares it byte for byte.
For any other output folder the record lives in the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from ..core.paths import CACHE_DIR, GENERATED_DIR
from .writer import read_tree, write_file

RECORD_NAME = "build-record.json"
_NOTE = "Written by intercom-gen generate: what each tree was built from. Do not edit."


def tree_digest(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for rel in sorted(files):
        digest.update(rel.encode() + b"\0" + hashlib.sha256(files[rel]).digest())
    return digest.hexdigest()


def record_path(out_root: Path) -> Path:
    if out_root.resolve() == GENERATED_DIR.resolve():
        return GENERATED_DIR / RECORD_NAME
    return CACHE_DIR / f"record-{hashlib.sha256(str(out_root.resolve()).encode()).hexdigest()[:16]}.json"


def _read(out_root: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(record_path(out_root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    trees = data.get("trees") if isinstance(data, dict) else None
    return {str(k): v for k, v in trees.items() if isinstance(v, dict)} if isinstance(trees, dict) else {}


def is_fresh(out_root: Path, name: str, inputs: str) -> bool:
    """True when the record says ``inputs`` produced exactly the tree ``out_root/name`` now on disk."""
    entry = _read(out_root).get(name)
    if entry is None or entry.get("inputs") != inputs:
        return False
    return entry.get("tree") == tree_digest(read_tree(out_root / name))


def record(out_root: Path, built: Mapping[str, str]) -> None:
    """Note that the trees named in ``built`` (name -> inputs fingerprint) are now on disk as built."""
    trees = _read(out_root)
    for name, inputs in built.items():
        trees[name] = {"inputs": inputs, "tree": tree_digest(read_tree(out_root / name))}
    text = json.dumps({"note": _NOTE, "trees": dict(sorted(trees.items()))}, indent=1, sort_keys=True) + "\n"
    with contextlib.suppress(OSError):  # a record that cannot be written only costs time on the next run
        write_file(record_path(out_root), text)
