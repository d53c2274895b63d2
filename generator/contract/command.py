"""The ``contract`` and ``changelog draft`` commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics
from ..spec.load import read_text

FORMATS = ("text", "md", "json")
# the commands import their machinery when they run, so the CLI starts quickly for other commands


def cmd_contract(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    from ..core.paths import GENERATED_DIR
    from .report import RENDERERS
    from .run import run_contracts

    report = run_contracts(diagnostics, generated=GENERATED_DIR, corrected=args.with_overlays)
    sys.stdout.write(RENDERERS[args.format](report))
    return 1 if report.problems() or diagnostics.has_errors() else 0


def cmd_changelog_draft(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    from .draft import draft_claims
    from .versions import load_version

    path: Path = args.file
    text = read_text(path, label=str(path))
    base, target = load_version(args.base), load_version(args.target)
    sys.stdout.write(draft_claims(path.stem, text, base, target))
    return 0


def register(sub: Any) -> None:
    contract = sub.add_parser(
        "contract", help="hold every changelog statement against the specs and the generated clients"
    )
    contract.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    contract.add_argument(
        "--with-overlays",
        action="store_true",
        help="judge the specs with their registered corrections applied (default: as Intercom published them)",
    )
    contract.set_defaults(handler=cmd_contract)
    changelog = sub.add_parser("changelog", help="work with changelog texts")
    actions = changelog.add_subparsers(dest="action", required=True)
    draft = actions.add_parser("draft", help="propose claims (YAML on stdout) from a changelog text")
    draft.add_argument("file", type=Path, help="the changelog as text")
    draft.add_argument("--base", required=True, help="the version the changelog is measured against")
    draft.add_argument("--target", required=True, help="the version the changelog describes")
    draft.set_defaults(handler=cmd_changelog_draft)
