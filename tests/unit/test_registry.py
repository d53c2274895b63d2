from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.diagnostics import GeneratorError
from generator.spec.registry import load_registry, verify_pin


def test_registered_versions_and_roles() -> None:
    registry = load_registry()
    assert [v.name for v in registry.versions] == ["2.10", "2.11", "2.12", "2.13", "Unstable"]
    assert [v.package for v in registry.clients()] == ["v2_11", "v2_13", "unstable"]
    assert registry.get("unstable").predecessor == "2.13"


def test_every_pinned_spec_matches_its_sha256() -> None:
    for entry in load_registry().versions:
        assert verify_pin(entry) is None, entry.name


def test_a_changed_spec_is_reported_with_both_hashes(tmp_path: Path) -> None:
    registry_text = (Path(__file__).resolve().parents[2] / "specs" / "versions.yaml").read_text()
    (tmp_path / "2.11").mkdir()
    (tmp_path / "2.11" / "api.intercom.io.yaml").write_text("openapi: 3.0.1\n")
    (tmp_path / "versions.yaml").write_text(registry_text)
    registry = load_registry(tmp_path / "versions.yaml")
    message = verify_pin(registry.get("2.11"))
    assert message is not None and "sha256 mismatch" in message and "1d43e28abc91" in message


def test_unknown_version_names_the_known_ones() -> None:
    with pytest.raises(GeneratorError) as info:
        load_registry().get("3.0")
    assert "2.13" in str(info.value)
