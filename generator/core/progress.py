"""Progress lines for long runs: shown on a terminal, silent in CI or when piped."""

from __future__ import annotations

import os
import sys
import time


def enabled() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


class Progress:
    def __init__(self, label: str, *, on: bool | None = None) -> None:
        self._label = label
        self._on = enabled() if on is None else on
        self._start = time.perf_counter()

    def phase(self, name: str) -> None:
        if self._on:
            elapsed = time.perf_counter() - self._start
            print(f"  [{self._label}] {name} ({elapsed:.1f}s)", file=sys.stderr, flush=True)
