"""Fixtures for the client tests: the generated v2_13 package and recorded (never slept) waits."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.support import package_module


@pytest.fixture(scope="module")
def pkg() -> ModuleType:
    return package_module("v2_13")


@pytest.fixture
def waits(pkg: ModuleType, no_stray_sleep: None, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record every wait between attempts instead of sleeping; the clock stands still."""
    recorded: list[float] = []
    retry = pkg._runtime._retry

    async def async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(retry, "sleep", recorded.append)
    monkeypatch.setattr(retry, "async_sleep", async_sleep)
    monkeypatch.setattr(retry, "clock", lambda: 1_700_000_000.0)
    monkeypatch.setattr(retry, "jitter", lambda: 0.5)
    return recorded


@pytest.fixture
def no_stray_sleep(pkg: ModuleType, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A client test that does not ask for ``waits`` must not really sleep."""

    def refuse(seconds: float) -> None:
        raise AssertionError(f"a test tried to sleep {seconds} seconds")

    monkeypatch.setattr(pkg._runtime._retry, "sleep", refuse)
    yield
