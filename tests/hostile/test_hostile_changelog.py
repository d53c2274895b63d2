"""Broken changelog input: an empty text, a binary file, claims naming what does not exist.

A changelog text reaches the tool two ways: ``intercom-gen changelog draft FILE`` and the
contract run over ``specs/changelogs/index.yaml`` (here a temporary index). Either way a broken
file is one located error, never a traceback or an empty result that looks like success.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hostile_support import assert_no_traceback, run_cli

from generator.contract.report import render_text
from generator.contract.run import run_contracts
from generator.core.diagnostics import Diagnostics, GeneratorError
from tests.support import GENERATED

BROKEN_TEXTS = {
    "empty.txt": (b"", "empty-file", None, "file is empty"),
    "whitespace.txt": (b"\n  \n\t\n", "empty-file", None, "file is empty"),
    "image.txt": (b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "not-utf8", "1", "not UTF-8 text"),
    "nul_bytes.txt": (b"### New\nAdded\x00 the endpoint\n", "not-text", "2", "control character U+0000"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_TEXTS))
def test_drafting_from_a_broken_changelog_fails_clearly(name: str, tmp_path: Path) -> None:
    data, code, line, words = BROKEN_TEXTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    run = run_cli("changelog", "draft", path, "--base", "2.13", "--target", "Unstable")
    assert run.status == 1
    assert_no_traceback(run)
    assert run.stdout == ""  # no draft that looks like a result
    (error,) = run.errors()
    assert (error["code"], error["line"]) == (code, line)
    assert error["source"] == str(path)
    assert words in error["message"]


def _index(tmp_path: Path, text: bytes, claims: str) -> Path:
    (tmp_path / "log.txt").write_bytes(text)
    (tmp_path / "log.claims.yaml").write_text(claims)
    index = tmp_path / "index.yaml"
    index.write_text("changelogs:\n  - {version: '2.13', text: log.txt, claims: log.claims.yaml}\n")
    return index


NO_CLAIMS = 'base: "2.12"\ntarget: "2.13"\nclaims: []\n'


@pytest.mark.parametrize("name", ["empty.txt", "image.txt", "nul_bytes.txt"])
def test_a_broken_changelog_text_stops_the_contract_run_with_a_located_error(name: str, tmp_path: Path) -> None:
    data, code, line, _ = BROKEN_TEXTS[name]
    index = _index(tmp_path, data, NO_CLAIMS)
    with pytest.raises(GeneratorError) as caught:
        run_contracts(Diagnostics(), generated=GENERATED, index=index, use_diff=False)
    (error,) = caught.value.diagnostics
    assert (error.source, error.code) == ("log.txt", code)
    assert error.line == (int(line) if line else None)


CLAIMS_ON_NOTHING = """base: "2.12"
target: "2.13"
claims:
  - id: ghost-operation
    quote: "Use the new Ghost endpoint."
    asserts: {kind: operation-added, operation: summonGhost}
    expected: holds
  - id: ghost-schema
    quote: "Contacts now have a haunted flag."
    asserts: {kind: property-added, schema: ghost_contact, property: haunted}
    expected: holds
"""


def test_claims_naming_operations_and_schemas_that_do_not_exist_are_located(tmp_path: Path) -> None:
    text = b"Use the new Ghost endpoint.\nContacts now have a haunted flag.\n"
    diagnostics = Diagnostics()
    report = run_contracts(diagnostics, generated=GENERATED, index=_index(tmp_path, text, CLAIMS_ON_NOTHING))
    errors = sorted((d.pointer, d.code, d.message) for d in diagnostics if d.level.name == "ERROR")
    assert [(p, c) for p, c, _ in errors] == [("/claims/0", "claims-invalid"), ("/claims/1", "claims-invalid")]
    assert "unknown operation 'summonGhost'" in errors[0][2]
    assert "unknown schema 'ghost_contact'" in errors[1][2]
    assert all(d.source.endswith("log.claims.yaml") for d in diagnostics if d.level.name == "ERROR")
    rendered = render_text(report)
    assert "ghost-operation: verdict unverifiable, expected holds" in rendered
    assert "ghost-schema: verdict unverifiable, expected holds" in rendered


@pytest.mark.parametrize(("value", "kind"), [("5", "a number"), ("'all of them'", "a string"), ("{a: 1}", "a mapping")])
@pytest.mark.parametrize("key", ["claims", "not_claims"])
def test_claims_that_are_not_a_list_are_a_located_error(key: str, value: str, kind: str, tmp_path: Path) -> None:
    claims = f'base: "2.12"\ntarget: "2.13"\n{key}: {value}\n'
    diagnostics = Diagnostics()
    run_contracts(diagnostics, generated=GENERATED, index=_index(tmp_path, b"Nothing changed.\n", claims))
    errors = [d for d in diagnostics if d.level.name == "ERROR" and d.pointer == f"/{key}"]
    assert len(errors) == 1, [d.render() for d in diagnostics]
    assert errors[0].source.endswith("log.claims.yaml") and errors[0].code == "claims-invalid"
    assert kind in errors[0].message and "internal" not in errors[0].message


# --- drafting stays linear in the size of the text ------------------------------------------


@pytest.fixture(scope="module")
def pair() -> tuple[Any, Any]:
    from generator.contract.versions import load_version

    return load_version("2.13"), load_version("Unstable")


def test_a_statement_full_of_link_openers_drafts_in_linear_time(pair: tuple[Any, Any]) -> None:
    from generator.contract.draft import draft_claims

    text = "### Changes\n\n- " + "see [x](" * 50_000 + "\n"  # 400 KB; took about 27 s
    assert draft_claims("links.txt", text, *pair).startswith("#")  # linear: see the test below


def test_link_targets_are_removed_as_before() -> None:
    import random
    import re

    from generator.contract.draft import without_link_targets

    rng = random.Random(7)  # noqa: S311 - reproducible test input
    for _ in range(500):
        text = "".join(rng.choice(["](", ")", "[", "]", "(", "a", " "]) for _ in range(rng.randrange(30)))
        assert without_link_targets(text) == re.sub(r"\]\([^)]*\)", "]", text), text


def test_thousands_of_field_names_on_one_line_draft_in_linear_time(
    pair: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words are split out of the statement once, not once per name (that was 6,000 x 100 KB)."""
    from generator.contract import draft

    names = [f"field_{i}_name" for i in range(6_000)]
    text = "### Changes\n\n- Added " + ", ".join(names) + ".\n"  # 100 KB; took minutes
    split: list[int] = []
    original = draft.words
    monkeypatch.setattr(draft, "words", lambda t: split.append(len(t)) or original(t))
    draft._stems.cache_clear()
    draft.draft_claims("fields.txt", text, *pair)
    assert sum(split) < 3 * len(text)  # each character split into words a bounded number of times
