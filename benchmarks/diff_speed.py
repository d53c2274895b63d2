"""How long ``intercom-gen diff OLD NEW`` takes next to merely parsing its two specs.

The peer is PyYAML's C loader reading both spec files: any diff has to parse them, so the ratio
says how much the diff adds on top. Both sides run as fresh processes (interpreter start
included); the best of several runs is kept, as wall-clock time and as CPU time (the CPU figure
is steadier on a busy machine).

    .venv/bin/python benchmarks/diff_speed.py [OLD NEW] [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.spec.registry import load_registry  # noqa: E402

_PARSE = "import sys, yaml\nfor p in sys.argv[1:]:\n    yaml.load(open(p, 'rb'), Loader=yaml.CSafeLoader)\n"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _best(command: list[str], runs: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = _cpu(), time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)  # noqa: S603 - our own interpreter
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("versions", nargs="*", default=["2.11", "2.13"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    old, new = args.versions if len(args.versions) == 2 else ("2.11", "2.13")
    registry = load_registry()
    specs = [str(registry.get(name).spec) for name in (old, new)]
    parse = _best([sys.executable, "-c", _PARSE, *specs], args.runs)
    diff = _best([sys.executable, "-m", "generator", "diff", old, new, "--format", "json"], args.runs)
    print(f"{'':32} {'wall':>7} {'cpu':>7}")
    print(f"{'parse both specs (CSafeLoader)':32} {parse[0]:6.2f}s {parse[1]:6.2f}s")
    print(f"{f'intercom-gen diff {old} {new}':32} {diff[0]:6.2f}s {diff[1]:6.2f}s")
    print(f"{'ratio diff / parse':32} {diff[0] / parse[0]:6.2f}x {diff[1] / parse[1]:6.2f}x")


if __name__ == "__main__":
    main()
