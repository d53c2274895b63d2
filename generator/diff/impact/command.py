"""``intercom-gen impact OLD NEW PATH... [--package NAME] [--format text|md|json] [--accept FILE]``.

Which call sites and attribute reads in the user's code (written against the OLD client, imported
as NAME) the bump to NEW breaks, each with the change causing it and the fix. Exit 1 while a finding
is not accepted. The versions are compared as their clients are generated: with their corrections.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...core.diagnostics import Diagnostics, GeneratorError
from ...core.paths import GENERATED_DIR
from ...spec.registry import load_registry
from ..gate import load_accept_file
from ..loader import load_pair
from ..registry import diff_apis
from .targets import impact_targets

if TYPE_CHECKING:
    from .analysis import Hit

FORMATS = ("text", "md", "json")


def _package(ref: str) -> tuple[str, Path]:
    """The OLD client's package name and folder; only registered client versions have one."""
    registry = load_registry()
    try:
        entry = registry.get(ref)
    except GeneratorError:
        known = ", ".join(v.name for v in registry.clients())
        raise GeneratorError.single(
            ref, "", f"impact needs a registered client version (known: {known})", code="unknown-version"
        ) from None
    if entry.package is None:
        raise GeneratorError.single(ref, "", f"{entry.name} is a baseline, not a client", code="not-a-client")
    folder = GENERATED_DIR / entry.package
    if not (folder / "__init__.py").is_file():
        raise GeneratorError.single(str(folder), "", "the client is not generated; run `intercom-gen generate`")
    return entry.package, folder


def _display(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def _code(hit: Hit, cache: dict[str, list[str]]) -> str:
    lines = cache.setdefault(hit.file, Path(hit.file).read_text(encoding="utf-8", errors="replace").splitlines())
    return lines[hit.line - 1].strip() if 0 < hit.line <= len(lines) else ""


def render(fmt: str, old: str, new: str, hits: Sequence[Hit], *, accepted: dict[str, str], files: int) -> str:
    sources: dict[str, list[str]] = {}
    if fmt == "json":
        findings = [
            {"file": _display(h.file), "line": h.line, "rule": h.rule, "key": h.key, "message": h.message, "fix": h.fix}
            for h in hits
        ]
        return json.dumps({"findings": findings}, indent=2, ensure_ascii=False) + "\n"
    remaining = [h for h in hits if h.key not in accepted]
    summary = (
        f"{old} -> {new}: {len(hits)} finding{'s' if len(hits) != 1 else ''} in "
        f"{len({h.file for h in hits})} of {files} files analysed ({len(hits) - len(remaining)} accepted)"
    )
    if fmt == "md":
        lines = [f"# What {old} -> {new} breaks in this code", "", summary, ""]
        if hits:
            lines += ["| Where | Code | Change | Fix |", "|---|---|---|---|"]
        for h in hits:
            code = _code(h, sources).replace("|", "\\|")
            note = f" (accepted: {accepted[h.key]})" if h.key in accepted else ""
            fix = h.fix.replace("|", "\\|")
            lines.append(f"| `{_display(h.file)}:{h.line}` | `{code}` | `{h.key}` | {fix}{note} |")
        return "\n".join(lines) + "\n"
    lines = []
    for h in hits:
        note = f"  [accepted: {accepted[h.key]}]" if h.key in accepted else ""
        lines += [
            f"{_display(h.file)}:{h.line}: {_code(h, sources)}",
            f"    {h.rule}: {h.message}",
            f"    key: {h.key}",
            f"    fix: {h.fix}{note}",
        ]
    return "\n".join([*lines, summary]) + "\n"


def cmd_impact(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    package, folder = _package(args.old)
    accept = load_accept_file(args.accept) if args.accept is not None else None
    # the clients are generated from the corrected specs, so by default that is what is compared
    old, new = load_pair(args.old, args.new, corrected=not args.as_published)
    targets = impact_targets(diff_apis(old, new), old)
    try:
        from .run import analyse  # mypy is an optional dependency: only impact needs it
    except ImportError as error:
        raise GeneratorError.single(
            "impact",
            "",
            f"impact analyses your code with mypy, which is not installed ({error}); "
            "install it with `pip install 'intercom-clientgen[impact]'`",
            code="missing-dependency",
        ) from None
    hits, files = analyse(args.paths, folder, args.package or package, targets)
    accepted = {k: v for k, v in (accept.reasons() if accept else {}).items() if any(h.key == k for h in hits)}
    sys.stdout.write(render(args.format, args.old, args.new, hits, accepted=accepted, files=files))
    return 1 if any(h.key not in accepted for h in hits) else 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "impact",
        help="list the call sites in your code that a version bump breaks, with the fix",
        description=(
            "Analyse Python code written against the OLD client (with mypy) and report each call, "
            "constructor argument or attribute read that a breaking change from OLD to NEW breaks."
        ),
    )
    parser.add_argument("old", metavar="OLD", help="the registered client version the code uses (e.g. 2.11)")
    parser.add_argument("new", metavar="NEW", help="the registered client version to move to")
    parser.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="your Python files or folders")
    parser.add_argument(
        "--package", metavar="NAME", help="the name your code imports the OLD client as (default: its package name)"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--as-published",
        action="store_true",
        help="judge the specs as Intercom published them (the keys of `diff`), not as the clients are generated",
    )
    parser.add_argument("--accept", type=Path, metavar="FILE", help="accept file (as for diff): findings it names pass")
    parser.set_defaults(handler=cmd_impact)
