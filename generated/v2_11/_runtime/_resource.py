# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Base classes of the generated resource groups (``client.contacts``, ``client.conversations``...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncResource", "SyncResource"]


class SyncResource:
    """A group of operations bound to a :class:`SyncAPIClient`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncResource:
    """A group of operations bound to an :class:`AsyncAPIClient`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
