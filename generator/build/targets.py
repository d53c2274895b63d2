"""Turning registry entries (or a loose spec file) into generation targets."""

from __future__ import annotations

from pathlib import Path

from ..core.paths import GENERATED_DIR
from ..ir.source import SpecSource
from ..spec.registry import Registry, VersionEntry
from .pipeline import Target


def registry_target(entry: VersionEntry, *, strict: bool = False, out_root: Path = GENERATED_DIR) -> Target:
    assert entry.package is not None
    return Target(
        package=entry.package,
        source=SpecSource.of_entry(entry),
        out_dir=out_root / entry.package,
        regenerate_command=f"intercom-gen generate --version {entry.name}",
        strict=strict,
    )


def client_targets(
    registry: Registry, only: str | None = None, *, strict: bool = False, out_root: Path = GENERATED_DIR
) -> list[Target]:
    entries = [registry.get(only)] if only else list(registry.clients())
    return [registry_target(e, strict=strict, out_root=out_root) for e in entries if e.is_client]


def file_target(
    spec: Path, name: str, out: Path, *, strict: bool = False, class_names: tuple[tuple[str, str], ...] = ()
) -> Target:
    return Target(
        package=name,
        source=SpecSource.of_file(spec, label=spec.name, class_names=class_names),
        out_dir=out / name,
        regenerate_command=f"intercom-gen generate --spec {spec.name} --name {name} --out <dir>",
        strict=strict,
    )
