"""A spec twenty times the size of Intercom's 2.13 generates, with bounded memory.

The spec is built from the pinned 2.13 spec by ``bigspec.py`` (never committed). Generation runs
in a child process so its peak resident memory can be read from ``wait4``; the figure is printed
(run pytest with ``-s`` to see it) and recorded as a test property. The bound is deliberately
generous: this guards against memory growing with the square of the spec, not against noise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bigspec import write_big_spec
from hostile_support import GENERATED, ROOT, snapshot

FACTOR = 20
PEAK_RSS_BOUND_MIB = 2048


def test_twenty_times_the_operations_generate_within_bounded_memory(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    spec = tmp_path / "big.yaml"
    operations = write_big_spec(spec, FACTOR)
    assert operations == 133 * FACTOR
    before = snapshot(GENERATED)
    started = time.perf_counter()
    # output goes to files: waiting on a child whose pipes nobody reads deadlocks once they fill up
    out_file, err_file = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with out_file.open("wb") as out, err_file.open("wb") as err:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "generate",
                "--spec",
                str(spec),
                "--name",
                "big",
                "--out",
                str(tmp_path),
            ],
            stdout=out,
            stderr=err,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        _, status, usage = os.wait4(child.pid, 0)
    stdout, stderr = out_file.read_text(), err_file.read_text()
    elapsed = time.perf_counter() - started
    peak_mib = usage.ru_maxrss / 1024  # kilobytes on Linux
    record_property("peak_rss_mib", round(peak_mib))
    print(f"\n{operations} operations: peak RSS {peak_mib:.0f} MiB, {elapsed:.0f} s wall, {usage.ru_utime:.0f} s CPU")

    assert os.waitstatus_to_exitcode(status) == 0, stderr
    assert "Traceback" not in stderr
    assert "big: written" in stdout
    resources = list((tmp_path / "big" / "resources").glob("*.py"))
    assert len(resources) > 20 * FACTOR  # every copied tag became a resource module
    assert peak_mib < PEAK_RSS_BOUND_MIB
    assert snapshot(GENERATED) == before
