"""The caches that keep no-op runs fast never hide a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import pipeline
from generator.cli import reports
from generator.core.diagnostics import Diagnostics
from generator.core.paths import GENERATOR_DIR


def test_report_cache_skips_rebuilding_only_while_inputs_and_reports_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def builder(diagnostics: Diagnostics) -> dict[str, str]:
        calls.append(1)
        return {"a.md": "report\n"}

    root = tmp_path / "reports"
    builders = (builder,)
    fingerprint = ["inputs-1"]
    monkeypatch.setattr(reports, "REPORTS_DIR", root)
    monkeypatch.setattr(reports, "BUILDERS", builders)
    monkeypatch.setattr(reports, "inputs_fingerprint", lambda: fingerprint[0])

    assert reports.refresh_reports(Diagnostics(), root, builders) == "written"
    assert reports.refresh_reports(Diagnostics(), root, builders) == "unchanged"
    assert len(calls) == 1, "unchanged inputs: not rebuilt"

    (root / "a.md").write_text(reports.BANNER + "edited by hand")
    stale = reports.stale_reports(Diagnostics(), root, builders)
    assert stale is not None and stale[1].changed == ("a.md",), "a hand edit is still found"

    assert reports.refresh_reports(Diagnostics(), root, builders) == "written"
    fingerprint[0] = "inputs-2"
    reports.refresh_reports(Diagnostics(), root, builders)
    assert len(calls) == 4, "changed inputs: rebuilt"


def test_package_fingerprint_ignores_code_that_cannot_change_a_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = pipeline._tool_fingerprint()
    contract = GENERATOR_DIR / "contract" / "command.py"
    monkeypatch.setattr(Path, "read_bytes", _edited(contract, Path.read_bytes))
    assert pipeline._tool_fingerprint() == before
    naming = GENERATOR_DIR / "core" / "naming.py"
    monkeypatch.setattr(Path, "read_bytes", _edited(naming, Path.read_bytes))
    assert pipeline._tool_fingerprint() != before


def _edited(target: Path, original):  # type: ignore[no-untyped-def]
    def read_bytes(self: Path) -> bytes:
        data: bytes = original(self)
        return data + b"# edited" if self.resolve() == target.resolve() else data

    return read_bytes


def test_a_fresh_clone_checks_by_the_build_record_without_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``check`` does in CI: no cache, the committed record; a hand edit still forces a rebuild."""
    from generator.build import record
    from generator.build.targets import client_targets
    from generator.core.paths import GENERATED_DIR
    from generator.spec.registry import load_registry

    targets = client_targets(load_registry())

    def no_render(target: object) -> None:
        raise AssertionError("rendered although the record says the package is up to date")

    monkeypatch.setattr(pipeline, "render_target", no_render)
    assert all(r.skipped for r in pipeline.build_all(targets, workers=1))  # the committed record holds
    package = targets[0].out_dir.name
    edited = dict(record.read_tree(GENERATED_DIR / package))
    edited["__init__.py"] += b"# edited by hand"
    monkeypatch.setattr(record, "read_tree", lambda root: edited if root.name == package else {})
    fingerprint = pipeline.fingerprint(targets[0], pipeline._tool_fingerprint())
    assert not record.is_fresh(GENERATED_DIR, package, fingerprint)
