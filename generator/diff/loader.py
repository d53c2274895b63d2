"""``load_api``: a registered version name or a spec file path -> the generator's IR."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..core.diagnostics import Diagnostic, Diagnostics, GeneratorError
from ..ir.build import build_api
from ..ir.model import Api
from ..spec.load import load_mapping
from ..spec.overlays import load_spec
from ..spec.registry import load_registry

_SPEC_SUFFIXES = (".yaml", ".yml", ".json")


def _looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.lower().endswith(_SPEC_SUFFIXES)


def load_api(ref: str, diagnostics: Diagnostics | None = None, *, corrected: bool = False) -> Api:
    """Load ``ref``, a registered version (``2.13``, ``unstable``; any case) or a spec file path.

    A registered version is Intercom's spec as published, unless ``corrected`` asks for it with the
    overlays of its registry entry applied (what its client is generated from).
    Raises ``GeneratorError`` naming ``ref`` when it is neither, or when the spec cannot be built.
    Warnings found while building go to ``diagnostics`` when given.
    """
    collected = diagnostics if diagnostics is not None else Diagnostics()
    path = Path(ref)
    if path.is_file() or _looks_like_path(ref):
        document, _ = load_mapping(path, label=ref, diagnostics=collected)
        return build_api(document, ref, collected, models_document=False)
    registry = load_registry()
    try:
        entry = registry.get(ref)
    except GeneratorError:
        known = ", ".join(v.name for v in registry.versions)
        raise GeneratorError.single(
            ref, "", f"not a registered version (known: {known}) nor a spec file", code="unknown-version"
        ) from None
    overlays = entry.overlay_files() if corrected else ()
    loaded = load_spec(entry.spec, entry.spec_label(), overlays, collected)
    return build_api(
        loaded.document, entry.spec_label(), collected, models_document=False, class_overrides=dict(entry.class_names)
    )


def _load_quietly(ref: str, corrected: bool) -> Api | list[Diagnostic]:
    """``load_api`` for a worker process: errors come back as diagnostics, which pickle cleanly."""
    try:
        return load_api(ref, corrected=corrected)
    except GeneratorError as exc:
        return exc.diagnostics


def load_pair(old: str, new: str, *, corrected: bool = False) -> tuple[Api, Api]:
    """Load two versions, the older one in a forked worker while this process loads the newer.

    Parsing a spec is most of a diff's time, so on a machine with more than one CPU the two
    parses overlap. Where fork is unavailable or unsafe (one CPU, other threads running) the two
    load one after the other.
    """
    forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if not forkable or (os.cpu_count() or 1) < 2:
        return load_api(old, corrected=corrected), load_api(new, corrected=corrected)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        pending = pool.submit(_load_quietly, old, corrected)
        newer = _load_quietly(new, corrected)
        older = pending.result()
    for result in (older, newer):
        if isinstance(result, list):
            raise GeneratorError(result)
    assert isinstance(older, Api) and isinstance(newer, Api)
    return older, newer
