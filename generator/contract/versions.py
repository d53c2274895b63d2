"""Loading registered versions (spec -> IR) for contracts, once per process."""

from __future__ import annotations

import functools

from ..core.diagnostics import Diagnostics
from ..ir.source import SpecSource, load_api
from ..spec.registry import Registry, load_registry
from .specquery import Version


@functools.cache
def registry() -> Registry:
    return load_registry()


@functools.cache
def load_version(name: str, *, corrected: bool = False) -> Version:
    """The IR of one registered version, as published or (``corrected``) with its overlays applied.

    Raises ``GeneratorError`` for a broken spec.
    """
    entry = registry().get(name)
    quiet = Diagnostics()  # the generator's own spec warnings belong to generate/check, not to contracts
    api = load_api(SpecSource.of_entry(entry), quiet, corrected=corrected, locate=False).api
    return Version(entry.name, api, entry.package)


def all_versions(*, corrected: bool = False) -> dict[str, Version]:
    return {entry.name: load_version(entry.name, corrected=corrected) for entry in registry().versions}


def canonical(name: str) -> str:
    """The registry's spelling of a version name (``unstable`` -> ``Unstable``)."""
    return registry().get(name).name
