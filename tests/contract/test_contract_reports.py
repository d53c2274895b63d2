"""generated/reports: written through the writer by generate, compared by check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from contract_support import real_run

from generator.build import pipeline
from generator.cli import app as cli, reports
from generator.contract.report import render_markdown
from generator.core.diagnostics import Diagnostics


def _fake(diagnostics: Diagnostics) -> dict[str, str]:
    return {"a.md": "# A\n", "data/b.md": "{}\n"}


def _broken(diagnostics: Diagnostics) -> dict[str, str]:
    diagnostics.error("x.claims.yaml", "/claims/0", "bad claim")
    return {"a.md": "# A\n"}


def test_refresh_writes_then_reports_unchanged(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    assert reports.refresh_reports(Diagnostics(), root, [_fake]) == "written"
    assert (root / "a.md").read_text() == reports.BANNER + "# A\n"
    assert (root / "data" / "b.md").read_text() == reports.BANNER + "{}\n"
    assert reports.refresh_reports(Diagnostics(), root, [_fake]) == "unchanged"
    (root / "stale.md").write_text(reports.BANNER + "old")  # a report an earlier run wrote
    assert reports.refresh_reports(Diagnostics(), root, [_fake]) == "written"
    assert not (root / "stale.md").exists()


def test_nothing_is_written_when_a_report_has_errors(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    assert reports.refresh_reports(Diagnostics(), root, [_broken]) is None
    assert not root.exists()


def test_stale_reports_are_found(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    reports.refresh_reports(Diagnostics(), root, [_fake])
    stale = reports.stale_reports(Diagnostics(), root, [_fake])
    assert stale is not None and not stale[1]
    (root / "a.md").write_text(reports.BANNER + "edited by hand")
    stale = reports.stale_reports(Diagnostics(), root, [_fake])
    assert stale is not None and stale[1].changed == ("a.md",)
    assert reports.difference_summary(stale[1]) == "1 changed"


def test_the_committed_contract_report_is_fresh() -> None:
    report, _ = real_run()
    committed = (reports.REPORTS_DIR / "contract.md").read_text(encoding="utf-8")
    assert committed == reports.BANNER + render_markdown(report)


def test_check_fails_on_a_stale_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "reports"
    shutil.copytree(reports.REPORTS_DIR, copy)
    monkeypatch.setattr(cli, "REPORTS_DIR", copy)
    monkeypatch.setattr(cli, "stale_reports", lambda d: reports.stale_reports(d, copy))
    monkeypatch.setattr(pipeline, "build_all", lambda targets, **_: [])  # the packages have their own golden test
    assert cli.main(["check"]) == 0
    (copy / "contract.md").write_text("stale", encoding="utf-8")
    assert cli.main(["check", "--diff"]) == 1
    out = capsys.readouterr().out
    assert "reports: generated/reports is out of date (1 changed)" in out
    assert "-stale" in out and "fix: intercom-gen generate" in out
