"""intercom-clientgen side by side with openapi-python-client and datamodel-codegen.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/run.py [--runs 3] [--light-runs 7]

Everything runs on a scratch copy of the project in a temporary folder (nothing is written to
the checkout) with this interpreter. Times are medians over the runs; rounds interleave the tools
so that a busy machine slows them alike. Prints Markdown tables: timings with the ratio to the
peer or floor and PASS/MISS against the project's targets, then what each tool generated.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import measure, peers, report
from benchmarks.measure import Sample, Summary, summarize
from benchmarks.peers import SPECS

PROBE = str(Path(__file__).resolve().parent / "probe.py")


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    with contextlib.suppress(OSError, StopIteration):
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        )
    ram = "unknown"
    with contextlib.suppress(OSError, StopIteration):
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{kib / 1024 / 1024:.0f} GiB"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cores} cores, {ram} RAM, {platform.system()}, Python {platform.python_version()}"


def repeat(runs: int, function: Callable[[], Sample]) -> Summary:
    return summarize([function() for _ in range(runs)])


def regeneration(project: Path, out_root: Path, runs: int) -> dict[str, Summary]:
    """Full regenerations; one round runs every tool once, in turn."""
    tools: dict[str, Callable[[], Sample]] = {
        "cold": lambda: peers.ours_cold(project),
        "cold one process": lambda: peers.ours_cold(project, "--jobs", "1"),
        "warm format cache": lambda: peers.generator(project, "generate", "--force"),
        "check fresh clone": lambda: peers.ours_check_fresh_clone(project),
        "oapc": lambda: peers.oapc(project, out_root),
        "dmcg": lambda: peers.datamodel_codegen(project, out_root),
    }
    samples: dict[str, list[Sample]] = {name: [] for name in tools}
    for round_number in range(runs):
        for name, tool in tools.items():
            samples[name].append(tool())
            print(f"  round {round_number + 1}/{runs}: {name} {samples[name][-1].wall:.1f} s", file=sys.stderr)
    return {name: summarize(values) for name, values in samples.items()}


def yaml_floor(project: Path, folders: list[str], runs: int) -> float:
    """Reading and loading these specs with PyYAML's C loader: the floor of any work on them."""
    import yaml

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for folder in folders:
            yaml.load((project / "specs" / folder / "api.intercom.io.yaml").read_bytes(), Loader=yaml.CSafeLoader)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def checked_load(project: Path, folders: list[str], runs: int) -> float:
    """Loading the same specs the way the generator does (repeated keys, unquoted versions, shape checks)."""
    from generator.spec.load import load_mapping

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for folder in folders:
            load_mapping(project / "specs" / folder / "api.intercom.io.yaml")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def diff_available(project: Path) -> bool:
    return (project / "generator" / "diff").exists() or (project / "generator" / "diff.py").exists()


def incremental(project: Path, runs: int) -> dict[str, Summary]:
    """``generate`` and ``check`` when nothing changed, and ``diff 2.11 2.13`` when it exists."""
    peers.generator(project, "generate")  # records fingerprints: what follows has nothing to do
    light = {
        "noop": repeat(runs, lambda: peers.generator(project, "generate")),
        "check": repeat(runs, lambda: peers.generator(project, "check")),
    }
    if diff_available(project):
        light["diff"] = repeat(runs, lambda: peers.generator(project, "diff", "2.11", "2.13", ok=(0, 1)))
    return light


def probe(*args: str, cwd: Path) -> dict[str, float]:
    result: dict[str, float] = json.loads(measure.run_python([PROBE, *args], cwd=cwd))
    return result


def import_times(project: Path, out_root: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Per spec: (our package imported and Intercom(...) built, openapi-python-client's models imported)."""
    out = {}
    generated = project / "generated"
    for spec in SPECS:
        oapc_models = f"{peers.oapc_out(out_root, spec).name}.models"
        ours_args = ("import", str(generated), spec.package, "--construct")
        theirs_args = ("import", str(out_root), oapc_models)
        for args in (ours_args, theirs_args):  # the first import also writes bytecode caches
            probe(*args, cwd=project)
        ours = statistics.median(probe(*ours_args, cwd=project)["seconds"] for _ in range(runs))
        theirs = statistics.median(probe(*theirs_args, cwd=project)["seconds"] for _ in range(runs))
        out[spec.name] = (ours, theirs)
    return out


def completeness(project: Path, out_root: Path) -> list[tuple[str, str, int, dict[str, float]]]:
    import yaml

    rows = []
    for spec in SPECS:
        document = yaml.load(spec.path(project).read_bytes(), Loader=yaml.CSafeLoader)
        methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
        in_spec = sum(1 for item in document["paths"].values() for method in item if method in methods)
        rows.append(
            (
                "intercom-clientgen",
                spec.name,
                in_spec,
                probe("count", str(project / "generated"), "ours", spec.package, cwd=project),
            )
        )
        oapc_name = peers.oapc_out(out_root, spec).name
        rows.append(
            ("openapi-python-client", spec.name, in_spec, probe("count", str(out_root), "oapc", oapc_name, cwd=project))
        )
        dmcg_name = peers.datamodel_out(out_root, spec).stem
        rows.append(
            ("datamodel-codegen", spec.name, in_spec, probe("count", str(out_root), "dmcg", dmcg_name, cwd=project))
        )
    return rows


def every_operation(counts: list[tuple[str, str, int, dict[str, float]]]) -> bool:
    return all(c["importable"] == in_spec for tool, _, in_spec, c in counts if tool == "intercom-clientgen")


def timing_rows(
    regen: dict[str, Summary], light: dict[str, Summary], floors: dict[str, float], complete: bool
) -> list[list[str]]:
    rows = report.regeneration_rows(regen, complete)
    three = floors["three specs"]
    rows += [
        report.Row("Spec loading with the generator's checks, 3 specs", floors["checked"], three, "C-loader load", 1.2),
        report.Row("No-op `generate` (nothing changed)", light["noop"].wall, three, "C-loader load of 3 specs", 1.5),
        report.Row("`check` (nothing changed)", light["check"].wall, three, "C-loader load of 3 specs", 1.5),
        report.Row(
            "`check` on a fresh clone (no cache, as in CI)",
            regen["check fresh clone"].wall,
            three,
            "C-loader load of 3 specs",
        ),
    ]
    cells = [row.cells() for row in rows]
    diff = light.get("diff")
    if diff is None:
        cells.append(report.not_available("`diff 2.11 2.13`", "n/a (diff not available)"))
    else:
        cells.append(
            report.Row("`diff 2.11 2.13`", diff.wall, floors["two specs"], "C-loader load of 2 specs", 2.0).cells()
        )
    return cells


def usage_rows(imports: dict[str, tuple[float, float]], call: dict[str, float], parts: int) -> list[list[str]]:
    rows = [
        report.Row(f"Cold import + `Intercom(...)`, {name}", ours, theirs, "openapi-python-client models import", 0.5)
        for name, (ours, theirs) in imports.items()
    ]
    kib = call["payload_bytes"] / 1024
    rows.append(
        report.Row(
            f"Per call: `retrieve_conversation`, {parts} parts ({kib:.0f} KiB), warm",
            call["ours"],
            call["bare"],
            "bare httpx + json.loads",
            1.5,
            unit="ms",
        )
    )
    return [row.cells() for row in rows]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="rounds of the full regenerations (default 3)")
    parser.add_argument("--light-runs", type=int, default=7, help="runs of everything else (default 7)")
    parser.add_argument("--parts", type=int, default=500, help="conversation parts in the payload (default 500)")
    parser.add_argument("--calls", type=int, default=20, help="calls per timed batch (default 20)")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    missing = [m for m in ("openapi_python_client", "datamodel_code_generator") if importlib.util.find_spec(m) is None]
    if missing:
        print(f"missing {', '.join(missing)}: install the bench extra: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    print(f"Machine: {machine()}", flush=True)
    load_at_start, cores_at_start = os.getloadavg()[0], measure.free_cores()
    with tempfile.TemporaryDirectory(prefix="intercom-bench-") as tmp:
        project = measure.scratch_project(Path(tmp))
        out_root = Path(tmp) / "peers"
        out_root.mkdir()
        print("full regenerations ...", file=sys.stderr)
        regen = regeneration(project, out_root, args.runs)
        print("no-op, check, diff, imports, calls, completeness ...", file=sys.stderr)
        light = incremental(project, args.light_runs)
        floors = {
            "three specs": yaml_floor(project, [s.folder for s in SPECS], args.light_runs),
            "two specs": yaml_floor(project, ["2.11", "2.13"], args.light_runs),
            "checked": checked_load(project, [s.folder for s in SPECS], args.light_runs),
        }
        imports = import_times(project, out_root, args.light_runs)
        call = probe(
            "call",
            str(project / "generated"),
            "v2_13",
            str(SPECS[1].path(project)),
            str(args.parts),
            str(args.calls),
            str(args.light_runs),
            cwd=project,
        )
        counts = completeness(project, out_root)
    print(f"Medians of {args.runs} rounds (regenerations) and {args.light_runs} runs (the rest).")
    print(f"Load average (1 min) at start {load_at_start:.1f}, at end {os.getloadavg()[0]:.1f}.")
    cores_at_end = measure.free_cores()
    print(f"Free cores (two CPU-bound processes vs one) at start {cores_at_start:.2f}, at end {cores_at_end:.2f}.\n")
    rows = timing_rows(regen, light, floors, every_operation(counts)) + usage_rows(imports, call, args.parts)
    print(report.table(["Measurement", "intercom-clientgen", "Compared with", "Ratio", "Target", "Result"], rows))
    print()
    print(report.completeness_table(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
