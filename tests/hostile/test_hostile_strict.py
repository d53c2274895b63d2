"""Warnings do not stop generation; errors do; ``--strict`` turns every warning into an error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hostile_support import CORPUS, GENERATED, assert_no_traceback, generate, prepared_out, run_cli, snapshot

WARNS = CORPUS / "warn_dangling_ref_to_schema.yaml"


def test_a_warning_is_printed_and_the_package_is_written(tmp_path: Path) -> None:
    run = generate(WARNS, tmp_path)
    assert run.status == 0, run.output
    (warning,) = run.diagnostics()
    assert (warning["level"], warning["code"], warning["line"]) == ("warning", "dangling-ref", "23")
    assert warning["pointer"] == "/components/schemas/contact/properties/custom_attributes"
    assert not run.errors()
    assert "pkg: written" in run.stdout
    assert (tmp_path / "pkg" / "models" / "custom_attributes.py").is_file()


@pytest.mark.parametrize("placement", ["before", "after"])
def test_strict_makes_the_warning_an_error_and_writes_nothing(placement: str, tmp_path: Path) -> None:
    out = prepared_out(tmp_path)
    before_out, before_generated = snapshot(out), snapshot(GENERATED)
    spec_args = ["--spec", str(WARNS), "--name", "pkg", "--out", str(out)]
    args = ["--strict", "generate", *spec_args] if placement == "before" else ["generate", "--strict", *spec_args]

    run = run_cli(*args)

    assert run.status == 1
    assert_no_traceback(run)
    (error,) = run.diagnostics()
    assert (error["level"], error["code"], error["line"]) == ("error", "dangling-ref", "23")
    assert error["message"].endswith("(an error with --strict)")
    assert run.stderr.rstrip().endswith("nothing was written.")
    assert snapshot(out) == before_out
    assert snapshot(GENERATED) == before_generated


def test_every_warning_file_generates_and_fails_with_strict(tmp_path: Path) -> None:
    files = sorted(CORPUS.glob("warn_*.yaml"))
    assert len(files) >= 2
    for path in files:
        lenient = generate(path, tmp_path / path.stem)
        assert lenient.status == 0, lenient.output
        assert lenient.diagnostics() and all(d["level"] == "warning" for d in lenient.diagnostics())
        strict = generate(path, tmp_path / f"{path.stem}-strict", "pkg", "--strict")
        assert strict.status == 1
        assert {d["code"] for d in strict.errors()} == {d["code"] for d in lenient.diagnostics()}
        assert not (tmp_path / f"{path.stem}-strict").exists()


def test_warnings_and_errors_are_told_apart_and_printed_once(tmp_path: Path) -> None:
    spec = yaml.safe_load(WARNS.read_text())
    spec["paths"]["/contacts/{id}"]["get"].pop("operationId")  # a warning
    spec["components"]["schemas"]["contact"]["properties"]["company"] = {"$ref": "other.yaml#/company"}  # an error
    path = tmp_path / "mixed.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))

    run = generate(path, tmp_path / "out")

    assert run.status == 1
    found = sorted((d["level"], d["code"]) for d in run.diagnostics())
    assert found == [("error", "external-ref"), ("warning", "dangling-ref"), ("warning", "missing-operation-id")]
    assert len(run.stderr.splitlines()) == 4  # three diagnostics and the closing line, each once
    assert run.stderr.splitlines()[0].startswith("error ")  # errors first
    assert run.stderr.rstrip().endswith("1 error, 2 warnings; nothing was written.")
    assert not (tmp_path / "out").exists()


def test_an_unwritable_out_folder_is_reported_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way\n")
    run = generate(CORPUS / "_valid_minimal.yaml", blocker)
    assert run.status == 1
    assert_no_traceback(run)
    (error,) = run.errors()
    assert error["code"] == "write-failed"
    assert blocker.read_text() == "in the way\n"


def test_a_bug_becomes_one_internal_error_with_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not an input problem: the last-resort handler names it as ours and asks for a report."""
    from generator.render import package

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("schemas")

    monkeypatch.setattr(package, "render_package", broken)
    out = prepared_out(tmp_path)
    before = snapshot(out)
    run = generate(CORPUS / "_valid_minimal.yaml", out)
    assert run.status == 1
    assert_no_traceback(run)
    (error,) = run.errors()
    assert error["code"] == "internal-error"
    assert "while rendering models and endpoints: KeyError: 'schemas'" in error["message"]
    assert "bug in intercom-gen" in error["message"] and "report" in error["message"]
    assert snapshot(out) == before
