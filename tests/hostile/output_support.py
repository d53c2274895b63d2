"""Real ``intercom-gen`` processes stopped at named points (``generator/core/testpoints.py``).

``start`` runs ``python -m generator ARGS`` in the background with test-only variables; a run
asked to pause writes its pid to a file, which ``wait_for_pause`` waits for. ``children`` lists
a process's child pids (Linux ``/proc``), ``gone`` waits until a pid has ended.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from hostile_support import ROOT


def start(*args: str | os.PathLike[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(cwd), **(env or {})}
    environment.pop("CI", None)
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=cwd,
    )


def wait_for_pause(flag: Path, process: subprocess.Popen[str], timeout: float = 120) -> int:
    """The pid written to ``flag`` by the run paused at its point (fails if the run ends first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if flag.exists() and flag.read_text().strip():
            return int(flag.read_text())
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the run ended (exit {process.returncode}) before pausing:\n{out}{err}")
        time.sleep(0.05)
    raise AssertionError("the run never reached its pause point")


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found |= {int(p) for p in text.split()}
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


def gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False
