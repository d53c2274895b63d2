"""Generation of client packages: load -> validate -> IR -> render -> format, per target.

``build_package`` is pure (returns files and diagnostics). ``build_all`` skips targets whose
inputs and output did not change, renders the rest on all cores and formats their modules in one
shared, deduplicated pool backed by the format cache (see ``parallel.py``); ``write_results``
hands everything to the writer in one step, only when no target has errors.

The IR, the renderers and black are imported only when something has to be built, so a run
with nothing to do stays cheap.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import testpoints
from ..core.diagnostics import INTERNAL_ERROR_HINT, Diagnostic, Diagnostics, GeneratorError, Level
from ..core.paths import CACHE_DIR, GENERATOR_DIR, ROOT, TEMPLATES_DIR
from ..core.progress import Progress
from ..ir.source import Loaded, SpecSource, load_api
from ..spec.load import sha256_of
from .record import is_fresh, record
from .transaction import write_trees
from .writer import compare_tree

if TYPE_CHECKING:
    from .formatcache import FormatCache
    from .parallel import Formatter


@dataclass(frozen=True)
class Target:
    """One package to generate: ``out_dir`` is the package folder itself."""

    package: str
    source: SpecSource
    out_dir: Path
    regenerate_command: str
    strict: bool = False

    @property
    def spec_label(self) -> str:
        return self.source.label


@dataclass
class Built:
    target: Target
    files: dict[str, str]
    diagnostics: list[Diagnostic]
    skipped: bool = False


@dataclass
class Rendered:
    """A rendered target whose ``python`` modules still need black (empty after errors)."""

    target: Target
    python: dict[str, str]
    verbatim: dict[str, str]
    diagnostics: list[Diagnostic]


def render_target(target: Target) -> Rendered:
    """Load, build the IR and render one package, unformatted. Never raises for spec problems.

    Expected problems arrive as ``GeneratorError`` diagnostics. Anything else is a bug: it becomes
    one ``internal-error`` diagnostic (naming the phase and the exception) instead of a traceback.
    """
    from ..render.package import PackageSpec, render_package

    diagnostics = Diagnostics()
    progress = Progress(target.package)
    loaded: Loaded | None = None
    phase = "loading spec"
    try:
        testpoints.reached("rendering")
        progress.phase(phase)
        loaded = load_api(target.source, diagnostics)
        progress.phase(phase := "rendering models and endpoints")
        corrections = tuple(dict.fromkeys(c.overlay for c in loaded.corrections))
        digest = sha256_of(loaded.data)
        command = target.regenerate_command
        spec = PackageSpec(target.package, target.spec_label, digest, command, corrections=corrections)
        package = render_package(loaded.api, spec, diagnostics)
        progress.phase("rendered")
    except GeneratorError as exc:  # already located by load_api
        diagnostics.extend(exc.diagnostics)
        return _failed(target, diagnostics, loaded)
    except Exception as exc:  # the last resort: a bug must not print a traceback
        detail = str(exc).splitlines()[0] if str(exc) else ""
        message = f"internal error while {phase}: {type(exc).__name__}: {detail}; {INTERNAL_ERROR_HINT}"
        diagnostics.error(target.spec_label, "", message, code="internal-error")
        return _failed(target, diagnostics, loaded)
    loaded.locate(diagnostics)  # what rendering found
    if diagnostics.has_errors(strict=target.strict):
        return _failed(target, diagnostics, None)
    return Rendered(target, package.python, package.verbatim, list(diagnostics))


def _failed(target: Target, diagnostics: Diagnostics, loaded: Loaded | None) -> Rendered:
    if loaded is not None:
        loaded.locate(diagnostics)
    return Rendered(target, {}, {}, list(diagnostics))


def finish(rendered: Rendered, formatter: Formatter) -> Built:
    """Put a rendered target's formatted modules and verbatim files together."""
    target = rendered.target
    diagnostics = Diagnostics()
    diagnostics.extend(rendered.diagnostics)
    files: dict[str, str] = {}
    for path, source in sorted(rendered.python.items()):
        text = formatter.module(f"{target.package}/{path}", source, diagnostics, target.spec_label)
        if text is not None:
            files[path] = text
    files.update(rendered.verbatim)
    if not rendered.python or diagnostics.has_errors(strict=target.strict):
        files = {}
    return Built(target, files, list(diagnostics))


def warm_up() -> None:
    """Load what every render needs, so that workers forked afterwards share it instead of each loading it."""
    from ..render.models import warm_up as warm_up_models

    for module in ("..ir.build", "..render.package", "..render.format"):
        importlib.import_module(module, __package__)
    warm_up_models()


def build_package(target: Target) -> Built:
    """Render and format one package here, in this process, without any cache."""
    from .parallel import Formatter

    formatter = Formatter(cache=None)
    rendered = render_target(target)
    formatter.request(rendered.python, None)
    return finish(rendered, formatter)


# The stages a package is made by (see CONTRIBUTING.md): editing any other folder of the generator
# (the command line, the diff, the contracts) cannot change a package, so it does not force a rebuild.
PACKAGE_STAGES = ("core", "spec", "ir", "render", "build", "runtime")
TOOLS = ("datamodel-code-generator", "black", "jinja2", "jsonpath-rfc9535")  # their output lands in packages


def _tool_fingerprint() -> str:
    digest = hashlib.sha256()
    for package in TOOLS:
        digest.update(f"{package}={dist_version(package)};".encode())
    folders = [GENERATOR_DIR / stage for stage in PACKAGE_STAGES] + [TEMPLATES_DIR]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja"):
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(target: Target, tools: str) -> str:
    source = target.source
    key = f"{tools}|{target.package}|{source.label}|{target.regenerate_command}|{target.strict}|{source.class_names}"
    key += f"|pin={source.sha256}"
    for path, label in ((source.path, source.label), *source.overlays):  # labels, not paths: the same in any clone
        key += f"|{label}:{sha256_of(path.read_bytes() if path.is_file() else b'')}"
    return hashlib.sha256(key.encode()).hexdigest()


def up_to_date(target: Target, tools: str) -> bool:
    """True when the build record says this exact input produced exactly the tree now on disk."""
    return is_fresh(target.out_dir.parent, target.out_dir.name, fingerprint(target, tools))


def default_format_cache() -> FormatCache:
    from ..render.format import formatter_key
    from .formatcache import FormatCache

    return FormatCache(CACHE_DIR / "format", formatter_key())


def build_all(
    targets: Iterable[Target], *, use_cache: bool = True, format_cache: bool = True, workers: int | None = None
) -> list[Built]:
    """Build every target not known to be up to date, on ``workers`` processes (default: every core).

    ``use_cache=False`` rebuilds up-to-date targets too; ``format_cache=False`` neither reads nor
    writes black's output cache (a cold build).
    """
    targets = list(targets)
    tools = _tool_fingerprint()
    fresh = [t for t in targets if use_cache and up_to_date(t, tools)]
    built = {id(t): Built(t, {}, [], skipped=True) for t in fresh}
    todo = sorted((t for t in targets if t not in fresh), key=_spec_size, reverse=True)
    if todo:
        from .parallel import Formatter, available_cores, render_and_format

        formatter = Formatter(default_format_cache() if format_cache else None)
        rendered = render_and_format(render_target, todo, formatter, workers or available_cores(), warm_up=warm_up)
        for target, result in zip(todo, rendered, strict=True):  # results are copies from workers
            built[id(target)] = finish(result, formatter)
        formatter.store()
    return [built[id(t)] for t in targets]


def _spec_size(target: Target) -> int:
    try:
        return target.source.path.stat().st_size
    except OSError:
        return 0


def errors_in(results: Iterable[Built]) -> bool:
    return any(not r.skipped and (not r.files or any(d.level >= Level.ERROR for d in r.diagnostics)) for r in results)


def write_results(results: list[Built]) -> None:
    """Write every built (not skipped) package at once; the caller checked ``errors_in`` first."""
    trees = {r.target.out_dir: r.files for r in results if not r.skipped}
    if trees:
        write_trees(trees)
    tools = _tool_fingerprint()
    by_root: dict[Path, dict[str, str]] = {}
    for result in results:
        if not result.skipped:
            target = result.target
            by_root.setdefault(target.out_dir.parent, {})[target.out_dir.name] = fingerprint(target, tools)
    for out_root, built in by_root.items():
        record(out_root, built)


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
