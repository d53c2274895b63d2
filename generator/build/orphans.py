"""Worker processes end with their parent, however the parent ends.

``end_with_parent`` runs first in every worker of the pool (its ``initializer``). SIGTERM gets
its default action back (a worker forked from a parent that handles SIGTERM would otherwise
inherit the handler), and the worker asks to be killed when its parent dies: on Linux with
``prctl(PR_SET_PDEATHSIG, SIGKILL)``, elsewhere with a watchdog thread that polls the parent pid.
A parent killed with SIGKILL, which can run no cleanup, therefore leaves no worker behind.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5


def end_with_parent(parent: int) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not (sys.platform.startswith("linux") and _death_signal()):
        threading.Thread(target=_watch, args=(parent,), name="parent-watchdog", daemon=True).start()
    if os.getppid() != parent:  # the parent died before either was in place
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux to SIGKILL this process when its parent ends; False when that is not possible."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if os.getppid() != parent:
            os._exit(1)
