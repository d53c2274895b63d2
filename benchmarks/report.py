"""Turning measurements into the Markdown tables ``run.py`` prints (and the README shows)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from benchmarks.measure import Summary


@dataclass(frozen=True)
class Row:
    what: str
    ours: float
    other: float | None  # the peer's time or the floor; None: nothing to compare
    other_label: str
    target: float | None = None  # ours / other must be at most this; None: for information
    unit: str = "s"
    complete: bool = True  # a speed target counts only when every operation was generated

    @property
    def ratio(self) -> float | None:
        return None if not self.other else self.ours / self.other

    def result(self) -> str:
        if self.target is None or self.ratio is None:
            return "info"
        if not self.complete:
            return "MISS (incomplete)"
        return "PASS" if self.ratio <= self.target else "MISS"

    def cells(self) -> list[str]:
        other = "n/a" if self.other is None else f"{show(self.other, self.unit)} ({self.other_label})"
        ratio = "n/a" if self.ratio is None else f"{self.ratio:.2f}x"
        target = "" if self.target is None else f"<= {self.target:g}x"
        return [self.what, show(self.ours, self.unit), other, ratio, target, self.result()]


def show(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.2f}"
    if unit == "ms":
        return f"{value * 1000:.2f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def timing_table(rows: Sequence[Row]) -> str:
    header = ["Measurement", "intercom-clientgen", "Compared with", "Ratio", "Target", "Result"]
    return table(header, [row.cells() for row in rows])


def not_available(what: str, reason: str) -> list[str]:
    return [what, reason, "", "", "", "n/a"]


def regeneration_rows(regen: Mapping[str, Summary], complete: bool) -> list[Row]:
    cold, oapc, dmcg = regen["cold"], regen["oapc"], regen["dmcg"]
    return [
        Row(
            "Full regeneration, 3 clients, cold (wall)",
            cold.wall,
            oapc.wall,
            "openapi-python-client",
            1.0,
            complete=complete,
        ),
        Row("Full regeneration, 3 clients, cold (wall)", cold.wall, dmcg.wall, "datamodel-codegen, models only"),
        Row("Full regeneration, CPU seconds (user+sys, all processes)", cold.cpu, oapc.cpu, "openapi-python-client"),
        Row("Cores kept busy by the cold regeneration (CPU s / wall s)", cold.cpu / cold.wall, None, "", unit="x"),
        Row(
            "Full regeneration, cold, all cores vs `--jobs 1`",
            cold.wall,
            regen["cold one process"].wall,
            "the same on one process",
        ),
        Row(
            "Regeneration with --force, format cache warm",
            regen["warm format cache"].wall,
            oapc.wall,
            "openapi-python-client",
        ),
        Row(
            "Peak memory of full regeneration (max RSS of one process)",
            cold.max_rss_mb,
            oapc.max_rss_mb,
            "openapi-python-client",
            unit="MB",
        ),
        Row(
            "Peak memory of full regeneration (max RSS of one process)",
            cold.max_rss_mb,
            dmcg.max_rss_mb,
            "datamodel-codegen",
            unit="MB",
        ),
    ]


def completeness_table(rows: Sequence[tuple[str, str, int, Mapping[str, float]]]) -> str:
    header = [
        "Tool",
        "Spec",
        "Operations in spec",
        "Operations generated",
        "importable",
        "Schema classes",
        "importable",
        "Numbered names",
        "Source (KiB)",
    ]
    body = []
    for tool, spec, in_spec, counts in rows:
        operations = "models only" if tool == "datamodel-codegen" else str(int(counts["operations"]))
        importable = "" if tool == "datamodel-codegen" else str(int(counts["importable"]))
        body.append(
            [
                tool,
                spec,
                str(in_spec),
                operations,
                importable,
                str(int(counts["schemas"])),
                str(int(counts["schemas_importable"])),
                str(int(counts["numbered"])),
                str(int(counts.get("source_kib", 0))),
            ]
        )
    return table(header, body)
