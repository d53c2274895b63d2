"""Turning registry entries (or a loose spec file) into generation targets."""

from __future__ import annotations

from pathlib import Path

from ..core.paths import GENERATED_DIR
from .pipeline import Target
from ..spec.registry import Registry, VersionEntry



def registry_target(entry: VersionEntry, *, strict: bool = False, out_root: Path = GENERATED_DIR) -> Target:
    assert entry.package is not None
    return Target(
        package=entry.package,
        spec_path=entry.spec,
        spec_label=entry.spec_label(),
        out_dir=out_root / entry.package,
        regenerate_command=f"intercom-gen generate --version {entry.name}",
        expected_sha256=entry.upstream.sha256,
        strict=strict,
        class_names=entry.class_names,
        overlays=entry.overlay_files(),
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
        spec_path=spec,
        spec_label=spec.name,
        out_dir=out / name,
        regenerate_command=f"intercom-gen generate --spec {spec.name} --name {name} --out <dir>",
        strict=strict,
        class_names=class_names,
    )
