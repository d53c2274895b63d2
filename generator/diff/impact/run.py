"""Running mypy over the user's files, with the OLD client importable under the name they use.

The package is reached through a link ``<cache>/roots/<NAME>/<N/A/M/E>`` -> ``generated/<package>``,
so the user's ``import NAME`` (or ``from NAME.models import ...``) resolves to the OLD client even
when their own copy lives elsewhere or under another name. mypy's incremental cache sits beside it:
the first run analyses the package (tens of seconds), later runs read it back and check only the
user's files.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from mypy import build
from mypy.errors import CompileError
from mypy.find_sources import InvalidSourceList, create_source_list
from mypy.modulefinder import BuildSource
from mypy.options import Options

from ...core.diagnostics import Diagnostic, GeneratorError, Level
from ...core.paths import ROOT
from .analysis import Hit, ImpactPlugin
from .targets import Targets

CACHE_DIR = ROOT / ".cache" / "intercom-gen" / "impact"
_PYTHON_SUFFIXES = (".py", ".pyi")


def _link_package(package_dir: Path, name: str, cache: Path) -> Path:
    """The folder to put on mypy's path so that ``import name`` is ``package_dir``."""
    root = cache / "roots" / name
    *parents, leaf = name.split(".")
    folder = root.joinpath(*parents)
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / leaf
    target = package_dir.resolve()
    if link.is_symlink() and Path(os.readlink(link)) == target:
        return root
    if link.is_symlink() or link.exists():
        link.unlink(missing_ok=True)
    with contextlib.suppress(FileExistsError):  # another run linked it meanwhile
        link.symlink_to(target, target_is_directory=True)
    if Path(os.readlink(link)) != target:
        raise GeneratorError.single(str(link), "", f"points elsewhere than {target}; delete it and run again")
    return root


def _options(cache: Path, search: Path) -> Options:
    options = Options()
    options.incremental = True
    options.cache_dir = str(cache / "mypy")
    options.mypy_path = [str(search)]
    options.follow_imports = "silent"  # the package and other imports: analysed, never reported
    options.ignore_missing_imports = True
    options.check_untyped_defs = True  # bodies of unannotated functions too: that is where calls are
    options.namespace_packages = True
    return options


def user_sources(paths: Sequence[Path], name: str, options: Options) -> list[BuildSource]:
    """The user's Python files under ``paths``, as text (so mypy re-checks them every run);
    a copy of the package itself among them (``name`` or below) is not the user's code."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise GeneratorError(
            [Diagnostic(Level.ERROR, str(p), "", "no such file or folder", "file-missing") for p in missing]
        )
    try:
        found = create_source_list([str(p) for p in paths], options)
    except InvalidSourceList as exc:
        raise GeneratorError.single(
            str(paths[0]), "", f"cannot read the Python files: {exc}", code="bad-source"
        ) from None
    sources = []
    for source in found:
        if source.path is None or not source.path.endswith(_PYTHON_SUFFIXES):
            continue
        if source.module == name or source.module.startswith(f"{name}."):
            continue
        text = Path(source.path).read_text(encoding="utf-8", errors="replace")
        sources.append(BuildSource(source.path, source.module, text, source.base_dir))
    if not sources:
        raise GeneratorError.single(", ".join(map(str, paths)), "", "no Python files to analyse", code="no-source")
    return sorted(sources, key=lambda s: s.module)


def _compile_error(messages: list[str]) -> GeneratorError:
    """mypy's blocking errors (a syntax error in the user's code), one located diagnostic each."""
    found = []
    for message in messages:
        where, _, text = message.partition(": error: ")
        text = text.removesuffix("  [syntax]")
        source, _, line = where.partition(":")
        number = int(line.split(":")[0]) if line.split(":")[0].isdigit() else None
        found.append(Diagnostic(Level.ERROR, source, "", text or message, "python-syntax", number))
    return GeneratorError(found)


def analyse(
    paths: Sequence[Path], package_dir: Path, name: str, targets: Targets, cache: Path = CACHE_DIR
) -> tuple[list[Hit], int]:
    """Every place in the user's files that ``targets`` break, and how many files were analysed."""
    options = _options(cache, _link_package(package_dir, name, cache))
    sources = user_sources(paths, name, options)
    plugin = ImpactPlugin(options, name, targets, [s.path for s in sources if s.path is not None])
    flushed: list[str] = []

    def keep(filename: str | None, messages: list[str], serious: bool) -> None:
        """mypy's own type errors in the user's code are not what impact reports, unless they stop it."""
        flushed.extend(messages)

    try:
        build.build(sources, options, flush_errors=keep, extra_plugins=[plugin])
    except CompileError as exc:
        raise _compile_error(exc.messages or [m for m in flushed if ": error: " in m]) from None
    return sorted(plugin.hits, key=lambda h: (h.file, h.line, h.column, h.key)), len(sources)
