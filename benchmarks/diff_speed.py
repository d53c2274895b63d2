"""How long ``intercom-gen diff OLD NEW`` takes next to merely parsing its two specs.

The peer is PyYAML's C loader reading both spec files: any diff has to parse them, so the ratio
says how much the diff adds on top. Both sides are timed as fresh processes (interpreter start
included) and the best of several runs is kept.

    .venv/bin/python benchmarks/diff_speed.py [OLD NEW] [--runs N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.registry import load_registry  # noqa: E402

_PARSE = "import sys, yaml\nfor p in sys.argv[1:]:\n    yaml.load(open(p, 'rb'), Loader=yaml.CSafeLoader)\n"


def _best(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)  # noqa: S603 - our own interpreter
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("versions", nargs="*", default=["2.11", "2.13"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    old, new = args.versions if len(args.versions) == 2 else ("2.11", "2.13")
    registry = load_registry()
    specs = [str(registry.get(name).spec) for name in (old, new)]
    parse = _best([sys.executable, "-c", _PARSE, *specs], args.runs)
    diff = _best([sys.executable, "-m", "generator", "diff", old, new, "--format", "json"], args.runs)
    print(f"parse both specs (PyYAML CSafeLoader): {parse:.2f}s")
    print(f"intercom-gen diff {old} {new}:        {diff:.2f}s")
    print(f"ratio diff / parse:                    {diff / parse:.2f}x")


if __name__ == "__main__":
    main()
