"""build_all: parallel and in-process builds agree; up-to-date targets are skipped; caches are used."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest
import yaml

from generator.build import pipeline
from generator.build.parallel import Formatter, render_and_format
from generator.build.targets import file_target
from generator.cli.app import build_parser, main
from generator.render.format import mask
from tests.conftest import tiny_spec


@pytest.fixture
def target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pipeline.Target:
    monkeypatch.setattr(pipeline, "CACHE_DIR", tmp_path / "cache")
    spec = tmp_path / "tiny.yaml"
    spec.write_text(yaml.safe_dump(tiny_spec()))
    return file_target(spec, "tinypkg", tmp_path / "out")


def test_two_workers_and_one_give_the_same_package(target: pipeline.Target) -> None:
    (parallel_result,) = render_and_format(pipeline.render_target, [target], Formatter(None), workers=2)
    alone = pipeline.build_package(target)
    formatter = Formatter(None)
    (serial_result,) = render_and_format(pipeline.render_target, [target], formatter, workers=1)
    assert parallel_result.python == serial_result.python
    assert pipeline.finish(serial_result, formatter).files == alone.files
    assert "resources/contacts.py" in alone.files


def test_build_all_matches_build_package_and_fills_the_format_cache(target: pipeline.Target) -> None:
    (built,) = pipeline.build_all([target])
    assert built.files == pipeline.build_package(target).files
    assert any((pipeline.CACHE_DIR / "format").rglob("*"))


def test_format_cache_false_leaves_no_cache(target: pipeline.Target) -> None:
    pipeline.build_all([target], format_cache=False)
    assert not (pipeline.CACHE_DIR / "format").exists()


def test_unchanged_target_is_skipped_until_its_spec_or_its_output_changes(target: pipeline.Target) -> None:
    pipeline.write_results(pipeline.build_all([target]))
    (again,) = pipeline.build_all([target])
    assert again.skipped

    typed = target.out_dir / "py.typed"
    typed.write_text(typed.read_text() + "edited by hand (the banner kept)\n")
    (after_edit,) = pipeline.build_all([target])
    assert not after_edit.skipped
    pipeline.write_results([after_edit])

    target.source.path.write_text(yaml.safe_dump(tiny_spec(info={"title": "Tiny", "version": "9.10"})))
    (after_spec_change,) = pipeline.build_all([target])
    assert not after_spec_change.skipped
    assert "9.10" in after_spec_change.files["__init__.py"]


def test_a_cached_formatting_is_used_instead_of_running_black(target: pipeline.Target) -> None:
    (first,) = pipeline.build_all([target])
    masked = mask(pipeline.render_target(target).python["resources/__init__.py"])
    placeholders = "# -\n" * masked.header.count("\n")
    pipeline.default_format_cache().put_all({masked.text: placeholders + "PLANTED = True\n"})
    (second,) = pipeline.build_all([target], use_cache=False)
    assert second.files["resources/__init__.py"] == masked.header + "PLANTED = True\n"
    assert second.files["models/__init__.py"] == first.files["models/__init__.py"]


def test_generate_with_one_job_writes_then_finds_nothing_to_do(
    target: pipeline.Target, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["generate", "--spec", str(target.source.path), "--name", "tinypkg", "--out", str(target.out_dir.parent)]
    assert main([*argv, "--jobs", "1"]) == 0
    assert "tinypkg: written" in capsys.readouterr().out
    assert (target.out_dir / "resources" / "contacts.py").is_file()
    assert main(argv) == 0
    assert "tinypkg: unchanged" in capsys.readouterr().out


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_whole_number(jobs: str) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["generate", "--jobs", jobs])


def test_warm_up_runs_once_in_the_parent_before_forking_workers(target: pipeline.Target) -> None:
    calls: list[str] = []
    render_and_format(pipeline.render_target, [target], Formatter(None), workers=1, warm_up=lambda: calls.append("x"))
    assert calls == []  # one worker: everything runs here, nothing to share
    render_and_format(pipeline.render_target, [target], Formatter(None), workers=2, warm_up=lambda: calls.append("x"))
    assert calls == (["x"] if multiprocessing.get_start_method() == "fork" else [])


def test_warm_up_loads_the_model_generator() -> None:
    pipeline.warm_up()
    assert "datamodel_code_generator.parser.openapi" in sys.modules
