"""Loading YAML: the same located error whichever PyYAML loader is installed and whichever layer notices."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.core.diagnostics import GeneratorError
from generator.spec import load

LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


def nested_flow(depth: int) -> str:
    return "openapi: 3.0.3\nx: " + "[" * depth + "]" * depth + "\n"


def nested_block(depth: int) -> str:
    return "openapi: 3.0.3\n" + "".join(f"{'  ' * level}k{level}:\n" for level in range(depth)) + "  " * depth + "v\n"


def load_error(tmp_path: Path, text: str) -> GeneratorError:
    spec = tmp_path / "deep.yaml"
    spec.write_text(text, encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load.load_mapping(spec, label="deep.yaml")
    return caught.value


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("depth", [load.MAX_DEPTH + 5, 1_000, 5_000])
@pytest.mark.parametrize("shape", [nested_flow, nested_block], ids=["flow", "block"])
def test_too_deep_is_one_stable_error_whatever_the_loader(
    loader: object, depth: int, shape: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "_Loader", loader)
    error = load_error(tmp_path, shape(depth))  # type: ignore[operator]
    (diagnostic,) = error.diagnostics
    assert diagnostic.code == "bad-shape"
    assert diagnostic.source == "deep.yaml"
    assert diagnostic.message == f"the document is nested more than {load.MAX_DEPTH} levels deep"
    assert error.__cause__ is None


@pytest.mark.parametrize("loader", LOADERS)
def test_deep_but_allowed_documents_load(loader: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "_Loader", loader)
    spec = tmp_path / "ok.yaml"
    spec.write_text(nested_flow(load.MAX_DEPTH - 5), encoding="utf-8")
    document, _ = load.load_mapping(spec)
    assert document["openapi"] == "3.0.3"
