"""Fixtures for the runtime tests. No test here ever sleeps or touches the network."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from runtime_support import NOW, FakeServer, Harness

from generator.runtime import _retry


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replace sleeping, the clock and jitter; returns the list of waits that were requested."""
    requested: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        requested.append(seconds)

    monkeypatch.setattr(_retry, "sleep", requested.append)
    monkeypatch.setattr(_retry, "async_sleep", fake_async_sleep)
    monkeypatch.setattr(_retry, "clock", lambda: NOW)
    monkeypatch.setattr(_retry, "jitter", lambda: 0.5)
    monkeypatch.delenv("INTERCOM_ACCESS_TOKEN", raising=False)
    return requested


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    """Run a test once with the sync client and once with the async client."""
    return str(request.param)


@pytest.fixture
def harness(kind: str) -> Callable[..., Harness]:
    """Build a :class:`Harness` of the current kind: ``harness(FakeServer(...), **client_kwargs)``."""

    def build(server: FakeServer, **client_kwargs: object) -> Harness:
        return Harness(kind, server, **client_kwargs)

    return build
