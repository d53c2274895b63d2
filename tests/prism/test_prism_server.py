"""How the Prism fixture behaves when Prism is missing or refuses a spec."""

from __future__ import annotations

from pathlib import Path

import prism_server
import pytest
from prism_server import MISSING_MESSAGE, PrismError, PrismPool, PrismServer

from generator.spec.registry import load_registry


def test_missing_prism_fails_the_test_with_the_install_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prism_server, "PRISM_BIN", tmp_path / "no-such-prism")
    pool = PrismPool(tmp_path)
    with pytest.raises(pytest.fail.Exception) as failed:
        pool.url("v2_13")
    assert str(failed.value) == MISSING_MESSAGE
    assert "npm ci" in MISSING_MESSAGE
    with pytest.raises(pytest.fail.Exception):  # every later test of the run fails the same way
        pool.url("unstable")


def test_a_spec_prism_refuses_fails_with_prisms_output(tmp_path: Path) -> None:
    """The upstream 2.11 file has dangling refs: Prism refuses it (which is why it is served repaired)."""
    server = PrismServer(load_registry().get("2.11").spec, tmp_path / "prism.log")
    server.launch()
    try:
        with pytest.raises(PrismError) as failed:
            server.wait_ready(timeout=90)
    finally:
        server.stop()
    message = str(failed.value)
    assert "before it was ready" in message
    assert "--- Prism output" in message
    assert "MissingPointerError" in message
