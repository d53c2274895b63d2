"""Generation of client packages: load -> validate -> IR -> render -> format, per target.

``build_package`` is pure (returns files and diagnostics). ``generate`` runs targets on all
cores, skips targets whose inputs and output did not change, and hands the results to the
writer in one step, only when no target has errors.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version as dist_version
from pathlib import Path

from .diagnostics import INTERNAL_ERROR_HINT, Diagnostic, Diagnostics, GeneratorError, Level
from .ir.build import build_api
from .load import line_finder, load_mapping, sha256_of
from .progress import Progress
from .render.format import FormatError
from .render.package import RUNTIME_DIR, TEMPLATES_DIR, PackageSpec, render_package
from .writer import compare_tree, read_tree, write_file, write_trees

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "intercom-gen"


@dataclass(frozen=True)
class Target:
    """One package to generate: ``out_dir`` is the package folder itself."""

    package: str
    spec_path: Path
    spec_label: str
    out_dir: Path
    regenerate_command: str
    expected_sha256: str | None = None
    strict: bool = False
    class_names: tuple[tuple[str, str], ...] = ()


@dataclass
class Built:
    target: Target
    files: dict[str, str]
    diagnostics: list[Diagnostic]
    skipped: bool = False


def build_package(target: Target) -> Built:
    """Load, build the IR and render one package. Never raises for spec problems.

    Expected problems arrive as ``GeneratorError`` diagnostics. Anything else is a bug: it becomes
    one ``internal-error`` diagnostic (naming the phase and the exception) instead of a traceback.
    """
    diagnostics = Diagnostics()
    progress = Progress(target.package)
    data = b""
    phase = "loading spec"
    try:
        progress.phase(phase)
        document, data = load_mapping(target.spec_path, label=target.spec_label)
        progress.phase(phase := "building the IR")
        api = build_api(document, target.spec_label, diagnostics, class_overrides=dict(target.class_names))
        progress.phase(phase := "rendering models and endpoints")
        spec = PackageSpec(target.package, target.spec_label, sha256_of(data), target.regenerate_command)
        files = render_package(api, spec, diagnostics)
        progress.phase("done")
    except GeneratorError as exc:
        diagnostics.extend(exc.diagnostics)
        files = {}
    except FormatError as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        diagnostics.error(
            target.spec_label, "", f"internal error: {first}; {INTERNAL_ERROR_HINT}", code="format-failed"
        )
        files = {}
    except Exception as exc:  # the last resort: a bug must not print a traceback
        detail = str(exc).splitlines()[0] if str(exc) else ""
        message = f"internal error while {phase}: {type(exc).__name__}: {detail}; {INTERNAL_ERROR_HINT}"
        diagnostics.error(target.spec_label, "", message, code="internal-error")
        files = {}
    if diagnostics.has_errors(strict=target.strict):
        files = {}
    if data:
        diagnostics.with_lines(line_finder(data.decode("utf-8", "replace")))
    return Built(target, files, list(diagnostics))


def _tool_fingerprint() -> str:
    digest = hashlib.sha256()
    for package in ("datamodel-code-generator", "black", "jinja2"):
        digest.update(f"{package}={dist_version(package)};".encode())
    for folder in (Path(__file__).resolve().parent, TEMPLATES_DIR, RUNTIME_DIR):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja"):
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(target: Target, tools: str) -> str:
    spec = target.spec_path.read_bytes() if target.spec_path.is_file() else b""
    key = (
        f"{tools}|{target.package}|{target.spec_label}|{target.regenerate_command}|{target.strict}|{target.class_names}"
    )
    key += f"|{sha256_of(spec)}"
    return hashlib.sha256(key.encode()).hexdigest()


def tree_digest(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for rel in sorted(files):
        digest.update(rel.encode() + b"\0" + hashlib.sha256(files[rel]).digest())
    return digest.hexdigest()


def _cache_file(target: Target) -> Path:
    name = hashlib.sha256(str(target.out_dir.resolve()).encode()).hexdigest()[:16]
    return CACHE_DIR / f"{target.package}-{name}.json"


def up_to_date(target: Target, tools: str) -> bool:
    """True when the cache says this exact input produced exactly the tree now on disk."""
    try:
        cached = json.loads(_cache_file(target).read_text())
    except (OSError, ValueError):
        return False
    if cached.get("fingerprint") != fingerprint(target, tools):
        return False
    return bool(cached.get("tree") == tree_digest(read_tree(target.out_dir)))


def remember(target: Target, tools: str) -> None:
    record = {"fingerprint": fingerprint(target, tools), "tree": tree_digest(read_tree(target.out_dir))}
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
        write_file(_cache_file(target), json.dumps(record))


def build_all(targets: Iterable[Target], *, use_cache: bool = True) -> list[Built]:
    """Build every target not known to be up to date, in parallel across cores."""
    targets = list(targets)
    tools = _tool_fingerprint()
    fresh = [t for t in targets if use_cache and up_to_date(t, tools)]
    todo = [t for t in targets if t not in fresh]
    built = {id(t): Built(t, {}, [], skipped=True) for t in fresh}
    workers = min(len(todo), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(build_package, todo))
    else:
        results = [build_package(t) for t in todo]
    for target, result in zip(todo, results, strict=True):
        built[id(target)] = result
    return [built[id(t)] for t in targets]


def errors_in(results: Iterable[Built]) -> bool:
    return any(not r.skipped and (not r.files or any(d.level >= Level.ERROR for d in r.diagnostics)) for r in results)


def write_results(results: list[Built]) -> None:
    """Write every built (not skipped) package at once; the caller checked ``errors_in`` first."""
    trees = {r.target.out_dir: r.files for r in results if not r.skipped}
    if trees:
        write_trees(trees)
    tools = _tool_fingerprint()
    for result in results:
        if not result.skipped:
            remember(result.target, tools)


def differences(result: Built) -> tuple[bool, str]:
    """Compare a built package with what is on disk: (differs, summary)."""
    difference = compare_tree(result.target.out_dir, result.files)
    if not difference:
        return False, ""
    parts = [
        f"{len(v)} {k}"
        for k, v in (("missing", difference.missing), ("extra", difference.extra), ("changed", difference.changed))
        if v
    ]
    return True, ", ".join(parts)
