# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""The deadline of one call: everything it does (every attempt, wait and body) ends in time.

``timeout`` bounds each single network wait; a server that sends one byte every 0.3 seconds never
trips a one-second timeout. ``deadline`` bounds the whole call, retries and waits between them
included, and is held three ways:

- every attempt's timeouts (connect, write, read, pool) are cut to the time left, so a server that
  sends nothing is given up on in time even with ``timeout=None``;
- a body is read in chunks, and the time left is checked after each one;
- a wait before a retry that would end after the deadline is not started: the call fails at once
  with the error at hand (a ``RateLimitError``, say), which says more than a timeout would.

Running out raises :class:`APITimeoutError`, saying the deadline and how to change it.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from . import _retry
from ._errors import APITimeoutError


class Deadline:
    """The end of one call, ``seconds`` after it started (``None``: no end)."""

    __slots__ = ("_ends", "cut_timeout", "operation", "seconds")

    def __init__(self, seconds: float | None, operation: str) -> None:
        self.seconds = seconds
        self.operation = operation
        self._ends = None if seconds is None else _retry.monotonic() + seconds
        self.cut_timeout = False
        """Whether the current attempt's timeouts were cut to the time left."""

    def remaining(self) -> float | None:
        """Seconds left (``None`` without a deadline); zero or less once it has passed."""
        return None if self._ends is None else self._ends - _retry.monotonic()

    def allows(self, wait: float) -> bool:
        """Whether waiting ``wait`` seconds still leaves time for something after it."""
        left = self.remaining()
        return left is None or wait < left

    def check(self, request: httpx.Request) -> None:
        """Raise :class:`APITimeoutError` when the deadline has passed."""
        left = self.remaining()
        if left is not None and left <= 0:
            raise self.exceeded(request)

    def bound(self, request: httpx.Request, timeout: Mapping[str, float | None]) -> None:
        """Give ``request`` the call's ``timeout``, each part cut to the time left."""
        left = self.remaining()
        if left is None:
            return
        if left <= 0:
            raise self.exceeded(request)
        cut = {name: left if value is None or value > left else value for name, value in timeout.items()}
        self.cut_timeout = cut != timeout
        request.extensions["timeout"] = cut

    def exceeded(self, request: httpx.Request) -> APITimeoutError:
        """The error of a call that ran out of time."""
        return APITimeoutError(
            f"{self.operation} did not finish within its deadline of {self.seconds:g} seconds (attempts and "
            "waits between them included). Give it longer with deadline=... on the client or "
            "request_options={'deadline': ...} (None for no deadline)",
            request=request,
        )
