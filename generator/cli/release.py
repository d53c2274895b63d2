"""``intercom-gen release add`` and ``release update``: a new or revised Intercom spec in one command.

``release add VERSION --spec FILE`` copies the spec to ``specs/<version>/``, pins it, inserts its
registry entry after its predecessor (the newest stable version unless ``--predecessor``), saves the
changelog (``--changelog``) with drafted claims and an index entry, regenerates and refreshes the
reports. ``release update VERSION --spec FILE`` takes a re-published revision of a registered
version: it prints what changed between the two files, re-pins and regenerates.

Both are all or nothing: everything is checked before the first file is written, and when the
regeneration fails every file is put back as it was (``generated/`` itself is only ever swapped in
whole, see ``build/transaction.py``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics, GeneratorError
from ..core.paths import GENERATED_DIR, REGISTRY_FILE, SPECS_DIR
from ..ir.source import SpecSource, load_api
from ..spec.load import read_bytes, read_text, sha256_of
from ..spec.registry import Registry, VersionEntry, load_registry
from ..spec.registry_edit import NewEntry, insert_entry, set_pin, set_predecessor, set_upstream

CHANGELOGS = SPECS_DIR / "changelogs"
_NUMERIC = re.compile(r"^\d+(\.\d+)*$")


def _numeric(name: str) -> tuple[int, ...] | None:
    return tuple(int(p) for p in name.split(".")) if _NUMERIC.match(name) else None


def newest_stable(registry: Registry) -> str:
    """The registered version with the highest number (``2.13``); Unstable and Preview are not stable."""
    numbered = [(key, v.name) for v in registry.versions if (key := _numeric(v.name)) is not None]
    if not numbered:
        raise GeneratorError.single(
            registry.source, "/versions", "no numbered version to follow", code="registry-invalid"
        )
    return max(numbered)[1]


def package_name(version: str) -> str:
    """``2.14`` -> ``v2_14``; ``Preview`` -> ``preview``."""
    if _numeric(version) is not None:
        return "v" + version.replace(".", "_")
    name = re.sub(r"\W+", "_", version.strip().lower()).strip("_")
    return name if name and not name[0].isdigit() else f"v_{name}"


def shared_overlays(registry: Registry, predecessor: VersionEntry) -> tuple[str, ...]:
    """The predecessor's overlays that hold for several versions (version-specific ones stay with theirs)."""
    counts: dict[Path, int] = {}
    for entry in registry.versions:
        for path in entry.overlays:
            counts[path] = counts.get(path, 0) + 1
    return tuple(path.relative_to(SPECS_DIR).as_posix() for path in predecessor.overlays if counts[path] > 1)


class Changes:
    """Files to write, with what they held before, so that a failure puts everything back."""

    def __init__(self) -> None:
        self.files: dict[Path, bytes] = {}

    def set(self, path: Path, content: str | bytes) -> None:
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content

    def apply(self) -> dict[Path, bytes | None]:
        from ..build.writer import write_file

        before = {path: path.read_bytes() if path.exists() else None for path in self.files}
        for path, content in self.files.items():
            write_file(path, content)
        return before

    @staticmethod
    def undo(before: Mapping[Path, bytes | None]) -> None:
        from ..build.writer import write_file

        for path, content in before.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                write_file(path, content)


def _check_new(registry: Registry, args: argparse.Namespace) -> VersionEntry:
    if any(v.name.lower() == args.version.lower() for v in registry.versions):
        raise GeneratorError.single(
            registry.source,
            "/versions",
            f"{args.version} is registered already; use `release update`",
            code="registered",
        )
    package = args.package or package_name(args.version)
    if any(v.package == package for v in registry.versions):
        raise GeneratorError.single(registry.source, "/versions", f"package {package!r} is taken", code="registered")
    return registry.get(args.predecessor or newest_stable(registry))


def _changelog_files(args: argparse.Namespace, folder: str, predecessor: VersionEntry, new: VersionEntry) -> Changes:
    from ..contract.draft import draft_claims
    from ..contract.specquery import Version

    changes = Changes()
    if args.changelog is None:
        return changes
    text = read_text(args.changelog, label=str(args.changelog))
    quiet = Diagnostics()
    base = Version(predecessor.name, load_api(SpecSource.of_entry(predecessor), quiet, corrected=False).api, None)
    target = Version(new.name, load_api(SpecSource.of_entry(new), quiet, corrected=False).api, new.package)
    changes.set(CHANGELOGS / f"{folder}.txt", text)
    changes.set(CHANGELOGS / f"{folder}.claims.yaml", draft_claims(folder, text, base, target))
    index = CHANGELOGS / "index.yaml"
    entry = (
        f"  - version: {json.dumps(new.name)}\n    text: {folder}.txt\n    claims: {folder}.claims.yaml\n"
        f"    page: {json.dumps('Intercom developer documentation: REST API changelog, version ' + new.name)}\n"
        f"    received_as: {json.dumps(args.changelog.name)}\n    sha256: {sha256_of(text.encode('utf-8'))}\n"
    )
    current = index.read_text(encoding="utf-8")
    changes.set(index, current + ("" if current.endswith("\n") else "\n") + entry)
    return changes


def cmd_release_add(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    registry = load_registry()
    predecessor = _check_new(registry, args)
    data = read_bytes(args.spec, label=str(args.spec))
    load_api(SpecSource.of_file(args.spec, label=str(args.spec)), diagnostics, locate=False)  # a spec we can build
    folder = args.version.lower()
    spec_path = SPECS_DIR / folder / "api.intercom.io.yaml"
    new = NewEntry(
        name=args.version,
        spec=spec_path.relative_to(SPECS_DIR).as_posix(),
        commit=args.upstream_commit or "unknown",
        upstream_path=args.upstream_path or f"descriptions/{args.version}/api.intercom.io.yaml",
        sha256=sha256_of(data),
        role="client",
        package=args.package or package_name(args.version),
        predecessor=predecessor.name,
        overlays=shared_overlays(registry, predecessor),
    )
    text = insert_entry(REGISTRY_FILE.read_text(encoding="utf-8"), new, predecessor.name, registry.source)
    for entry in registry.versions:  # Unstable and Preview follow the newest stable version
        if entry.predecessor == predecessor.name and _numeric(entry.name) is None:
            text = set_predecessor(text, entry.name, new.name, registry.source)
    changes = Changes()
    changes.set(spec_path, data)
    changes.set(REGISTRY_FILE, text)
    before = changes.apply()
    try:
        added = load_registry().get(new.name)
        more = _changelog_files(args, folder, predecessor, added)
        before.update(more.apply())
    except GeneratorError:
        Changes.undo(before)
        raise
    status = _regenerate(args, diagnostics, before)
    if status == 0:
        _print_next(new, predecessor.name, args.changelog is not None, folder)
    return status


def cmd_release_update(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    from ..diff.formats import render
    from ..diff.registry import diff_apis

    registry = load_registry()
    entry = registry.get(args.version)
    data = read_bytes(args.spec, label=str(args.spec))
    if data == entry.spec.read_bytes() and not (args.upstream_commit or args.upstream_path):
        print(f"{entry.name}: the spec is unchanged; nothing to do")
        return 0
    quiet = Diagnostics()
    old = load_api(SpecSource.of_entry(entry), quiet, corrected=False, models=False, locate=False).api
    new = load_api(SpecSource.of_file(args.spec, label=str(args.spec)), diagnostics, models=False, locate=False).api
    sys.stdout.write(render("text", f"{entry.name} (pinned)", f"{entry.name} (revised)", diff_apis(old, new)))
    text = set_pin(REGISTRY_FILE.read_text(encoding="utf-8"), entry.name, sha256_of(data), registry.source)
    text = set_upstream(text, entry.name, commit=args.upstream_commit, path=args.upstream_path, source=registry.source)
    changes = Changes()
    changes.set(entry.spec, data)
    changes.set(REGISTRY_FILE, text)
    return _regenerate(args, diagnostics, changes.apply())


def _regenerate(args: argparse.Namespace, diagnostics: Diagnostics, before: dict[Path, bytes | None]) -> int:
    """Regenerate every client and the reports (``args.generate``: the generate command); on failure
    put every file back as it was."""
    record = GENERATED_DIR / "build-record.yaml"
    before.setdefault(record, record.read_bytes() if record.exists() else None)
    packages = {p.name for p in GENERATED_DIR.iterdir() if p.is_dir()}
    options = argparse.Namespace(spec=None, version=None, force=False, jobs=args.jobs, strict=args.strict)
    status = 1
    try:
        status = int(args.generate(options, diagnostics))
    finally:
        if status != 0:
            _roll_back(before, packages)
    return status


def _roll_back(before: Mapping[Path, bytes | None], packages: set[str]) -> None:
    import shutil

    Changes.undo(before)
    for folder in GENERATED_DIR.iterdir():
        if folder.is_dir() and folder.name not in packages:
            shutil.rmtree(folder)  # a package this release wrote
    print("release: nothing was kept; the repository is as it was", file=sys.stderr)


def _print_next(new: NewEntry, predecessor: str, changelog: bool, folder: str) -> None:
    lines = [
        f"release: {new.name} registered after {predecessor}; client generated in generated/{new.package}",
        "Review next:",
        f"  1. generated/reports/diff-{predecessor.lower()}-{folder}.md (what the bump changes for callers)",
    ]
    if changelog:
        lines.append(f"  2. specs/changelogs/{folder}.claims.yaml: every drafted claim, then remove its review mark")
    lines.append("  3. the warnings above (spec defects); acknowledge the expected ones in the registry entry")
    print("\n".join(lines))


def register(sub: Any, generate: Callable[[argparse.Namespace, Diagnostics], int]) -> None:
    """Add ``release``; ``generate`` is the generate command, which a release runs when its files are in place."""
    release = sub.add_parser("release", help="register a new Intercom release, or a revised spec of one")
    actions = release.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="register, pin and generate a new API version")
    add.add_argument("version", help="the version as Intercom names it (2.14, Preview)")
    add.add_argument("--spec", type=Path, required=True, help="the spec file (api.intercom.io.yaml)")
    add.add_argument("--changelog", type=Path, help="the changelog as text; its claims are drafted")
    add.add_argument("--predecessor", help="the version it follows (default: the newest stable version)")
    add.add_argument("--package", help="the Python package name (default: v2_14 for 2.14)")
    update = actions.add_parser("update", help="take a re-published revision of a registered version's spec")
    update.add_argument("version", help="the registered version")
    update.add_argument("--spec", type=Path, required=True, help="the revised spec file")
    for parser in (add, update):
        parser.add_argument("--upstream-commit", help="the upstream commit the file comes from")
        parser.add_argument("--upstream-path", help="the file's path upstream")
        parser.add_argument("--jobs", type=int, help="worker processes for the regeneration")
        parser.add_argument("--strict", action="store_true", default=argparse.SUPPRESS, help="warnings are errors")
    add.set_defaults(handler=cmd_release_add, generate=generate)
    update.set_defaults(handler=cmd_release_update, generate=generate)
