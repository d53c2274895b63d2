from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.diagnostics import GeneratorError
from generator.spec.registry import load_registry, verify_pin


def test_every_client_has_its_package_and_every_chain_ends_at_a_baseline() -> None:
    registry = load_registry()
    generated = Path(__file__).resolve().parents[2] / "generated"
    packages = {d.name for d in generated.iterdir() if (d / "__init__.py").is_file()}
    assert {v.package for v in registry.clients()} == packages
    assert registry.get("unstable").name == "Unstable"  # any case
    for entry in registry.versions:
        seen = [entry.name]
        while (current := registry.get(seen[-1])).predecessor is not None:
            assert current.predecessor not in seen, seen
            seen.append(current.predecessor)
        assert not registry.get(seen[-1]).is_client or len(seen) == 1, seen


REGISTRY_TEXT = (Path(__file__).resolve().parents[2] / "specs" / "versions.yaml").read_text()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("acknowledged: yes", "/versions/0/acknowledged: acknowledged lists"),
        ("acknowledged: [oops]", "/versions/0/acknowledged/0: expected a mapping"),
        ("acknowledged: [{code: x, at: /a}]", "/versions/0/acknowledged/0/reason"),
        ("acknowledged: [{code: x, at: nowhere, reason: r}]", "a JSON pointer starting with /"),
        ("acknowledged: [{code: ' ', at: /a, reason: r}]", "names the warning's code"),
    ],
)
def test_a_bad_acknowledgement_is_a_located_registry_error(tmp_path: Path, entry: str, expected: str) -> None:
    text = REGISTRY_TEXT.replace("    predecessor: null\n", f"    predecessor: null\n    {entry}\n", 1)
    (tmp_path / "versions.yaml").write_text(text)
    with pytest.raises(GeneratorError) as info:
        load_registry(tmp_path / "versions.yaml")
    assert expected in str(info.value) and "registry-invalid" in str(info.value)


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
