"""Registration point for commands beyond generate/check (diff, contract, changelog)."""

from __future__ import annotations

from typing import Any


def register_extra_commands(sub: Any) -> None:
    """Each further command module adds its parser here."""
    from .contract.command import register as register_contract
    from .diff.command import register as register_diff

    register_diff(sub)
    register_contract(sub)
