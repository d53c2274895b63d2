"""How much of the changelog review ``intercom-gen changelog draft`` does: the draft of each
committed changelog, accepted as drafted, against its reviewed claims file.

    .venv/bin/python benchmarks/draft_quality.py [--json]

Prints precision and recall per assertion kind (units as in ``generator.contract.measure``) and
the share of statements where the draft and the reviewed claims agree.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.contract.claims import load_claims, load_index
from generator.contract.draft import draft_claims
from generator.contract.evaluate import evaluate_changelog
from generator.contract.measure import Comparison, add, as_dict, compare, evaluate_text, table, units
from generator.contract.versions import all_versions
from generator.core.diagnostics import Diagnostics


def measure() -> tuple[dict[str, Comparison], Comparison]:
    versions = all_versions()
    per: dict[str, Comparison] = {}
    for entry in load_index():
        reviewed = evaluate_changelog(entry, versions, Diagnostics())
        claims = load_claims(entry.claims, Diagnostics())
        text = entry.text.read_text(encoding="utf-8")
        drafted_text = draft_claims(entry.text.stem, text, versions[claims.base], versions[claims.target])
        drafted = evaluate_text(entry, drafted_text, versions)
        per[entry.version] = compare(units(drafted, versions), units(reviewed, versions))
    return per, add(list(per.values()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    per, total = measure()
    if args.json:
        document = {"total": as_dict(total), **{name: as_dict(c) for name, c in per.items()}}
        print(json.dumps(document, indent=2))
        return 0
    for name, comparison in per.items():
        print(f"## {name}\n")
        print("\n".join(table(comparison)) + "\n")
    print("## all three\n")
    print("\n".join(table(total)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
