"""Loading the two sides of a diff: version names, spec files and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.diagnostics import GeneratorError
from generator.diff import load_api, loader
from generator.diff.loader import load_pair
from tests.diff.diff_support import case_files

BASE, REVISION = (str(p) for p in case_files("operation_added"))


def test_a_spec_file_loads_into_the_ir() -> None:
    api = load_api(BASE)
    assert api.source == BASE
    assert {op.key for op in api.operations} == {"POST /contacts", "GET /contacts/{id}"}


@pytest.fixture(params=["in parallel", "one after the other"])
def cpus(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "one after the other":
        monkeypatch.setattr(loader.os, "cpu_count", lambda: 1)
    return str(request.param)


def test_load_pair_loads_both_sides_like_load_api(cpus: str) -> None:
    older, newer = load_pair(BASE, REVISION)
    assert {op.key for op in older.operations} == {op.key for op in load_api(BASE).operations}
    assert {op.key for op in newer.operations} == {op.key for op in load_api(REVISION).operations}


@pytest.mark.parametrize("side", ["old", "new"])
def test_load_pair_reports_a_bad_side_by_name(side: str, tmp_path: Path, cpus: str) -> None:
    missing = str(tmp_path / "missing.yaml")
    refs = (missing, REVISION) if side == "old" else (BASE, missing)
    with pytest.raises(GeneratorError) as exc:
        load_pair(*refs)
    (diagnostic,) = exc.value.diagnostics
    assert (diagnostic.source, diagnostic.message) == (missing, "file not found")


def test_an_unknown_version_lists_the_known_ones() -> None:
    with pytest.raises(GeneratorError) as exc:
        load_api("1.0")
    (diagnostic,) = exc.value.diagnostics
    assert diagnostic.source == "1.0"
    assert "not a registered version (known: 2.10, 2.11, 2.12, 2.13, Unstable)" in diagnostic.message
