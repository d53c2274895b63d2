"""``release add`` and ``release update`` on a copy of the project: a new Intercom release in one
command, all or nothing.

The new release here is 2.13 with one more endpoint, ``GET /calls``, and a changelog that names it.
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

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("generator", "templates", "specs", "generated")
CALLS = """  "/calls":
    get:
      summary: List all calls
      tags:
      - Admins
      operationId: listCalls
      description: You can fetch a list of calls.
      responses:
        '200':
          description: Successful response
          content:
            application/json:
              schema:
                "$ref": "#/components/schemas/admin_list"
"""
CHANGELOG = "## New endpoints\n\n- `GET /calls` lists the calls of a workspace.\n"


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
        project, "release", "add", "2.14", "--spec", str(spec), "--changelog", str(tmp / "changelog.txt"),
        "--upstream-commit", "a" * 40, "--upstream-path", "descriptions/2.14/api.intercom.io.yaml",
    )  # fmt: skip
    return project, result, spec


def test_release_add_registers_pins_and_generates(
    released: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    project, result, spec = released
    assert result.returncode == 0, result.stderr[-3000:]
    assert "2.14 registered after 2.13" in result.stdout and "Traceback" not in result.stderr
    registry = yaml.safe_load((project / "specs" / "versions.yaml").read_text(encoding="utf-8"))
    names = [v["name"] for v in registry["versions"]]
    assert names.index("2.14") == names.index("2.13") + 1  # where the predecessor chain puts it
    entry = registry["versions"][names.index("2.14")]
    assert entry["upstream"] == {
        "commit": "a" * 40,
        "path": "descriptions/2.14/api.intercom.io.yaml",
        "sha256": hashlib.sha256(spec.read_bytes()).hexdigest(),
    }
    assert (entry["package"], entry["predecessor"], entry["role"]) == ("v2_14", "2.13", "client")
    assert next(v for v in registry["versions"] if v["name"] == "Unstable")["predecessor"] == "2.14"
    assert (project / "specs" / "2.14" / "api.intercom.io.yaml").read_bytes() == spec.read_bytes()
    package = (project / "generated" / "v2_14" / "resources" / "admins.py").read_text(encoding="utf-8")
    assert "def list_calls(" in package


def test_release_add_writes_the_reports_and_drafts_the_changelog(
    released: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    project, _, _ = released
    reports = project / "generated" / "reports"
    assert "GET /calls" in (reports / "diff-2.13-2.14.md").read_text(encoding="utf-8")
    assert (reports / "diff-2.14-unstable.md").is_file()
    assert not (reports / "diff-2.13-unstable.md").exists()
    changelogs = project / "specs" / "changelogs"
    assert (changelogs / "2.14.txt").read_text(encoding="utf-8") == CHANGELOG
    claims = (changelogs / "2.14.claims.yaml").read_text(encoding="utf-8")
    assert "drafted" in claims and "GET /calls" in claims
    index = yaml.safe_load((changelogs / "index.yaml").read_text(encoding="utf-8"))
    assert any(str(e.get("version")) == "2.14" for e in index["changelogs"])


def test_after_release_add_check_is_green_and_contract_asks_for_the_review(
    released: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    project, _, _ = released
    check = run(project, "check")
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]
    contract = run(project, "contract")
    assert contract.returncode == 1  # drafted claims are not reviewed claims
    assert "2.14" in contract.stdout + contract.stderr and "unreviewed" in (contract.stdout + contract.stderr).lower()


def test_release_update_repins_shows_the_change_and_regenerates(
    released: tuple[Path, subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    project, _, _ = released
    revised = _spec_with(
        tmp_path,
        "revised.yaml",
        CALLS,
        CALLS.replace('"/calls"', '"/calls/{id}"')
        .replace("listCalls", "showCall")
        .replace("List all calls", "Show a call"),
    )
    result = run(project, "release", "update", "2.14", "--spec", str(revised))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "GET /calls/{id}" in result.stdout
    registry = yaml.safe_load((project / "specs" / "versions.yaml").read_text(encoding="utf-8"))
    entry = next(v for v in registry["versions"] if v["name"] == "2.14")
    assert entry["upstream"]["sha256"] == hashlib.sha256(revised.read_bytes()).hexdigest()
    assert "def show_call(" in (project / "generated" / "v2_14" / "resources" / "admins.py").read_text()
    assert run(project, "check").returncode == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("2.13",), "2.13 is registered already; use `release update`"),
        (("2.15", "--predecessor", "9.9"), "9.9"),
        (("2.15", "--package", "v2_13"), "package 'v2_13' is taken"),
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
    result = run(project, "release", "add", "2.15", "--spec", str(spec))
    assert result.returncode == 1 and str(spec) in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(project) == before
