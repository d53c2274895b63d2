"""``load_api``: a registered version name or a spec file path -> the generator's IR."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostics, GeneratorError
from ..ir.build import build_api
from ..ir.model import Api
from ..load import load_mapping
from ..registry import load_registry

_SPEC_SUFFIXES = (".yaml", ".yml", ".json")


def _looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.lower().endswith(_SPEC_SUFFIXES)


def load_api(ref: str, diagnostics: Diagnostics | None = None) -> Api:
    """Load ``ref``, a registered version (``2.13``, ``unstable``; any case) or a spec file path.

    Raises ``GeneratorError`` naming ``ref`` when it is neither, or when the spec cannot be built.
    Warnings found while building go to ``diagnostics`` when given.
    """
    collected = diagnostics if diagnostics is not None else Diagnostics()
    path = Path(ref)
    if path.is_file() or _looks_like_path(ref):
        document, _ = load_mapping(path, label=ref)
        return build_api(document, ref, collected)
    registry = load_registry()
    try:
        entry = registry.get(ref)
    except GeneratorError:
        known = ", ".join(v.name for v in registry.versions)
        raise GeneratorError.single(
            ref, "", f"not a registered version (known: {known}) nor a spec file", code="unknown-version"
        ) from None
    document, _ = load_mapping(entry.spec, label=entry.spec_label())
    return build_api(document, entry.spec_label(), collected)
