"""Loading registered versions (spec -> IR) for contracts, once per process."""

from __future__ import annotations

import functools

from ..diagnostics import Diagnostics
from ..ir.build import build_api
from ..load import load_mapping
from ..registry import Registry, load_registry
from .specquery import Version


@functools.cache
def registry() -> Registry:
    return load_registry()


@functools.cache
def load_version(name: str) -> Version:
    """The IR of one registered version; raises ``GeneratorError`` for a broken spec."""
    entry = registry().get(name)
    document, _ = load_mapping(entry.spec, label=entry.spec_label())
    # the generator's own spec warnings belong to generate/check, not to contracts
    api = build_api(document, entry.spec_label(), Diagnostics())
    return Version(entry.name, api, entry.package)


def all_versions() -> dict[str, Version]:
    return {entry.name: load_version(entry.name) for entry in registry().versions}


def canonical(name: str) -> str:
    """The registry's spelling of a version name (``unstable`` -> ``Unstable``)."""
    return registry().get(name).name
