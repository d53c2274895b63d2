"""Corrections of Intercom's specs, written as OpenAPI Overlays (Overlay Specification 1.0).

Intercom's published specs are evidence, not truth: where recorded traffic shows the live API
sending or accepting something else, the registry entry of that version lists overlay files
(``specs/overlays/*.yaml``) whose actions amend the spec before the client is generated. The pinned
spec file itself is never edited, so its sha256 keeps matching upstream.

An overlay document is ``{overlay: 1.0.x, info: {title, version}, actions: [...]}``. Each action has
a ``target`` (an RFC 9535 JSONPath, evaluated by ``jsonpath_rfc9535``), a ``description`` and either
``update`` (merged into every node the target selects) or ``remove: true`` (every selected node is
removed from its parent). This project also requires ``x-evidence`` on every action: the recorded
payloads (paths in ``tests/traffic/corpus/``) that show what the API really does.

Merging follows the specification: an object update is merged into an object node key by key,
recursively where both sides are objects, arrays are concatenated, anything else is replaced; an
update aimed at an array node is appended to it. Actions apply in order, so ``remove`` followed by
``update`` replaces a node. An action that selects nothing is a warning (``overlay-unmatched``):
Intercom may have fixed the spec, and the correction needs a look.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics, GeneratorError
from .load import load_mapping

_VERSION = re.compile(r"^1\.0\.\d+$")
_ACTION_KEYS = frozenset({"target", "description", "update", "remove", "x-evidence"})


@dataclass(frozen=True)
class Correction:
    """One overlay action: where it comes from, what it targets and why."""

    overlay: str
    index: int
    target: str
    description: str
    evidence: tuple[str, ...]
    remove: bool
    update: Any = None

    @property
    def pointer(self) -> str:
        return f"/actions/{self.index}"


@dataclass(frozen=True)
class Overlay:
    source: str
    title: str
    corrections: tuple[Correction, ...]


def load_overlay(path: Path, label: str) -> Overlay:
    """Read and check one overlay file; raises ``GeneratorError`` with every problem located."""
    document, _ = load_mapping(path, label=label)
    problems = Diagnostics()
    if not isinstance(document.get("overlay"), str) or not _VERSION.match(document["overlay"]):
        problems.error(label, "/overlay", "expected 'overlay: 1.0.x' (Overlay Specification 1.0)", code="bad-overlay")
    info = document.get("info")
    if not isinstance(info, Mapping) or not isinstance(info.get("title"), str):
        problems.error(label, "/info", "an overlay needs info.title and info.version", code="bad-overlay")
    actions = document.get("actions")
    if not isinstance(actions, list) or not actions:
        problems.error(label, "/actions", "expected a non-empty list of actions", code="bad-overlay")
        actions = []
    corrections = [c for i, raw in enumerate(actions) if (c := _action(raw, i, label, problems)) is not None]
    if problems.has_errors():
        raise GeneratorError(list(problems))
    title = str(info.get("title")) if isinstance(info, Mapping) else ""
    return Overlay(label, title, tuple(corrections))


def _action(raw: Any, index: int, label: str, problems: Diagnostics) -> Correction | None:
    pointer = f"/actions/{index}"
    if not isinstance(raw, Mapping):
        problems.error(label, pointer, "an action must be a mapping", code="bad-overlay")
        return None
    unknown = sorted(str(k) for k in raw if k not in _ACTION_KEYS and not str(k).startswith("x-"))
    target, description, evidence = raw.get("target"), raw.get("description"), raw.get("x-evidence")
    checks = [
        (bool(unknown), f"unknown keys: {', '.join(unknown)}"),
        (not isinstance(target, str) or not target.startswith("$"), "target must be a JSONPath starting with '$'"),
        (not isinstance(description, str) or not description.strip(), "every correction needs a description"),
        ("update" in raw and raw.get("remove") is True, "an action either updates or removes, not both"),
        ("update" not in raw and raw.get("remove") is not True, "an action needs 'update' or 'remove: true'"),
        (
            not isinstance(evidence, list) or not evidence or not all(isinstance(e, str) for e in evidence),
            "x-evidence must list the recorded payloads that show the correction",
        ),
        (
            target == "$" and (raw.get("remove") is True or not isinstance(raw.get("update"), Mapping)),
            "the whole document can only be updated with an object",
        ),
    ]
    failed = [message for bad, message in checks if bad]
    if not failed and isinstance(target, str):
        failed += _compile_problem(target)
    for message in failed:
        problems.error(label, pointer, message, code="bad-overlay")
    if failed:
        return None
    return Correction(
        label,
        index,
        str(target),
        str(description).strip(),
        tuple(str(e) for e in evidence or ()),
        raw.get("remove") is True,
        raw.get("update"),
    )


def _compile_problem(target: str) -> list[str]:
    import jsonpath_rfc9535

    try:
        jsonpath_rfc9535.compile(target)
    except jsonpath_rfc9535.JSONPathError as exc:
        return [f"target is not a valid JSONPath: {exc}"]
    return []


def apply_overlays(document: dict[str, Any], overlays: Sequence[Overlay], diagnostics: Diagnostics) -> list[Correction]:
    """Apply every action of ``overlays`` to ``document``, in place and in order; return those that matched."""
    applied: list[Correction] = []
    for overlay in overlays:
        for correction in overlay.corrections:
            if _apply(document, correction):
                applied.append(correction)
            else:
                diagnostics.warning(
                    correction.overlay,
                    correction.pointer,
                    f"target {correction.target} selects nothing in the spec; the correction may no longer be"
                    " needed (Intercom may have fixed the spec): review it",
                    code="overlay-unmatched",
                )
    return applied


def _apply(document: dict[str, Any], correction: Correction) -> bool:
    import jsonpath_rfc9535

    nodes = list(jsonpath_rfc9535.find(correction.target, document))
    if correction.remove:  # deepest first and from the end, so earlier locations stay valid
        for node in sorted(nodes, key=lambda n: (len(n.location), n.location), reverse=True):
            _remove(document, node.location)
    else:
        for node in nodes:
            _update(document, node.location, correction.update)
    return bool(nodes)


def _parent(document: Any, location: Iterable[str | int]) -> tuple[Any, str | int]:
    *path, last = tuple(location)
    node = document
    for part in path:
        node = node[part]
    return node, last


def _remove(document: dict[str, Any], location: tuple[str | int, ...]) -> None:
    if location:
        parent, last = _parent(document, location)
        del parent[last]


def _update(document: dict[str, Any], location: tuple[str | int, ...], update: Any) -> None:
    if not location:
        _merge_into(document, update)
        return
    parent, last = _parent(document, location)
    node = parent[last]
    if isinstance(node, list):
        node.append(copy.deepcopy(update))
    elif isinstance(node, dict) and isinstance(update, Mapping):
        _merge_into(node, update)
    else:
        parent[last] = copy.deepcopy(update)


def _merge_into(node: dict[str, Any], update: Mapping[str, Any]) -> None:
    for key, value in update.items():
        current = node.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            _merge_into(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(copy.deepcopy(value))
        else:
            node[key] = copy.deepcopy(value)


@dataclass(frozen=True)
class LoadedSpec:
    """A spec file as the generator reads it: the document (corrected when overlays were given),
    the file's bytes (for its pin and its line numbers) and the corrections that applied."""

    document: dict[str, Any]
    data: bytes
    corrections: tuple[Correction, ...]


def load_spec(
    path: Path, label: str, overlays: Sequence[tuple[Path, str]] = (), diagnostics: Diagnostics | None = None
) -> LoadedSpec:
    """Load a spec and apply the overlay files ``overlays`` (``(path, label)`` pairs) in order."""
    document, data = load_mapping(path, label=label, diagnostics=diagnostics)
    if not overlays:
        return LoadedSpec(document, data, ())
    loaded = [load_overlay(file, file_label) for file, file_label in overlays]
    applied = apply_overlays(document, loaded, diagnostics if diagnostics is not None else Diagnostics())
    return LoadedSpec(document, data, tuple(applied))
