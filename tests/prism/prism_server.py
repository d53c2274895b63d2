"""Starting and stopping Prism mock servers (``@stoplight/prism-cli``, pinned in package.json).

Prism serves a spec's own examples (``--dynamic=false``), validates every request against the
spec and answers ``401`` when the bearer token is missing. The server binds 127.0.0.1 on a free
port; its output goes to a file that is shown whenever it fails to start.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from generator.cli.app import main as intercom_gen
from generator.spec.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
PRISM_BIN = ROOT / "node_modules" / ".bin" / "prism"
START_TIMEOUT = 120.0
MISSING_MESSAGE = (
    f"Prism is not installed ({PRISM_BIN.relative_to(ROOT)} is missing). "
    "Install the pinned test tools with `npm ci` at the repository root (Node.js and npm needed)."
)


class PrismError(RuntimeError):
    """Prism could not be started; the message carries its output."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrismServer:
    """One ``prism mock`` process serving ``spec`` on 127.0.0.1."""

    def __init__(self, spec: Path, log: Path) -> None:
        self.spec = spec
        self.log = log
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None
        self.ready = False

    def output(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _fail(self, reason: str) -> PrismError:
        tail = "\n".join(self.output().splitlines()[-60:])
        return PrismError(f"{reason}\n--- Prism output ({self.log}) ---\n{tail}")

    def launch(self) -> None:
        """Start the process; :meth:`wait_ready` waits until it serves."""
        if not PRISM_BIN.exists():
            raise PrismError(MISSING_MESSAGE)
        command = [str(PRISM_BIN), "mock", "--dynamic=false", "-h", "127.0.0.1", "-p", str(self.port), str(self.spec)]
        env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
        with self.log.open("wb") as sink:
            self._process = subprocess.Popen(
                command, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=ROOT
            )

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        if not self.ready:
            self._wait_ready(timeout)
            self.ready = True

    def _wait_ready(self, timeout: float) -> None:
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise self._fail(f"Prism exited with status {self._process.returncode} before it was ready")
            if "Prism is listening" in self.output():
                with contextlib.suppress(httpx.HTTPError):
                    httpx.get(self.base_url + "/", timeout=2.0)  # any answer means the port is served
                    return
            time.sleep(0.2)
        self.stop()
        raise self._fail(f"Prism was not ready within {timeout:.0f} seconds")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class PrismPool:
    """The mock servers of every client version, all launched together on first use.

    A failure to start is remembered and fails every test that asks for that version.
    """

    def __init__(self, root: Path) -> None:
        self._root = root
        self._servers: dict[str, PrismServer] = {}
        self._failures: dict[str, str] = {}

    def url(self, package: str) -> str:
        """The base URL of the mock server for ``package``; fails the calling test if Prism cannot start."""
        if not self._servers and not self._failures:
            self._launch_all()
        if package not in self._failures:
            try:
                self._servers[package].wait_ready()
            except PrismError as exc:
                self._failures[package] = str(exc)
        if package in self._failures:
            pytest.fail(self._failures[package], pytrace=False)
        return self._servers[package].base_url

    def _launch_all(self) -> None:
        packages = [e.package for e in load_registry().clients() if e.package]
        specs = self._root / "specs"
        try:
            if intercom_gen(["spec", "--out", str(specs)]) != 0:
                raise PrismError("`intercom-gen spec` failed; see its output above")
            for package in packages:
                server = PrismServer(specs / f"{package}.json", self._root / f"prism-{package}.log")
                server.launch()
                self._servers[package] = server
        except PrismError as exc:
            self.stop()
            self._failures = dict.fromkeys(packages, str(exc))

    def stop(self) -> None:
        for server in self._servers.values():
            server.stop()
        self._servers.clear()
