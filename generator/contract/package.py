"""Confirming claims in the generated client packages.

For every version of a claim that has a package (``generated/<package>``), the named things are
looked up in the package itself by the assertion's own ``confirm`` (the method exists and takes
the parameter, the model has the field, the field is Optional where the spec says null, the model
parses the sample). A check
"agrees" when the package shows what the spec shows (present where the spec has it, absent where
it does not). Baseline versions have no package and are left to the spec check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .evaluate import ClaimResult
from .pkgview import PackageError, PackageView, import_package
from .specquery import Version

PackageStatus = Literal["confirmed", "mismatch", "not-applicable"]
__all__ = ["Confirmer", "PackageCheck", "PackageError", "PackageResult", "import_package"]


@dataclass(frozen=True)
class PackageCheck:
    version: str
    package: str
    agrees: bool
    found: str

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "package": self.package, "agrees": self.agrees, "found": self.found}


@dataclass(frozen=True)
class PackageResult:
    status: PackageStatus
    checks: tuple[PackageCheck, ...] = ()
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "note": self.note, "checks": [c.as_dict() for c in self.checks]}


class Confirmer:
    """Confirms claim results in the generated packages under ``root`` (one import per package)."""

    def __init__(self, versions: Mapping[str, Version], root: Path) -> None:
        self.versions = versions
        self.root = root
        self._packages: dict[str, PackageView | PackageError] = {}

    def package(self, version: Version) -> PackageView:
        if version.name not in self._packages:
            try:
                self._packages[version.name] = PackageView(version, self.root)
            except PackageError as exc:
                self._packages[version.name] = exc
        found = self._packages[version.name]
        if isinstance(found, PackageError):
            raise found
        return found

    def confirm(self, result: ClaimResult) -> PackageResult:
        checks: list[PackageCheck] = []
        for item in result.items:
            if not item.assertion.package_checked():
                continue
            for name, finding in item.findings.items():
                version = self.versions[name]
                if version.package is None:
                    continue
                confirmed = item.assertion.confirm(self.package(version), finding, result.payload)
                if confirmed is not None:
                    checks.append(PackageCheck(name, version.package, *confirmed))
        if not checks:
            structural = any(i.assertion.package_checked() for i in result.items)
            note = "only baseline versions (no package)" if structural else "nothing a package can show"
            return PackageResult("not-applicable", (), note)
        status: PackageStatus = "confirmed" if all(c.agrees for c in checks) else "mismatch"
        return PackageResult(status, tuple(checks))
