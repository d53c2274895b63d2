"""Running the CLI on hostile input and proving it left no trace.

``run_cli`` runs ``intercom-gen`` in this process (through ``generator.cli.main``) with every
socket call refused and recorded; ``run_subprocess`` runs the real console entry point.
``snapshot`` records every file and folder under a directory (size, mtime, inode), so a test can
show that ``generated/`` and the ``--out`` folder were not touched.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import cli

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
GENERATED = ROOT / "generated"
# one rendered diagnostic: "error [code]: file.yaml:12 at /pointer: message"
DIAGNOSTIC = re.compile(
    r"^(?P<level>error|warning|info) \[(?P<code>[a-z0-9-]+)\]: (?P<source>[^\s:]+)(?::(?P<line>\d+))?"
    r"(?: at (?P<pointer>/\S*))?: (?P<message>.+)$"
)


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    connections: list[Any] = field(default_factory=list)

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def diagnostics(self) -> list[re.Match[str]]:
        return [m for m in map(DIAGNOSTIC.match, self.stderr.splitlines()) if m]

    def errors(self) -> list[re.Match[str]]:
        return [m for m in self.diagnostics() if m["level"] == "error"]


@contextlib.contextmanager
def no_network(attempts: list[Any]) -> Iterator[None]:
    """Refuse (and record) every attempt to resolve a name or open a connection."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access attempted during a test that forbids it")

    saved = (socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo)
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo = saved  # type: ignore[method-assign,assignment]


def run_cli(*args: str | os.PathLike[str]) -> Run:
    """Run ``intercom-gen ARGS`` in this process; no network; output captured."""
    out, err = io.StringIO(), io.StringIO()
    attempts: list[Any] = []
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), no_network(attempts):
        try:
            status = cli.main([str(a) for a in args])
        except SystemExit as exc:  # argparse and usage errors
            status = exc.code if isinstance(exc.code, int) else 1
            if isinstance(exc.code, str):
                print(exc.code, file=sys.stderr)
    return Run(status, out.getvalue(), err.getvalue(), attempts)


def run_subprocess(*args: str | os.PathLike[str], timeout: float = 600) -> Run:
    """Run ``python -m generator ARGS`` as a child process (the real entry point)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def generate(spec: Path, out: Path, name: str = "pkg", *extra: str) -> Run:
    return run_cli(*extra, "generate", "--spec", spec, "--name", name, "--out", out)


def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry below ``root`` (bytecode caches left out) with its size, mtime and inode."""
    entries = {}
    for path in [root, *sorted(root.rglob("*"))] if root.exists() else []:
        if "__pycache__" in path.parts:
            continue
        info = path.stat()
        entries[path.relative_to(root).as_posix()] = (
            info.st_size if path.is_file() else 0,
            info.st_mtime_ns,
            info.st_ino,
        )
    return entries


def prepared_out(tmp: Path) -> Path:
    """An ``--out`` folder that already holds a package called ``pkg`` (which must survive a failed run)."""
    out = tmp / "out"
    (out / "pkg").mkdir(parents=True)
    (out / "pkg" / "__init__.py").write_text("# an earlier, good generation\n")
    (out / "notes.txt").write_text("not ours\n")
    return out


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.output, run.output
    assert 'File "' not in run.output, run.output
