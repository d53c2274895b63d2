"""A registered version's settings hold in every command: generate, spec, diff, contract, check.

The version here is 2.13 with one more schema, ``ContactList``, whose class name collides with the
one ``contact_list`` becomes; its registry entry resolves that with ``class_names``. Every command
loads specs through the same function, so none of them reports the collision.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("generator", "templates", "specs", "generated")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("registry") / "project"
    for part in PARTS:
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
    text = (ROOT / "specs" / "2.13" / "api.intercom.io.yaml").read_text(encoding="utf-8")
    extra = "    ContactList:\n      type: object\n      properties:\n        note: {type: string}\n"
    marker = "  schemas:\n"
    text = text.replace(marker, marker + extra, 1)
    spec = project / "specs" / "custom" / "api.intercom.io.yaml"
    spec.parent.mkdir()
    spec.write_text(text, encoding="utf-8")
    registry_file = project / "specs" / "versions.yaml"
    registry = yaml.safe_load(registry_file.read_text(encoding="utf-8"))
    registry["versions"].append(
        {
            "name": "2.13-custom",
            "spec": "custom/api.intercom.io.yaml",
            "upstream": {"commit": "0" * 40, "path": "custom", "sha256": hashlib.sha256(spec.read_bytes()).hexdigest()},
            "role": "client",
            "package": "custom",
            "predecessor": "2.13",
            "overlays": ["overlays/common.yaml"],
            "class_names": {"ContactList": "ContactListNote"},
        }
    )
    registry_file.write_text(yaml.safe_dump(registry, sort_keys=False), encoding="utf-8")
    return project


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project), "CI": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )


def assert_no_collision(result: subprocess.CompletedProcess[str]) -> None:
    assert "name-collision" not in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_generate_honours_class_names(project: Path) -> None:
    result = run(project, "generate", "--version", "2.13-custom")
    assert_no_collision(result)
    assert result.returncode == 0, result.stderr[-2000:]
    models = (project / "generated" / "custom" / "models" / "__init__.py").read_text(encoding="utf-8")
    assert "ContactListNote" in models and "ContactList" in models


def test_spec_diff_and_contract_honour_class_names(project: Path, tmp_path: Path) -> None:
    spec = run(project, "spec", "--version", "2.13-custom", "--out", str(tmp_path))
    assert_no_collision(spec)
    assert spec.returncode == 0, spec.stderr[-2000:]
    assert "ContactList" in json.loads((tmp_path / "custom.json").read_text())["components"]["schemas"]
    diff = run(project, "diff", "2.13", "2.13-custom", "--format", "json")
    assert_no_collision(diff)
    assert diff.returncode == 0, diff.stderr[-2000:]
    assert "ContactList" in diff.stdout
    contract = run(project, "contract")
    assert_no_collision(contract)


def test_check_passes_after_generate(project: Path) -> None:
    result = run(project, "check")
    assert_no_collision(result)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
