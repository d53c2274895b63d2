"""The version registry: ``specs/versions.yaml`` lists every pinned Intercom API version.

This is the only place that knows which versions exist. Adding a release is one spec file plus one
entry in the YAML file; no code here changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.diagnostics import GeneratorError
from ..core.paths import REGISTRY_FILE, SPECS_DIR
from .load import load_mapping, read_bytes, sha256_of

_PACKAGE_RE = re.compile(r"^[a-z_][a-z0-9_]*$")
_ROLES = ("client", "baseline")


@dataclass(frozen=True)
class Upstream:
    commit: str
    path: str
    sha256: str


@dataclass(frozen=True)
class Acknowledgement:
    """A spec defect a maintainer has reviewed: the warning ``code`` at ``at`` becomes an info."""

    code: str
    at: str
    """The JSON pointer the warning names (as printed after ``at``)."""
    reason: str
    pointer: str
    """Where this acknowledgement stands in the registry (for a warning when it matches nothing)."""


@dataclass(frozen=True)
class VersionEntry:
    """One registered API version."""

    name: str
    spec: Path
    upstream: Upstream
    role: str
    package: str | None
    predecessor: str | None
    class_names: tuple[tuple[str, str], ...] = ()  # schema key -> class name, where the derived one collides
    overlays: tuple[Path, ...] = ()  # corrections of the spec (see generator/overlays.py), applied in order
    acknowledged: tuple[Acknowledgement, ...] = ()  # reviewed spec defects: their warnings become infos

    @property
    def is_client(self) -> bool:
        return self.role == "client"

    def spec_label(self) -> str:
        """The spec path as shown to users: relative to the repository."""
        return repo_label(self.spec)

    def overlay_files(self) -> tuple[tuple[Path, str], ...]:
        """The overlay files with the labels diagnostics show, for ``overlays.load_spec``."""
        return tuple((path, repo_label(path)) for path in self.overlays)


def repo_label(path: Path) -> str:
    """A path as shown to users: relative to the repository when it is inside it."""
    try:
        return str(path.relative_to(SPECS_DIR.parent))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Registry:
    source: str
    upstream_repository: str
    versions: tuple[VersionEntry, ...]

    def get(self, name: str) -> VersionEntry:
        for entry in self.versions:
            if entry.name.lower() == name.lower() or (entry.package or "") == name:
                return entry
        known = ", ".join(v.name for v in self.versions)
        raise GeneratorError.single(
            self.source, "/versions", f"unknown version {name!r} (known: {known})", code="unknown-version"
        )

    def clients(self) -> tuple[VersionEntry, ...]:
        return tuple(v for v in self.versions if v.is_client)


def _require(entry: dict[str, Any], key: str, kind: type, source: str, pointer: str) -> Any:
    value = entry.get(key)
    if not isinstance(value, kind):
        raise GeneratorError.single(
            source,
            f"{pointer}/{key}",
            f"expected {kind.__name__} for {key!r}, found {value!r}",
            code="registry-invalid",
        )
    return value


def _parse_entry(raw: Any, index: int, base: Path, source: str) -> VersionEntry:
    pointer = f"/versions/{index}"
    if not isinstance(raw, dict):
        raise GeneratorError.single(source, pointer, "each version must be a mapping", code="registry-invalid")
    name = str(_require(raw, "name", str, source, pointer))
    up = _require(raw, "upstream", dict, source, pointer)
    upstream = Upstream(
        commit=_require(up, "commit", str, source, f"{pointer}/upstream"),
        path=_require(up, "path", str, source, f"{pointer}/upstream"),
        sha256=_require(up, "sha256", str, source, f"{pointer}/upstream").lower(),
    )
    role = _require(raw, "role", str, source, pointer)
    if role not in _ROLES:
        raise GeneratorError.single(
            source, f"{pointer}/role", f"role must be one of {_ROLES}, found {role!r}", code="registry-invalid"
        )
    package = raw.get("package")
    if role == "client" and (not isinstance(package, str) or not _PACKAGE_RE.match(package)):
        raise GeneratorError.single(
            source,
            f"{pointer}/package",
            f"a client version needs a Python package name, found {package!r}",
            code="registry-invalid",
        )
    predecessor = raw.get("predecessor")
    overrides = raw.get("class_names") or {}
    if not isinstance(overrides, dict) or not all(isinstance(v, str) and v.isidentifier() for v in overrides.values()):
        raise GeneratorError.single(
            source,
            f"{pointer}/class_names",
            "class_names maps schema keys to Python class names",
            code="registry-invalid",
        )
    overlays = raw.get("overlays") or []
    if not isinstance(overlays, list) or not all(isinstance(o, str) and o for o in overlays):
        raise GeneratorError.single(
            source,
            f"{pointer}/overlays",
            "overlays lists overlay files, relative to this folder",
            code="registry-invalid",
        )
    return VersionEntry(
        acknowledged=_acknowledgements(raw.get("acknowledged"), f"{pointer}/acknowledged", source),
        name=name,
        spec=base / _require(raw, "spec", str, source, pointer),
        upstream=upstream,
        role=role,
        package=package if role == "client" else None,
        predecessor=str(predecessor) if predecessor is not None else None,
        class_names=tuple(sorted((str(k), str(v)) for k, v in overrides.items())),
        overlays=tuple(base / o for o in overlays),
    )


REGISTRY_LABEL = repo_label(REGISTRY_FILE)


def _acknowledgements(raw: Any, pointer: str, source: str) -> tuple[Acknowledgement, ...]:
    """``acknowledged: [{code, at, reason}]``: each a non-empty string, the pointer absolute."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise GeneratorError.single(
            source, pointer, "acknowledged lists {code, at, reason} mappings", code="registry-invalid"
        )
    found = []
    for index, item in enumerate(raw):
        where = f"{pointer}/{index}"
        if not isinstance(item, dict):
            raise GeneratorError.single(source, where, "expected a mapping {code, at, reason}", code="registry-invalid")
        code, at, reason = (str(_require(item, key, str, source, where)).strip() for key in _ACK_KEYS)
        if not code or not reason or not at.startswith("/"):
            raise GeneratorError.single(
                source,
                where,
                "an acknowledgement names the warning's code, its place (`at`, a JSON pointer starting with /)"
                " and the reason it is expected",
                code="registry-invalid",
            )
        found.append(Acknowledgement(code, at, reason, where))
    return tuple(found)


_ACK_KEYS = ("code", "at", "reason")


def load_registry(path: Path = REGISTRY_FILE) -> Registry:
    source = REGISTRY_LABEL if path == REGISTRY_FILE else str(path)
    document, _ = load_mapping(path, label=source)
    raw_versions = document.get("versions")
    if not isinstance(raw_versions, list) or not raw_versions:
        raise GeneratorError.single(
            source, "/versions", "expected a non-empty list of versions", code="registry-invalid"
        )
    versions = tuple(_parse_entry(raw, i, path.parent, source) for i, raw in enumerate(raw_versions))
    names = [v.name.lower() for v in versions]
    packages = [v.package for v in versions if v.package]
    for what, values in (("name", names), ("package", packages)):
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise GeneratorError.single(
                source, "/versions", f"duplicate {what}: {', '.join(dupes)}", code="registry-invalid"
            )
    for v in versions:
        if v.predecessor is not None and v.predecessor.lower() not in names:
            raise GeneratorError.single(
                source,
                "/versions",
                f"{v.name}: predecessor {v.predecessor!r} is not registered",
                code="registry-invalid",
            )
    return Registry(source, str(document.get("upstream_repository", "")), versions)


def pin_problem(pinned: str | None, data: bytes) -> str | None:
    """The one pin comparison: a message when ``data`` does not have the ``pinned`` sha256, else None."""
    actual = sha256_of(data)
    if pinned is None or actual == pinned:
        return None
    return f"sha256 mismatch: file has {actual}, registry pins {pinned}"


def verify_pin(entry: VersionEntry) -> str | None:
    """Return a message when the spec file does not match its pinned sha256, else None."""
    problem = pin_problem(entry.upstream.sha256, read_bytes(entry.spec, label=entry.spec_label()))
    if problem is None:
        return None
    return f"{problem} (upstream {entry.upstream.path} at {entry.upstream.commit[:12]})"
