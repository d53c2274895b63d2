"""SIGTERM and SIGINT while a command runs: a clean stop, never half a swap.

``handling_termination`` turns SIGTERM (a CI cancel, ``timeout``) into ``Terminated`` and SIGINT
into ``KeyboardInterrupt``, so ``finally`` blocks run: the worker pool is stopped and staged trees
are removed. Inside ``critical()`` (the writer's renames) a signal is held back until the section
ends, so a stop never falls between two renames; only SIGKILL can, and the writer's journal
covers that.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_STATUS = {signal.SIGTERM: 143, signal.SIGINT: 130}


class Terminated(BaseException):
    """SIGTERM arrived; the command stops as cleanly as after Ctrl-C."""


class _State:
    depth = 0
    pending: int | None = None


def _stop(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


def _handler(signum: int, frame: FrameType | None) -> None:
    if _State.depth:
        _State.pending = signum
        return
    _stop(signum)


@contextmanager
def handling_termination() -> Iterator[None]:
    """Install the handlers for the duration of a command (only possible in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {signum: signal.signal(signum, _handler) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, previous in saved.items():
            signal.signal(signum, previous)


@contextmanager
def critical() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back while the body runs; act on them when it ends."""
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        pending, _State.pending = (_State.pending, None) if not _State.depth else (None, _State.pending)
        if pending is not None:
            _stop(pending)
