"""``intercom-gen diff OLD NEW``: what changed between two versions, and the gate of a version review.

``--fail-on SEVERITY`` exits 1 while a change at or above it is not accepted; ``--accept FILE``
names the reviewed changes (see ``gate.py``). Formats: text, md, json, junit, github.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostics

FORMATS = ("text", "md", "json", "junit", "github")  # the renderers of .formats; imported when the command runs
SEVERITIES = ("breaking", "non-breaking", "info")


def cmd_diff(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    """Print the judged changes; exit 1 when the gate fails, or a version or file cannot be loaded."""
    from .change import Severity
    from .formats import render
    from .gate import load_accept_file, report_unmatched, review
    from .loader import load_pair
    from .registry import diff_apis
    from .report import gate_line

    accept = load_accept_file(args.accept) if args.accept is not None else None
    # warnings about the specs concern generation, not the diff
    old, new = load_pair(args.old, args.new, corrected=args.with_overlays)
    changes = diff_apis(old, new)
    fail_on = Severity(args.fail_on) if args.fail_on is not None else None
    gated = review(changes, fail_on, accept) if fail_on is not None or accept is not None else None
    sys.stdout.write(render(args.format, args.old, args.new, changes, gated))
    if gated is None:
        return 0
    if accept is not None:
        report_unmatched(gated, accept.source, diagnostics)
    if args.format not in ("text", "github"):  # those print the verdict themselves
        print(f"intercom-gen diff: {gate_line(gated)}", file=sys.stderr)
    stale = bool(gated.unmatched) and args.strict
    return 1 if gated.failing or stale else 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "diff",
        help="list what changed between two API versions and whether it breaks client code",
        description=(
            "Compare two API versions, each a registered version (2.11, 2.13, unstable...) or a spec "
            "file, and judge every change as breaking, non-breaking or info for code calling the "
            "generated Python client."
        ),
    )
    parser.add_argument("old", metavar="OLD", help="the older version name or spec file")
    parser.add_argument("new", metavar="NEW", help="the newer version name or spec file")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--with-overlays",
        action="store_true",
        help="compare registered versions with their corrections applied (default: as Intercom published them)",
    )
    parser.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="exit 1 while a change at or above this severity (breaking > non-breaking > info) is not accepted",
    )
    parser.add_argument(
        "--accept",
        type=Path,
        metavar="FILE",
        help="YAML file `accepted: [{key: ..., reason: ...}]` of reviewed changes; they no longer fail the gate",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        default=argparse.SUPPRESS,
        help="an accepted key that matches no change is an error, not a warning",
    )
    parser.set_defaults(handler=cmd_diff)
    from .impact.command import register as register_impact

    register_impact(sub)
