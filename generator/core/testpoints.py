"""Named points where a test can stop or pause a run. Test-only: nothing sets these in normal use.

- ``INTERCOM_GEN_TEST_KILL_AT=NAME``: the process kills itself with SIGKILL when it reaches NAME,
  as a power cut or ``kill -9`` would (the writer's recovery is tested this way).
- ``INTERCOM_GEN_TEST_PAUSE_AT=NAME``: at NAME the process writes its pid to the file named by
  ``INTERCOM_GEN_TEST_PAUSE_FILE`` (when set) and sleeps (at most 120 s), so a test can act on a
  run that is in the middle of something (send a signal, start a second run).

The names: ``locked`` (a generate holds its lock), ``rendering`` (a worker is rendering),
``staged`` (every new tree is written beside its target, the journal is not yet written),
``swapping`` (the journal says a swap is under way, nothing renamed yet), ``between-renames`` (a
target was moved aside, its new tree not yet moved in), ``between-packages`` (the first of
several targets was swapped in), ``committed`` (every target swapped in, old trees not yet removed).
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

KILL_AT = "INTERCOM_GEN_TEST_KILL_AT"
PAUSE_AT = "INTERCOM_GEN_TEST_PAUSE_AT"
PAUSE_FILE = "INTERCOM_GEN_TEST_PAUSE_FILE"
POINTS = frozenset({"locked", "rendering", "staged", "swapping", "between-renames", "between-packages", "committed"})


def reached(name: str) -> None:
    """Called by the code at each named point; does nothing unless a test asked for ``name``."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if os.environ.get(PAUSE_AT) == name:
        flag = os.environ.get(PAUSE_FILE)
        if flag:
            Path(flag).write_text(str(os.getpid()), encoding="utf-8")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            time.sleep(0.05)
