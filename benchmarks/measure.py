"""Timing child processes: wall time, CPU time and peak memory, medians over runs."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# what a scratch copy of the project needs to generate, check and diff like a checkout
PROJECT_PARTS = ("generator", "templates", "specs", "generated")


class CommandFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and every child it waited for
    max_rss_mb: float  # largest resident set of any one of those processes


def run(cmd: Sequence[str], *, cwd: Path, ok: Sequence[int] = (0,), env: dict[str, str] | None = None) -> Sample:
    """Run ``cmd`` to completion; output goes to a log that is shown only if it fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env)  # noqa: S603
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-3000:]
            raise CommandFailed(f"{' '.join(cmd)} exited {proc.returncode} in {cwd}:\n{tail}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def run_python(args: Sequence[str], *, cwd: Path) -> str:
    """Run a Python child and return its standard output (it must succeed)."""
    done = subprocess.run([PYTHON, *args], cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise CommandFailed(f"python {' '.join(args)} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return done.stdout


def total(samples: Sequence[Sample]) -> Sample:
    """Several commands that together make one measurement (e.g. one peer run per spec)."""
    return Sample(sum(s.wall for s in samples), sum(s.cpu for s in samples), max(s.max_rss_mb for s in samples))


@dataclass(frozen=True)
class Summary:
    wall: float
    cpu: float
    max_rss_mb: float
    runs: int


def summarize(samples: Sequence[Sample]) -> Summary:
    return Summary(
        statistics.median(s.wall for s in samples),
        statistics.median(s.cpu for s in samples),
        max(s.max_rss_mb for s in samples),
        len(samples),
    )


def scratch_project(parent: Path) -> Path:
    """A copy of the project's generator, templates, specs and generated tree (no caches)."""
    project = parent / "project"
    for part in PROJECT_PARTS:
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
    return project


def bin_env() -> dict[str, str]:
    """The environment with this interpreter's scripts first on PATH (peers call ruff, black)."""
    env = dict(os.environ)
    env["PATH"] = str(Path(PYTHON).parent) + os.pathsep + env.get("PATH", "")
    env.pop("PYTHONPATH", None)
    return env


_SPIN = "n = 0\nfor i in range(25_000_000):\n    n += i\n"


def free_cores() -> float:
    """How many cores this run really gets: one CPU-bound child alone, then two side by side.

    About 2 on an idle 2-core machine; about 1 when another process keeps a core busy, and then
    no process pool can be faster than one process.
    """
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", _SPIN], check=True)  # noqa: S603
    alone = time.perf_counter() - start
    start = time.perf_counter()
    pair = [subprocess.Popen([PYTHON, "-c", _SPIN]) for _ in range(2)]  # noqa: S603
    for proc in pair:
        proc.wait()
    return 2 * alone / (time.perf_counter() - start)
