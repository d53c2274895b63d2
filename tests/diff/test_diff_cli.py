"""``intercom-gen diff``: output formats, ordering and errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli.app import main
from tests.diff.diff_support import case_files

BASE, REVISION = (str(p) for p in case_files("response_ref_switched"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["diff", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_has_the_documented_shape_breaking_first(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, BASE, REVISION, "--format", "json")
    assert status == 0
    document = json.loads(out)
    assert list(document) == ["from", "to", "changes"]
    assert (document["from"], document["to"]) == (BASE, REVISION)
    changes = document["changes"]
    fields = ["id", "key", "severity", "operation", "schema", "property", "message", "accepted"]
    assert [list(c) for c in changes] == [fields] * 4
    assert [c["severity"] for c in changes] == ["breaking", "breaking", "breaking", "non-breaking"]
    assert changes[0] == {
        "id": "property-type-changed",
        "key": "property-type-changed:GET /contacts/{id}:response 200",
        "severity": "breaking",
        "operation": "GET /contacts/{id}",
        "schema": None,
        "property": None,
        "message": "`GET /contacts/{id}` response 200: type changed from `contact` to `person`",
        "accepted": None,
    }


def test_output_does_not_depend_on_hash_seeds() -> None:
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "generator", "diff", BASE, REVISION, "--format", "md"]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_markdown_has_a_summary_table_and_breaking_changes_first(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, BASE, REVISION, "--format", "md")
    assert status == 0
    assert "| Severity | Rule | Changes |" in out
    assert "| **breaking** | *all* | **3** |" in out
    assert "| breaking | `property-removed` | 1 |" in out
    assert "| non-breaking | `schema-added` | 1 |" in out
    assert "| **info** | *all* | **0** |" in out
    breaking = out.index("## Breaking changes (3)")
    assert out.index("## Summary") < breaking < out.index("## Non-breaking changes (1)")
    assert out.index("## Non-breaking changes (1)") < out.index("## Informational changes (0)")
    section = out[breaking : out.index("## Non-breaking changes")]
    assert "- `property-removed`: `GET /contacts/{id}` response 200 property `email` removed" in section
    assert "schema-added" not in section
    assert out.index("## Summary") < out.index("### By resource") < breaking
    assert "| `client.contacts` | 4 | 3 |" in out  # the added schema is returned by GET /contacts/{id}


def test_text_is_a_grouped_summary_then_one_line_per_change_with_its_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, BASE, REVISION)
    head, _, listing = out.partition("\n\n")[2].partition("\n\n")
    assert status == 0
    assert out.splitlines()[0].endswith("4 changes (3 breaking, 1 non-breaking, 0 info)")
    assert head.splitlines()[0] == "By rule:"
    assert head.splitlines()[1].split() == ["breaking", "1", "property-removed"]
    assert "  contacts  " in head and "4 changes, 3 breaking" in head
    lines = listing.splitlines()
    assert len(lines) == 4
    assert lines[-1].split()[:2] == ["non-breaking", "schema-added"]


def test_an_unknown_version_exits_1_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "9.99", "2.13")
    assert status == 1
    assert out == ""
    assert "9.99" in err and "not a registered version" in err and "2.13" in err
    assert "Traceback" not in err


def test_a_missing_spec_file_exits_1_naming_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.yaml")
    status, _, err = run(capsys, BASE, missing)
    assert status == 1
    assert f"{missing}: file not found" in err


def test_a_broken_spec_file_exits_1_naming_it_and_the_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.1\npaths: [\n")
    status, _, err = run(capsys, str(broken), REVISION)
    assert status == 1
    assert f"{broken}:" in err and "not valid YAML" in err
    assert "Traceback" not in err


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["diff", BASE, REVISION, "--format", "xml"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
