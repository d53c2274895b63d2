"""``release add`` and ``release update`` on a copy of the project: a new Intercom release in one
command, all or nothing.

The new release is the next number after the newest registered one (so the test holds after real
releases are added), made of the 2.13 spec with one more endpoint and a changelog that names it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli.release import newest_stable, package_name
from generator.spec.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
PREDECESSOR = newest_stable(load_registry())


def _next(version: str) -> str:
    major, minor = version.split(".")[:2]
    return f"{major}.{int(minor) + 1}"


NEW = _next(PREDECESSOR)
PACKAGE = package_name(NEW)
AFTER = _next(NEW)  # a version still not registered
PARTS = ("generator", "templates", "specs", "generated")
CALLS = """  "/release_test_widgets":
    get:
      summary: List all widgets
      tags:
      - Admins
      operationId: listReleaseTestWidgets
      description: You can fetch a list of widgets.
      responses:
        '200':
          description: Successful response
          content:
            application/json:
              schema:
                "$ref": "#/components/schemas/admin_list"
"""
CHANGELOG = "## New endpoints\n\n- `GET /release_test_widgets` lists the widgets of a workspace.\n"


def _spec_with(tmp: Path, name: str, *paths: str) -> Path:
    text = (ROOT / "specs" / "2.13" / "api.intercom.io.yaml").read_text(encoding="utf-8")
    spec = tmp / name
    spec.write_text(text.replace("paths:\n", "paths:\n" + "".join(paths), 1), encoding="utf-8")
    return spec


def _copy(tmp: Path) -> Path:
    project = tmp / "project"
    for part in PARTS:
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
    return project


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project), "CI": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )


def _snapshot(project: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(project)): p.read_bytes()
        for part in ("specs", "generated")
        for p in sorted((project / part).rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str], Path]:
    tmp = tmp_path_factory.mktemp("release")
    project = _copy(tmp)
    spec = _spec_with(tmp, "api.intercom.io.yaml", CALLS)
    (tmp / "changelog.txt").write_text(CHANGELOG, encoding="utf-8")
    result = run(
        project, "release", "add", NEW, "--spec", str(spec), "--changelog", str(tmp / "changelog.txt"),
        "--upstream-commit", "a" * 40, "--upstream-path", f"descriptions/{NEW}/api.intercom.io.yaml",
    )  # fmt: skip
    return project, result, spec


def test_release_add_registers_pins_and_generates(
    released: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    project, result, spec = released
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{NEW} registered after {PREDECESSOR}" in result.stdout and "Traceback" not in result.stderr
    registry = yaml.safe_load((project / "specs" / "versions.yaml").read_text(encoding="utf-8"))
    names = [v["name"] for v in registry["versions"]]
    assert names.index(NEW) == names.index(PREDECESSOR) + 1  # where the predecessor chain puts it
    entry = registry["versions"][names.index(NEW)]
    assert entry["upstream"] == {
        "commit": "a" * 40,
        "path": f"descriptions/{NEW}/api.intercom.io.yaml",
        "sha256": hashlib.sha256(spec.read_bytes()).hexdigest(),
    }
    assert (entry["package"], entry["predecessor"], entry["role"]) == (PACKAGE, PREDECESSOR, "client")
    assert next(v for v in registry["versions"] if v["name"] == "Unstable")["predecessor"] == NEW
    assert (project / "specs" / NEW / "api.intercom.io.yaml").read_bytes() == spec.read_bytes()
    package = (project / "generated" / PACKAGE / "resources" / "admins.py").read_text(encoding="utf-8")
    assert "def list_release_test_widgets(" in package


def test_release_add_writes_the_reports_and_drafts_the_changelog(
    released: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    project, _, _ = released
    reports = project / "generated" / "reports"
    assert "GET /release_test_widgets" in (reports / f"diff-{PREDECESSOR}-{NEW}.md").read_text(encoding="utf-8")
    assert (reports / f"diff-{NEW}-unstable.md").is_file()
    assert not (reports / f"diff-{PREDECESSOR}-unstable.md").exists()
    changelogs = project / "specs" / "changelogs"
    assert (changelogs / f"{NEW}.txt").read_text(encoding="utf-8") == CHANGELOG
    claims = (changelogs / f"{NEW}.claims.yaml").read_text(encoding="utf-8")
    assert "drafted" in claims and "GET /release_test_widgets" in claims
    index = yaml.safe_load((changelogs / "index.yaml").read_text(encoding="utf-8"))
    assert any(str(e.get("version")) == NEW for e in index["changelogs"])


def test_after_release_add_check_is_green_and_contract_asks_for_the_review(
    released: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    project, _, _ = released
    check = run(project, "check")
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]
    contract = run(project, "contract")
    assert contract.returncode == 1  # drafted claims are not reviewed claims
    assert NEW in contract.stdout + contract.stderr and "unreviewed" in (contract.stdout + contract.stderr).lower()


def test_release_update_repins_shows_the_change_and_regenerates(
    released: tuple[Path, subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    project, _, _ = released
    revised = _spec_with(
        tmp_path,
        "revised.yaml",
        CALLS,
        CALLS.replace('"/release_test_widgets"', '"/release_test_widgets/{id}"')
        .replace("listReleaseTestWidgets", "showReleaseTestWidget")
        .replace("List all widgets", "Show a widget"),
    )
    result = run(project, "release", "update", NEW, "--spec", str(revised))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "GET /release_test_widgets/{id}" in result.stdout
    registry = yaml.safe_load((project / "specs" / "versions.yaml").read_text(encoding="utf-8"))
    entry = next(v for v in registry["versions"] if v["name"] == NEW)
    assert entry["upstream"]["sha256"] == hashlib.sha256(revised.read_bytes()).hexdigest()
    assert "def show_release_test_widget(" in (project / "generated" / PACKAGE / "resources" / "admins.py").read_text()
    assert run(project, "check").returncode == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("2.13",), "2.13 is registered already; use `release update`"),
        ((AFTER, "--predecessor", "9.9"), "9.9"),
        ((AFTER, "--package", "v2_13"), "package 'v2_13' is taken"),
    ],
)
def test_a_refused_release_leaves_the_repository_as_it_was(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    project = _copy(tmp_path)
    spec = _spec_with(tmp_path, "api.intercom.io.yaml", CALLS)
    before = _snapshot(project)
    result = run(project, "release", "add", *args, "--spec", str(spec))
    assert result.returncode == 1 and expected in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(project) == before


def test_a_broken_spec_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    spec = tmp_path / "api.intercom.io.yaml"
    spec.write_text("openapi: 3.0.1\npaths: [\n", encoding="utf-8")
    before = _snapshot(project)
    result = run(project, "release", "add", AFTER, "--spec", str(spec))
    assert result.returncode == 1 and str(spec) in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(project) == before
