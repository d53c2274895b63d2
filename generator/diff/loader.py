"""``load_api``: a registered version name or a spec file path -> the generator's IR."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

from ..core.diagnostics import Diagnostic, Diagnostics, GeneratorError
from ..ir import source
from ..ir.model import Api


def load_api(ref: str, diagnostics: Diagnostics | None = None, *, corrected: bool = False) -> Api:
    """Load ``ref``, a registered version (``2.13``, ``unstable``; any case) or a spec file path.

    A registered version is Intercom's spec as published, unless ``corrected`` asks for it with the
    overlays of its registry entry applied (what its client is generated from).
    Raises ``GeneratorError`` naming ``ref`` when it is neither, or when the spec cannot be built.
    Warnings found while building go to ``diagnostics`` when given.
    """
    collected = diagnostics if diagnostics is not None else Diagnostics()
    loaded = source.load_api(source.resolve(ref), collected, corrected=corrected, models=False, locate=False)
    return loaded.api


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
