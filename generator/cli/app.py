"""``intercom-gen``: generate, check, spec, diff and contract commands.

Diagnostics are collected while a command runs and printed once at the end; the exit status is
0 on success, 1 when a check finds differences or a spec has errors, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..build.signals import Terminated, handling_termination
from ..contract.command import register as register_contract
from ..core.diagnostics import INTERNAL_ERROR_HINT, Diagnostic, Diagnostics, GeneratorError, Level
from ..core.paths import REPORTS_DIR
from ..diff.command import register as register_diff
from ..spec.registry import load_registry, verify_pin
from .release import register as register_release
from .reports import difference_summary, refresh_reports, stale_reports

if TYPE_CHECKING:
    from ..build.pipeline import Built, Target

# generate and check import the rendering pipeline (black, datamodel-code-generator) when they
# run, so commands that never render (diff) start quickly

_PACKAGE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
Command = Callable[[argparse.Namespace, Diagnostics], int]


def _pointer_order(pointer: str) -> tuple[tuple[int, int | str], ...]:
    """JSON pointers in document order: ``/not_claims/9`` before ``/not_claims/89``."""
    return tuple((0, int(t)) if t.isdigit() else (1, t) for t in pointer.split("/"))


def print_diagnostics(diagnostics: Sequence[Diagnostic], *, verbose: bool = False) -> None:
    shown = [d for d in diagnostics if verbose or d.level >= Level.WARNING]
    for diagnostic in sorted(shown, key=lambda d: (-d.level, d.source, d.line or 0, _pointer_order(d.pointer))):
        print(diagnostic.render(), file=sys.stderr)
    hidden = len(diagnostics) - len(shown)
    if hidden:
        print(f"({hidden} info diagnostics hidden; use --verbose to see them)", file=sys.stderr)


def _collect(results: list[Built], diagnostics: Diagnostics) -> None:
    for result in results:
        diagnostics.extend(result.diagnostics)


def _class_names(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in args.class_name or []:
        key, _, name = item.partition("=")
        if not key or not name.isidentifier():
            raise SystemExit(f"intercom-gen generate: --class-name wants KEY=ClassName, got {item!r}")
        pairs.append((key, name))
    return tuple(sorted(pairs))


def _generate_targets(args: argparse.Namespace, diagnostics: Diagnostics) -> list[Target] | None:
    """The packages ``generate`` writes; None after a registry problem (reported)."""
    from ..build.targets import client_targets, file_target

    if args.spec is not None:
        if not args.name or args.out is None:
            raise SystemExit("intercom-gen generate: --spec needs --name and --out")
        if not _PACKAGE_NAME.match(args.name):
            raise SystemExit(f"intercom-gen generate: --name {args.name!r} is not a Python package name")
        return [file_target(args.spec, args.name, args.out, strict=args.strict, class_names=_class_names(args))]
    # each spec's pin is verified where it is loaded (``ir.source.load_api``)
    return client_targets(load_registry(), args.version, strict=args.strict)


def cmd_generate(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    from ..build.runlock import output_lock
    from ..build.transaction import recover

    targets = _generate_targets(args, diagnostics)
    if targets is None:
        return 1
    out_root = targets[0].out_dir.parent
    with output_lock(out_root, "intercom-gen generate"):
        for done in recover(out_root):
            print(f"{out_root}: {done}")
        return _build_and_write(args, targets, diagnostics)


def _build_and_write(args: argparse.Namespace, targets: list[Target], diagnostics: Diagnostics) -> int:
    from ..build.pipeline import build_all, errors_in, write_results

    results = build_all(targets, use_cache=not args.force, workers=args.jobs)
    _collect(results, diagnostics)
    if errors_in(results) or diagnostics.has_errors(strict=args.strict):
        diagnostics.footer = "nothing was written"
        return 1
    try:  # the writer refuses, before writing anything, a target intercom-gen did not write
        write_results(results)
    except GeneratorError as exc:
        diagnostics.extend(exc.diagnostics)
        diagnostics.footer = "nothing was written"
        return 1
    except OSError as exc:
        where = exc.filename or next(iter(results)).target.out_dir
        reason = exc.strerror or type(exc).__name__
        diagnostics.error(str(where), "", f"cannot write the generated package: {reason}", code="write-failed")
        diagnostics.footer = "nothing was changed"
        return 1
    for result in results:
        state = "unchanged" if result.skipped else "written"
        print(f"{result.target.package}: {state} ({result.target.out_dir})")
    if args.spec is None:
        reports = refresh_reports(diagnostics)
        if reports is None:
            diagnostics.footer = "generated/reports was not written"
            return 1
        print(f"reports: {reports} ({REPORTS_DIR})")
    return 0


def _check_reports(args: argparse.Namespace, diagnostics: Diagnostics) -> bool:
    """True when generated/reports is up to date."""
    from ..build.writer import unified_diff

    stale = stale_reports(diagnostics)
    if stale is None:
        return False
    files, difference = stale
    if difference:
        print(f"reports: generated/reports is out of date ({difference_summary(difference)})")
        if args.diff:
            print(unified_diff(REPORTS_DIR, files, difference))
        print("  fix: intercom-gen generate")
    return not difference


def cmd_check(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    from ..build.runlock import output_lock
    from ..core.paths import GENERATED_DIR

    with output_lock(GENERATED_DIR, "intercom-gen check", shared=True):
        return _check(args, diagnostics, GENERATED_DIR)


def _check_leftovers(generated: Path) -> bool:
    """True when no interrupted run left anything in ``generated/``."""
    from ..build.transaction import leftovers

    found = leftovers(generated)
    for name in found:
        print(f"generated/{name}: left by an interrupted run")
    if found:
        print("  fix: intercom-gen generate (it finishes or undoes the interrupted run and removes these)")
    return not found


def _check(args: argparse.Namespace, diagnostics: Diagnostics, generated: Path) -> int:
    from ..build.pipeline import build_all, differences, errors_in
    from ..build.targets import client_targets
    from ..build.writer import compare_tree, unified_diff

    registry = load_registry()
    failed = not _check_leftovers(generated)
    for entry in registry.versions:
        problem = verify_pin(entry)
        if problem:
            diagnostics.error(entry.spec_label(), "", problem, code="pin-mismatch")
            failed = True
    results = build_all(client_targets(registry, strict=args.strict))
    _collect(results, diagnostics)
    if errors_in(results):
        return 1
    for result in results:
        if result.skipped:
            continue
        differs, summary = differences(result)
        if differs:
            failed = True
            print(f"{result.target.package}: generated/{result.target.package} is out of date ({summary})")
            if args.diff:
                difference = compare_tree(result.target.out_dir, result.files)
                print(unified_diff(result.target.out_dir, result.files, difference))
            print(f"  fix: {result.target.regenerate_command}")
    if not _check_reports(args, diagnostics):
        failed = True
    if not failed:
        print("generated/ is up to date and every spec matches its pin.")
    return 1 if failed else 0


def cmd_spec(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    from ..build.targets import registry_target
    from .specout import emit_specs

    registry = load_registry()
    entries = [registry.get(args.version)] if args.version else list(registry.clients())
    for entry in entries:
        problem = verify_pin(entry)
        if problem:
            diagnostics.error(entry.spec_label(), "", problem, code="pin-mismatch")
        if not entry.is_client:
            diagnostics.error(entry.spec_label(), "", f"{entry.name} is a baseline, not a client", code="not-a-client")
    if diagnostics.has_errors():
        return 1
    targets = [registry_target(entry, strict=args.strict) for entry in entries]
    emitted = emit_specs(targets, args.out, diagnostics)
    if not emitted or diagnostics.has_errors(strict=args.strict):
        print("intercom-gen: nothing was written (errors above).", file=sys.stderr)
        return 1
    for item in emitted:
        print(f"{item.package}: {item.path}")
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intercom-gen", description="Typed Intercom API clients from pinned OpenAPI specs."
    )
    parser.add_argument("--verbose", action="store_true", help="also print info diagnostics")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (for CI)")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="regenerate client packages")
    gen.add_argument("--version", help="only this registered version (e.g. 2.13)")
    gen.add_argument("--spec", type=Path, help="generate from this spec file instead of the registry")
    gen.add_argument("--name", help="package name, with --spec")
    gen.add_argument("--out", type=Path, help="output folder, with --spec (the package is written to OUT/NAME)")
    gen.add_argument("--force", action="store_true", help="regenerate even when inputs did not change")
    gen.add_argument(
        "--class-name",
        action="append",
        metavar="KEY=Name",
        help="with --spec: class name for a schema key (repeatable)",
    )
    gen.add_argument("--jobs", type=_positive, help="worker processes (default: one per core; 1 runs in-process)")
    gen.set_defaults(handler=cmd_generate)
    check = sub.add_parser(
        "check", help="verify generated/ (packages and reports) and the spec pins; exit 1 on any difference"
    )
    check.add_argument("--diff", action="store_true", help="print a unified diff of what differs")
    check.set_defaults(handler=cmd_check)
    spec = sub.add_parser(
        "spec",
        help="write the normalised spec each client is generated from (dangling refs repaired) as JSON",
    )
    spec.add_argument("--version", help="only this registered client version (e.g. 2.11)")
    spec.add_argument("--out", type=Path, required=True, help="folder to write <package>.json into")
    spec.set_defaults(handler=cmd_spec)
    for command in (gen, check, spec):
        # also accepted after the command name; SUPPRESS keeps the global flag when this one is absent
        command.add_argument(
            "--strict", action="store_true", default=argparse.SUPPRESS, help="treat warnings as errors"
        )
    register_diff(sub)  # the analysis commands import their machinery only when they run
    register_contract(sub)
    register_release(sub, cmd_generate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    diagnostics = Diagnostics()
    handler: Command = args.handler
    try:
        with handling_termination():
            status = handler(args, diagnostics)
    except Terminated:
        print("intercom-gen: terminated (SIGTERM); nothing half-written was left behind.", file=sys.stderr)
        return 143
    except GeneratorError as exc:
        diagnostics.extend(exc.diagnostics)
        status = 1
    except KeyboardInterrupt:
        print("intercom-gen: interrupted; nothing was written.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last resort: a bug must not print a traceback
        detail = str(exc).splitlines()[0] if str(exc) else ""
        diagnostics.error(
            "intercom-gen",
            "",
            f"internal error: {type(exc).__name__}: {detail}; {INTERNAL_ERROR_HINT}",
            code="internal-error",
        )
        status = 1
    if args.strict:
        diagnostics.promote_warnings()
    print_diagnostics(list(diagnostics), verbose=args.verbose)
    print_summary(diagnostics)
    return status


def print_summary(diagnostics: Diagnostics) -> None:
    """One closing line when anything went wrong: how many errors and warnings, and what it meant."""
    counts = diagnostics.counts()
    errors, warnings = counts[Level.ERROR], counts[Level.WARNING]
    if not errors:
        return
    parts = [f"{errors} error{'s' if errors != 1 else ''}"]
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    outcome = f"; {diagnostics.footer}" if diagnostics.footer else ""
    print(f"intercom-gen: {', '.join(parts)}{outcome}.", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
