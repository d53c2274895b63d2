"""The benchmark's counting and verdicts (its timings are never asserted: machines are shared)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from benchmarks import probe
from benchmarks.report import Row

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["Type12", "Model3", "MessageType1", "Response200", "ContactResponse200Type0"])
def test_counter_names_count_as_numbered(name: str) -> None:
    assert probe.NUMBERED.search(name)


@pytest.mark.parametrize("name", ["Contact", "TypeError", "ModelConfig", "V2Contact", "Conversation"])
def test_names_from_the_spec_do_not(name: str) -> None:
    assert not probe.NUMBERED.search(name)


def test_row_verdicts() -> None:
    assert Row("x", 1.0, 2.0, "peer", 1.0).result() == "PASS"
    assert Row("x", 3.0, 2.0, "peer", 1.0).result() == "MISS"
    assert Row("x", 1.0, 2.0, "peer", 1.0, complete=False).result() == "MISS (incomplete)"
    assert Row("x", 1.0, 2.0, "peer").result() == "info"
    assert Row("x", 1.0, None, "").cells()[3] == "n/a"


def test_counts_every_operation_and_schema_of_a_generated_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "generated"))
    counts = probe.count_ours(ROOT / "generated", "v2_13")
    assert counts["operations"] == counts["importable"] == 133  # every operation of the 2.13 spec
    assert counts["schemas"] == counts["schemas_importable"] > 200
    assert counts["numbered"] == 0
    assert 500 < counts["source_kib"] < 5000  # the vendored folder's Python source


def test_a_module_that_fails_to_import_counts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken_bench_module.py").write_text("raise ImportError('no')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert probe._importable("broken_bench_module", ["anything"]) == 0
    sys.modules.pop("broken_bench_module", None)


def test_conversation_payload_grows_the_specs_example() -> None:
    body = json.loads(probe.conversation_payload(ROOT / "specs" / "2.13" / "api.intercom.io.yaml", 50))
    parts = body["conversation_parts"]["conversation_parts"]
    assert len(parts) == body["conversation_parts"]["total_count"] == 50
    assert len({part["id"] for part in parts}) == 50
    assert body["type"] == "conversation"
