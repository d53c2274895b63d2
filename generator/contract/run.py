"""Running every changelog contract: verdicts, package confirmation, unexplained diff entries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.diagnostics import Diagnostics
from .claims import INDEX_FILE, load_index
from .evaluate import ChangelogResult, evaluate_changelog
from .package import Confirmer, PackageError, PackageResult
from .specquery import Version
from .unexplained import DiffChange, DiffFunction, unexplained
from .versions import all_versions


@dataclass(frozen=True)
class ChangelogReport:
    result: ChangelogResult
    packages: tuple[PackageResult, ...]  # one per claim, in order
    unexplained: tuple[DiffChange, ...] | None  # None when the version diff is not available

    @property
    def counts(self) -> Counter[str]:
        return Counter(c.verdict for c in self.result.claims)


@dataclass(frozen=True)
class ContractReport:
    changelogs: tuple[ChangelogReport, ...]

    @property
    def diff_available(self) -> bool:
        return all(c.unexplained is not None for c in self.changelogs)

    def problems(self) -> list[str]:
        """Everything that makes the contracts fail: unexpected verdicts, gaps, package mismatches."""
        out = []
        for report in self.changelogs:
            name = report.result.name
            drafted = report.result.claims_file.unreviewed
            if drafted:
                claims_file = report.result.claims_file
                total = len(claims_file.claims) + len(claims_file.not_claims)
                out.append(
                    f"{name}: {claims_file.source} is unreviewed: {len(drafted)} of {total} entries still carry "
                    f"the draft's `drafted:` mark (first at {drafted[0].pointer}); review each against the specs "
                    "and delete its mark"
                )
            for claim, package in zip(report.result.claims, report.packages, strict=True):
                if not claim.as_expected:
                    out.append(f"{name} {claim.claim.id}: verdict {claim.verdict}, expected {claim.claim.expected}")
                if package.status == "mismatch":
                    out.append(f"{name} {claim.claim.id}: the generated package disagrees with the spec")
            for statement in report.result.uncovered:
                out.append(f"{name} statement {statement.statement.index} is neither a claim nor listed as not one")
        return out


def _confirm_all(result: ChangelogResult, confirmer: Confirmer, diagnostics: Diagnostics) -> tuple[PackageResult, ...]:
    out = []
    for claim in result.claims:
        try:
            out.append(confirmer.confirm(claim))
        except PackageError as exc:
            diagnostics.error(result.claims_file.source, claim.claim.pointer, str(exc), code="package-missing")
            out.append(PackageResult("mismatch", (), str(exc)))
    return tuple(out)


def run_contracts(
    diagnostics: Diagnostics,
    *,
    generated: Path,
    index: Path = INDEX_FILE,
    versions: Mapping[str, Version] | None = None,
    diff: DiffFunction | None = None,
    use_diff: bool = True,
    corrected: bool = False,
) -> ContractReport:
    """Hold every changelog against the specs as published (or, ``corrected``, with their overlays)."""
    versions = versions if versions is not None else all_versions(corrected=corrected)
    if diff is None and use_diff:
        from ..diff import diff_apis

        diff = diff_apis
    confirmer = Confirmer(versions, generated)
    reports = []
    for entry in load_index(index):
        result = evaluate_changelog(entry, versions, diagnostics)
        drafted = result.claims_file.unreviewed
        if drafted:
            diagnostics.error(
                result.claims_file.source,
                drafted[0].pointer,
                f"{len(drafted)} entries are still as drafted (`drafted:` marks): the claims were never reviewed",
                code="claims-unreviewed",
            )
        packages = _confirm_all(result, confirmer, diagnostics)
        base = _by_name(versions, result.claims_file.base)
        target = _by_name(versions, result.claims_file.target)
        changes: tuple[DiffChange, ...] | None = None
        if diff is not None and base is not None and target is not None:
            changes = tuple(unexplained(diff(base.api, target.api), result, base, target))
        reports.append(ChangelogReport(result, packages, changes))
    return ContractReport(tuple(reports))


def _by_name(versions: Mapping[str, Version], name: str) -> Version | None:
    return next((v for key, v in versions.items() if key.lower() == name.lower()), None)
