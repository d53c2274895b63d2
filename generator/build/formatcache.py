"""A content-addressed cache of black's output, under ``.cache/``.

An entry is keyed by the formatter key (black's version, the mode, the masking scheme; see
``render/format.py``) and the exact text handed to black, so it can never be stale: a different
black, mode or input is a different key. Each entry file starts with the sha256 of the output it
holds; an entry that does not match is ignored (and overwritten), never trusted. Entries for an
old formatter key live in their own folder and are simply no longer read; ``.cache/`` may be
deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping
from pathlib import Path

from .writer import write_file


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class FormatCache:
    def __init__(self, root: Path, formatter_key: str) -> None:
        self.folder = root / formatter_key[:32]
        self._key = formatter_key

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(f"{self._key}\0{text}".encode()).hexdigest()
        return self.folder / digest[:2] / digest[2:]

    def get(self, text: str) -> str | None:
        """Black's output for ``text``, if cached and intact."""
        try:
            stored = self._path(text).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        checksum, _, output = stored.partition("\n")
        return output if checksum == _sha256(output) else None

    def put_all(self, entries: Mapping[str, str]) -> None:
        """Store ``{input text: black output}``; a cache that cannot be written only costs time."""
        for text, output in entries.items():
            with contextlib.suppress(OSError):
                write_file(self._path(text), f"{_sha256(output)}\n{output}")
