"""Swapping new trees into place all or nothing, under a journal the next run finishes or undoes.

``write_trees`` over targets that share one parent folder ``P``:

1. refuse any target intercom-gen did not write (``writer.foreign_entry``);
2. stage every new tree in full as ``P/.NAME.new-<random>``;
3. write the journal ``P/.intercom-gen-journal.json`` (state ``swapping``: each target, its new
   tree, the name its old tree will get, whether it existed);
4. for each target: ``NAME -> .NAME.old-<random>``, then ``.NAME.new-<random> -> NAME``;
5. journal state ``committed``; remove the old trees and the journal.

Steps 3-5 run with SIGTERM and SIGINT held back (``signals.critical``), and a failure in them
puts every old tree back. Only SIGKILL (or a power cut) can stop a run in between; ``recover``,
which every ``generate`` runs under its lock before anything else, then finishes the job: a
``swapping`` journal is rolled back (every target as before the killed run), a ``committed``
one rolled forward (the old trees removed). Staged or old trees left without a journal (a run
killed while staging, or by an older intercom-gen) are removed, an old tree whose target is
missing being moved back first. ``leftovers`` lists what ``check`` reports.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from ..core import testpoints
from ..core.diagnostics import GeneratorError
from .signals import critical
from .writer import follow_umask, foreign_entry, make_staging, write_into

JOURNAL = ".intercom-gen-journal.json"
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<kind>new|old)-[A-Za-z0-9_]+$")


@dataclass(frozen=True)
class Entry:
    target: str  # names relative to the shared parent folder
    new: str
    old: str
    existed: bool


def refuse_foreign(target: Path) -> None:
    """Raise a located ``not-generated`` error when ``target`` holds anything intercom-gen did not write."""
    found = foreign_entry(target)
    if found is None:
        return
    if found == target:
        what = "a link" if target.is_symlink() else "a file" if target.is_file() else "not a folder"
        detail = f"{target} is {what}, not a package intercom-gen wrote"
    else:
        detail = f"{found} was not written by intercom-gen (it has no intercom-gen banner)"
    raise GeneratorError.single(
        str(found),
        "",
        f"refusing to replace {target}: {detail}; nothing was changed. Choose another --out or --name, or move it away",
        code="not-generated",
    )


def _parent(trees: Mapping[Path, object]) -> Path:
    parents = {target.parent for target in trees}
    if len(parents) != 1:
        raise ValueError(f"targets of one write must share a folder, got {sorted(map(str, parents))}")
    return parents.pop()


def _write_journal(parent: Path, state: str, entries: list[Entry]) -> None:
    path = parent / JOURNAL
    tmp = parent / f"{JOURNAL}.tmp"
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump({"state": state, "entries": [asdict(e) for e in entries]}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    follow_umask(tmp, folder=False)
    os.replace(tmp, path)


def _read_journal(parent: Path) -> tuple[str, list[Entry]] | None:
    try:
        record = json.loads((parent / JOURNAL).read_text(encoding="utf-8"))
        return str(record["state"]), [Entry(**e) for e in record["entries"]]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return "unreadable", []


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def write_trees(trees: Mapping[Path, Mapping[str, str | bytes]]) -> None:
    """Write every tree, or (on any failure) none of them; see the module docstring."""
    if not trees:
        return
    parent = _parent(trees)
    for target in trees:
        refuse_foreign(target)
    entries: list[Entry] = []
    try:
        for target, files in trees.items():
            staging = make_staging(target)
            suffix = staging.name.rsplit("-", 1)[1]
            entries.append(Entry(target.name, staging.name, f".{target.name}.old-{suffix}", os.path.lexists(target)))
            write_into(staging, files)
        testpoints.reached("staged")
    except BaseException:
        for entry in entries:
            shutil.rmtree(parent / entry.new, ignore_errors=True)
        raise
    with critical():
        _swap(parent, entries)


def _swap(parent: Path, entries: list[Entry]) -> None:
    try:
        _write_journal(parent, "swapping", entries)
        testpoints.reached("swapping")
        for index, entry in enumerate(entries):
            if entry.existed:
                os.replace(parent / entry.target, parent / entry.old)
                testpoints.reached("between-renames")
            os.replace(parent / entry.new, parent / entry.target)
            if index == 0 and len(entries) > 1:
                testpoints.reached("between-packages")
        _write_journal(parent, "committed", entries)
    except BaseException:
        _roll_back(parent, entries)
        raise
    testpoints.reached("committed")
    _roll_forward(parent, entries)


def _roll_back(parent: Path, entries: list[Entry]) -> None:
    """Put every target back as it was before the run (the journal says how)."""
    for entry in reversed(entries):
        target, new, old = parent / entry.target, parent / entry.new, parent / entry.old
        if os.path.lexists(old):
            if os.path.lexists(target):
                _remove(target)  # the new tree, swapped in
            os.replace(old, target)
        elif not entry.existed and os.path.lexists(target) and not os.path.lexists(new):
            _remove(target)  # a new tree where there was nothing
        if os.path.lexists(new):
            _remove(new)
    (parent / JOURNAL).unlink(missing_ok=True)


def _roll_forward(parent: Path, entries: list[Entry]) -> None:
    for entry in entries:
        for name in (entry.old, entry.new):
            if os.path.lexists(parent / name):
                _remove(parent / name)
    (parent / JOURNAL).unlink(missing_ok=True)


def recover(parent: Path) -> list[str]:
    """Finish or undo what a killed run left in ``parent``; return what was done, for the user."""
    done: list[str] = []
    if not parent.is_dir():
        return done
    journal = _read_journal(parent)
    if journal is not None:
        state, entries = journal
        with critical():
            if state == "committed":
                _roll_forward(parent, entries)
                done.append(f"finished an interrupted run ({', '.join(e.target for e in entries)} written)")
            elif state == "swapping":
                _roll_back(parent, entries)
                done.append(f"rolled back an interrupted run ({', '.join(e.target for e in entries)} as before it)")
            else:
                (parent / JOURNAL).unlink(missing_ok=True)
                done.append("removed an unreadable journal")
    for path in _stray(parent):
        match = _LEFTOVER.match(path.name)
        assert match is not None
        target = parent / match["name"]
        with critical():
            if match["kind"] == "old" and not os.path.lexists(target):
                os.replace(path, target)
                done.append(f"restored {match['name']} from {path.name}")
            else:
                _remove(path)
                done.append(f"removed {path.name}")
    return done


def _stray(parent: Path) -> list[Path]:
    """Staged and old trees in ``parent``: folders only ever made by ``write_trees`` (by their names)."""
    (parent / f"{JOURNAL}.tmp").unlink(missing_ok=True)
    if not parent.is_dir():
        return []
    return [p for p in sorted(parent.iterdir()) if _LEFTOVER.match(p.name) and p.is_dir() and not p.is_symlink()]


def leftovers(parent: Path) -> list[str]:
    """What an interrupted run left in ``parent`` (the journal, staged or old trees), by name."""
    if not parent.is_dir():
        return []
    return [p.name for p in sorted(parent.iterdir()) if p.name.startswith(JOURNAL) or _LEFTOVER.match(p.name)]
