"""The format cache and the shared formatting pool: keyed by black's version, mode and input."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import parallel
from generator.build.formatcache import FormatCache
from generator.build.parallel import Formatter, batches
from generator.core.diagnostics import Diagnostics, Level
from generator.render import format as fmt

BANNER_A = "# Generated from a.yaml (sha256 aaaa).\n# Do not edit.\n"
BANNER_B = "# Generated from b.yaml (sha256 bbbb).\n# Do not edit.\n"
BODY = "x = {'a':1,\n 'b':2}\n"


def test_miss_then_hit(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path, "k" * 64)
    assert cache.get("x=1\n") is None
    cache.put_all({"x=1\n": "x = 1\n"})
    assert cache.get("x=1\n") == "x = 1\n"
    assert cache.get("x=2\n") is None  # another input is another key


def test_a_new_black_version_or_mode_reads_nothing_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = FormatCache(tmp_path, fmt.formatter_key())
    old.put_all({"x=1\n": "x = 1\n"})
    monkeypatch.setattr(fmt, "dist_version", lambda name: "99.0")
    assert FormatCache(tmp_path, fmt.formatter_key()).get("x=1\n") is None
    monkeypatch.undo()
    monkeypatch.setattr(fmt, "_MODE", fmt.Mode(line_length=80))
    assert FormatCache(tmp_path, fmt.formatter_key()).get("x=1\n") is None


def test_a_damaged_entry_is_ignored(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path, "k" * 64)
    cache.put_all({"x=1\n": "x = 1\n"})
    (entry,) = (p for p in tmp_path.rglob("*") if p.is_file())
    entry.write_text(entry.read_text().replace("x = 1", "x = 2"))
    assert cache.get("x=1\n") is None


def test_modules_differing_only_in_banner_are_formatted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = parallel.format_text

    def counting(text: str, name: str) -> str:
        calls.append(name)
        return real(text, name)

    monkeypatch.setattr(parallel, "format_text", counting)
    formatter = Formatter(cache=None)
    formatter.request({"a/m.py": BANNER_A + BODY}, None)
    formatter.request({"b/m.py": BANNER_B + BODY}, None)
    assert calls == ["a/m.py"]
    diagnostics = Diagnostics()
    assert formatter.module("b/m.py", BANNER_B + BODY, diagnostics, "b.yaml") == BANNER_B + 'x = {"a": 1, "b": 2}\n'
    assert formatter.module("a/m.py", BANNER_A + BODY, diagnostics, "a.yaml") == BANNER_A + 'x = {"a": 1, "b": 2}\n'


def test_a_second_build_formats_nothing_already_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = FormatCache(tmp_path, fmt.formatter_key())
    first = Formatter(cache)
    first.request({"m.py": BANNER_A + BODY}, None)
    first.store()
    monkeypatch.setattr(parallel, "format_text", lambda text, name: pytest.fail("formatted again"))
    second = Formatter(cache)
    second.request({"m.py": BANNER_B + BODY}, None)
    assert second.module("m.py", BANNER_B + BODY, Diagnostics(), "b.yaml") == BANNER_B + 'x = {"a": 1, "b": 2}\n'
    assert second.fresh == {}


def test_a_module_black_cannot_parse_becomes_a_located_error() -> None:
    formatter = Formatter(cache=None)
    formatter.request({"pkg/bad.py": BANNER_A + "def (:\n"}, None)
    diagnostics = Diagnostics()
    assert formatter.module("pkg/bad.py", BANNER_A + "def (:\n", diagnostics, "a.yaml") is None
    (error,) = diagnostics.at_least(Level.ERROR)
    assert error.code == "format-failed"
    assert "pkg/bad.py" in error.message


def test_batches_cover_every_job_once_largest_first() -> None:
    jobs = [(f"x{i} = 1\n" * (i + 1) * 400, f"m{i}.py") for i in range(30)]
    grouped = list(batches(jobs))
    assert len(grouped) > 1
    flat = [job for batch in grouped for job in batch]
    assert sorted(flat) == sorted(jobs)
    assert flat[0] == max(jobs, key=lambda j: len(j[0]))
