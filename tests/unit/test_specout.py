"""``intercom-gen spec``: the normalised spec each client is generated from, as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli.app import main
from generator.cli.specout import EXTENSION_KEY, render_spec
from generator.core.diagnostics import Diagnostics
from generator.ir.refs import check_refs
from generator.spec.load import load_mapping, sha256_of
from generator.spec.registry import load_registry


def test_the_211_spec_is_written_with_its_dangling_refs_repaired(tmp_path: Path) -> None:
    assert main(["spec", "--version", "2.11", "--out", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["v2_11.json"]
    spec = json.loads((tmp_path / "v2_11.json").read_text(encoding="utf-8"))
    diagnostics = Diagnostics()
    assert check_refs(spec, "v2_11.json", diagnostics) == set()
    assert not list(diagnostics)
    assert spec["components"]["schemas"]["custom_attributes"]["type"] == "object"
    entry = load_registry().get("2.11")
    assert spec[EXTENSION_KEY] == {
        "source": entry.spec_label(),
        "sha256": sha256_of(entry.spec.read_bytes()),
        "overlays": [label for _, label in entry.overlay_files()],
    }
    # the corrections of the overlays are in the written spec (what the client is generated from)
    assert "admins" in spec["components"]["schemas"]["conversation_teammates"]["properties"]
    original, _ = load_mapping(entry.spec)
    assert list(spec["paths"]) == list(original["paths"])  # order kept: mock servers match routes in order


def test_output_is_deterministic_json() -> None:
    text = render_spec({"b": 1, "a": {"ü": [1, 2]}})
    assert text == render_spec({"b": 1, "a": {"ü": [1, 2]}})
    assert text.startswith('{\n "b": 1,\n "a"') and "ü" in text and text.endswith("}\n")


def test_a_baseline_is_refused_and_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["spec", "--version", "2.10", "--out", str(tmp_path)]) == 1
    assert list(tmp_path.iterdir()) == []
    assert "2.10 is a baseline, not a client" in capsys.readouterr().err


def test_an_unknown_version_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["spec", "--version", "9.9", "--out", str(tmp_path)]) == 1
    assert "unknown version '9.9'" in capsys.readouterr().err
