"""Seeded random damage to (a part of) the pinned 2.13 spec never crashes the generator.

Truncations at random offsets, deleted keys, corrupted ``$ref`` values and changed bytes: each
damaged copy either generates (the damage was harmless, for example a deleted description) or
fails with exit status 1 and errors that name the file and a line or JSON pointer. Never a
traceback, never an internal error, never a change to ``generated/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from damage import Damaged, _dump, check_run, damaged_copies, reduced
from hostile_support import GENERATED, ROOT, Run, generate, snapshot

from generator.spec.load import load_mapping

SPEC_2_13 = ROOT / "specs" / "2.13" / "api.intercom.io.yaml"
# a part of 2.13 that keeps every kind of construct (refs to responses, allOf, enums, examples)
# and generates in a few seconds
PATHS = ["/contacts/{id}", "/companies", "/tags", "/admins/{id}", "/data_attributes", "/notes/{id}"]
COUNT = 24
SEED = 2013


@pytest.fixture(scope="module")
def excerpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec, _ = load_mapping(SPEC_2_13)
    path = tmp_path_factory.mktemp("excerpt") / "intercom-2.13-excerpt.yaml"
    path.write_bytes(_dump(reduced(spec, PATHS)))
    return path


@pytest.fixture(scope="module")
def copies(excerpt: Path) -> list[Damaged]:
    return damaged_copies(excerpt, COUNT, SEED)


def test_the_undamaged_excerpt_generates(excerpt: Path, tmp_path: Path) -> None:
    run = generate(excerpt, tmp_path)
    assert run.status == 0, run.output
    assert not run.errors()


def test_damage_is_reproducible(excerpt: Path, copies: list[Damaged]) -> None:
    again = damaged_copies(excerpt, COUNT, SEED)
    assert [c.data for c in again] == [c.data for c in copies]
    assert len({c.data for c in copies}) == COUNT  # every copy is damaged differently
    assert {c.name.split("-")[-2] for c in copies} >= {"truncate", "key", "ref", "bytes"}


@dataclass
class Outcome:
    run: Run
    wrote: bool
    generated_unchanged: bool


@pytest.fixture(scope="module")
def outcomes(copies: list[Damaged], tmp_path_factory: pytest.TempPathFactory) -> dict[int, Outcome]:
    """Generation of each damaged copy, run once (when first asked for) and shared by the tests below."""
    cache: dict[int, Outcome] = {}
    folder = tmp_path_factory.mktemp("damaged")

    class Lazy(dict[int, Outcome]):
        def __missing__(self, index: int) -> Outcome:
            damaged = copies[index]
            spec = folder / damaged.name
            spec.write_bytes(damaged.data)
            out = folder / f"out-{index}"
            before = snapshot(GENERATED)
            run = generate(spec, out)
            self[index] = Outcome(run, out.exists(), snapshot(GENERATED) == before)
            return self[index]

    return Lazy(cache)


@pytest.mark.parametrize("index", range(COUNT))
def test_damaged_spec_never_crashes_or_writes_on_error(
    index: int, copies: list[Damaged], outcomes: dict[int, Outcome]
) -> None:
    damaged, outcome = copies[index], outcomes[index]
    run = outcome.run
    assert check_run(damaged.name, run.status, run.stdout, run.stderr) == [], (damaged.description, run.stderr)
    assert not run.connections
    assert outcome.wrote == (run.status == 0), damaged.description
    assert outcome.generated_unchanged


def test_the_damage_reaches_every_early_stage(copies: list[Damaged], outcomes: dict[int, Outcome]) -> None:
    """The damage is only useful if it reaches the YAML reader, the validator and the ref checks."""
    codes = {e["code"] for index in range(COUNT) for e in outcomes[index].run.errors()}
    assert codes & {"yaml-syntax", "not-utf8"}
    assert codes & {"missing-components", "missing-paths", "not-openapi", "bad-operation"}
    assert codes & {"dangling-ref", "external-ref", "bad-ref", "ref-cycle"}
    assert any(outcomes[index].run.status == 0 for index in range(COUNT))  # and some damage is harmless
