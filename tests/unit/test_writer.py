from __future__ import annotations

from pathlib import Path

import pytest

from generator import writer


def test_write_trees_replaces_whole_tree(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    writer.write_trees({target: {"a.py": "old", "stale.py": "x"}})
    writer.write_trees({target: {"a.py": "new", "sub/b.py": "b"}})
    assert writer.read_tree(target) == {"a.py": b"new", "sub/b.py": b"b"}
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"], "no staging folders are left behind"


def test_failed_staging_leaves_the_old_tree(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    writer.write_trees({target: {"a.py": "old"}})

    bad = {"a.py": "new", "b.py": object()}  # not str/bytes: fails while staging
    with pytest.raises(TypeError):
        writer.write_trees({target: bad})  # type: ignore[dict-item]
    assert writer.read_tree(target) == {"a.py": b"old"}
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]


def test_compare_tree_reports_each_kind(tmp_path: Path) -> None:
    writer.write_trees({tmp_path / "p": {"same": "1", "changed": "2", "extra": "3"}})
    difference = writer.compare_tree(tmp_path / "p", {"same": "1", "changed": "two", "missing": "4"})
    assert (difference.missing, difference.extra, difference.changed) == (("missing",), ("extra",), ("changed",))
    diff = writer.unified_diff(tmp_path / "p", {"same": "1", "changed": "two", "missing": "4"}, difference)
    assert "-2" in diff and "+two" in diff
