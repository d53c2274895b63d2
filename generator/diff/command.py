"""``intercom-gen diff OLD NEW [--format text|md|json]``: what changed between two versions."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.diagnostics import Diagnostics

FORMATS = ("text", "md", "json")  # the renderers of .report; imported when the command runs


def cmd_diff(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    """Print the judged changes; a version or file that cannot be loaded is an error (exit 1)."""
    from .loader import load_pair
    from .registry import diff_apis
    from .report import render

    # warnings about the specs concern generation, not the diff
    old, new = load_pair(args.old, args.new, corrected=args.with_overlays)
    sys.stdout.write(render(args.format, args.old, args.new, diff_apis(old, new)))
    return 0


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
    parser.set_defaults(handler=cmd_diff)
