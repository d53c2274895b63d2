"""``intercom-gen``: generate, check, diff and contract commands.

Diagnostics are collected while a command runs and printed once at the end; the exit status is
0 on success, 1 when a check finds differences or a spec has errors, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .diagnostics import Diagnostic, Diagnostics, GeneratorError, Level
from .pipeline import Built, build_all, differences, errors_in, write_results
from .registry import load_registry, verify_pin
from .targets import client_targets, file_target
from .writer import compare_tree, unified_diff

_PACKAGE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
Command = Callable[[argparse.Namespace, Diagnostics], int]


def print_diagnostics(diagnostics: Sequence[Diagnostic], *, verbose: bool = False) -> None:
    shown = [d for d in diagnostics if verbose or d.level >= Level.WARNING]
    for diagnostic in sorted(shown, key=lambda d: (-d.level, d.source, d.pointer)):
        print(diagnostic.render(), file=sys.stderr)
    hidden = len(diagnostics) - len(shown)
    if hidden:
        print(f"({hidden} info diagnostics hidden; use --verbose to see them)", file=sys.stderr)


def _collect(results: list[Built], diagnostics: Diagnostics) -> None:
    for result in results:
        diagnostics.extend(result.diagnostics)


def cmd_generate(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    if args.spec is not None:
        if not args.name or args.out is None:
            raise SystemExit("intercom-gen generate: --spec needs --name and --out")
        if not _PACKAGE_NAME.match(args.name):
            raise SystemExit(f"intercom-gen generate: --name {args.name!r} is not a Python package name")
        targets = [file_target(args.spec, args.name, args.out, strict=args.strict)]
    else:
        registry = load_registry()
        targets = client_targets(registry, args.version, strict=args.strict)
        for entry in (registry.get(args.version),) if args.version else registry.versions:
            problem = verify_pin(entry)
            if problem:
                diagnostics.error(entry.spec_label(), "", problem, code="pin-mismatch")
        if diagnostics.has_errors():
            return 1
    results = build_all(targets, use_cache=not args.force, workers=args.jobs)
    _collect(results, diagnostics)
    if errors_in(results) or diagnostics.has_errors(strict=args.strict):
        print("intercom-gen: nothing was written (errors above).", file=sys.stderr)
        return 1
    write_results(results)
    for result in results:
        state = "unchanged" if result.skipped else "written"
        print(f"{result.target.package}: {state} ({result.target.out_dir})")
    return 0


def cmd_check(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    registry = load_registry()
    failed = False
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
    if not failed:
        print("generated/ is up to date and every spec matches its pin.")
    return 1 if failed else 0


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
    gen.add_argument("--jobs", type=_positive, help="worker processes (default: one per core; 1 runs in-process)")
    gen.set_defaults(handler=cmd_generate)
    check = sub.add_parser("check", help="verify generated/ and the spec pins; exit 1 on any difference")
    check.add_argument("--diff", action="store_true", help="print a unified diff of what differs")
    check.set_defaults(handler=cmd_check)
    from .commands import register_extra_commands

    register_extra_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    diagnostics = Diagnostics()
    handler: Command = args.handler
    try:
        status = handler(args, diagnostics)
    except GeneratorError as exc:
        diagnostics.extend(exc.diagnostics)
        status = 1
    except KeyboardInterrupt:
        print("intercom-gen: interrupted; nothing was written.", file=sys.stderr)
        status = 130
    print_diagnostics(list(diagnostics), verbose=args.verbose)
    return status


if __name__ == "__main__":
    sys.exit(main())
