"""How long ``intercom-gen impact 2.11 2.13 APP`` takes on the test application, cold and warm.

Cold: mypy's cache for the package deleted first (``.cache/intercom-gen/impact``), so mypy analyses
the whole OLD client once; warm: the cache is there and only the application's files are checked.
The peer is plain ``mypy`` over the same files with the same package on its path (a cold run, its
own fresh cache): impact cannot be faster than the type checker it is built on. Fresh processes,
best of several runs, wall-clock and CPU.

    .venv/bin/python benchmarks/impact_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "tests" / "fixtures" / "impact" / "crm_v2_11"
CACHE = ROOT / ".cache" / "intercom-gen" / "impact"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _best(
    command: list[str], runs: int, before: object = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        if callable(before):
            before()
        cpu, start = _cpu(), time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=False)  # noqa: S603
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    impact = [sys.executable, "-m", "generator", "impact", "2.11", "2.13", str(APP), "--format", "json"]
    cold = _best(impact, args.runs, before=lambda: shutil.rmtree(CACHE, ignore_errors=True))
    warm = _best(impact, args.runs)
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "MYPYPATH": str(ROOT / "generated")}
        mypy = [
            sys.executable,
            "-m",
            "mypy",
            "--follow-imports=silent",
            "--ignore-missing-imports",
            "--check-untyped-defs",
            "--cache-dir",
            scratch,
            str(APP / "crm"),
        ]
        peer = _best(mypy, 1, env=env)
    print(f"{'':40} {'wall':>7} {'cpu':>7}")
    for label, (wall, cpu) in (
        ("mypy on the app, cold (peer)", peer),
        ("impact 2.11 2.13 app, cold", cold),
        ("impact 2.11 2.13 app, warm", warm),
    ):
        print(f"{label:40} {wall:6.2f}s {cpu:6.2f}s")


if __name__ == "__main__":
    main()
