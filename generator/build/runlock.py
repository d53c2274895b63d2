"""One ``generate`` at a time per output folder: an OS file lock (``fcntl.flock``).

The lock file lives in the checkout's cache (``.cache/intercom-gen/locks/``), one per output
folder (``generated/`` or a ``--out`` folder), so taking it writes nothing into the output. A
``generate`` holds it exclusively from start to end (build, recovery, swap, reports); ``check``
holds it shared, so it never reads ``generated/`` in the middle of a swap. A run that finds it
held waits up to ``INTERCOM_GEN_LOCK_TIMEOUT`` seconds (default 60), naming the holder, then
stops with a ``locked`` error.
"""

from __future__ import annotations

import datetime
import fcntl
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core import testpoints
from ..core.diagnostics import GeneratorError
from ..core.paths import CACHE_DIR

LOCK_DIR = CACHE_DIR / "locks"
TIMEOUT_VARIABLE = "INTERCOM_GEN_LOCK_TIMEOUT"


def lock_path(output: Path) -> Path:
    key = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
    return LOCK_DIR / f"{output.resolve().name or 'root'}-{key}.lock"


def _timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(TIMEOUT_VARIABLE, "60")))
    except ValueError:
        return 60.0


def _holder(handle: int) -> str:
    try:
        os.lseek(handle, 0, os.SEEK_SET)
        record = json.loads(os.read(handle, 4096).decode("utf-8") or "{}")
    except (OSError, ValueError):
        record = {}
    if not isinstance(record, dict) or "pid" not in record:
        return "another intercom-gen run"
    return f"intercom-gen (pid {record['pid']}, `{record.get('command', '?')}`, since {record.get('since', '?')})"


@contextmanager
def output_lock(output: Path, command: str, *, shared: bool = False) -> Iterator[None]:
    """Hold the lock of ``output`` for the body; raise a ``locked`` error after waiting too long."""
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        _acquire(handle, output, shared=shared)
        if not shared:
            since = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
            os.ftruncate(handle, 0)
            os.pwrite(handle, json.dumps({"pid": os.getpid(), "command": command, "since": since}).encode(), 0)
        testpoints.reached("locked")
        yield
    finally:
        if not shared:
            os.ftruncate(handle, 0)  # no stale holder for the next waiter to name
        os.close(handle)  # closing releases the lock


def _acquire(handle: int, output: Path, *, shared: bool) -> None:
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    deadline = time.monotonic() + _timeout()
    told = False
    while True:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(handle)
        if time.monotonic() >= deadline:
            raise GeneratorError.single(
                str(output),
                "",
                f"{holder} is writing {output}; waited {_timeout():g} s for it to finish. Run again when it"
                f" has ended (or set {TIMEOUT_VARIABLE} to wait longer)",
                code="locked",
            )
        if not told:
            print(f"intercom-gen: waiting for {holder} to finish with {output} ...", file=sys.stderr, flush=True)
            told = True
        time.sleep(0.1)
