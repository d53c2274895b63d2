"""Loading claims files: every problem is a diagnostic naming the file and the JSON pointer."""

from __future__ import annotations

from pathlib import Path

import pytest
from contract_support import write

from generator.contract.claims import load_claims, load_index
from generator.contract.evaluate import evaluate_changelog
from generator.contract.versions import all_versions
from generator.core.diagnostics import Diagnostics, GeneratorError

GOOD = """
base: "2.10"
target: "2.11"
claims:
  - id: data-attribute-messenger-writable
    quote: "The Data Attribute model now includes the flag messenger_writable"
    asserts: {kind: property-added, schema: data_attribute, property: messenger_writable}
    expected: not-new
not_claims:
  - quote: "They are listed below."
    reason: navigation
"""


def _load(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    diagnostics = Diagnostics()
    claims = load_claims(write(tmp_path / "x.claims.yaml", text), diagnostics)
    return claims, [f"{d.pointer}: {d.message}" for d in diagnostics]


def test_a_good_file_loads(tmp_path: Path) -> None:
    claims, problems = _load(tmp_path, GOOD)
    assert problems == []
    assert [c.id for c in claims.claims] == ["data-attribute-messenger-writable"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("kind: property-added", "kind: field-added"), "/claims/0/asserts: unknown assertion kind 'field-added'"),
        ((", property: messenger_writable", ""), "/claims/0/asserts: property-added: missing property"),
        (("schema: data_attribute", "schema: data_attribute, colour: red"), "unknown field(s) colour"),
        (("expected: not-new", "expected: probably"), "/claims/0/expected: expected must be one of"),
        (("expected: not-new", "expected: REVIEW"), "/claims/0/expected: 'expected' still says REVIEW"),
        (("reason: navigation", "reason: REVIEW"), "/not_claims/0/reason: 'reason' still says REVIEW"),
        (("id: data-attribute-messenger-writable", "id: Data Attribute"), "/claims/0/id: claim id 'Data Attribute'"),
        (('base: "2.10"\n', ""), "/base: expected a non-empty string for 'base'"),
    ],
)
def test_problems_are_located(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    _, problems = _load(tmp_path, GOOD.replace(*edit))
    assert any(expected in p for p in problems), problems


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    claim = GOOD.split("\nclaims:\n", maxsplit=1)[1].split("not_claims:", maxsplit=1)[0]
    claims, problems = _load(tmp_path, GOOD.replace(claim, claim + claim))
    assert problems == ["/claims/1/id: duplicate claim id 'data-attribute-messenger-writable'"]
    assert len(claims.claims) == 1  # type: ignore[attr-defined]


def test_a_file_that_is_not_yaml_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        load_claims(write(tmp_path / "bad.claims.yaml", "claims: [\n"), Diagnostics())
    assert caught.value.diagnostics[0].line is not None


def _changelog(tmp_path: Path, text: str, claims: str) -> list[str]:
    write(tmp_path / "t.txt", text)
    write(tmp_path / "t.claims.yaml", claims)
    index = write(tmp_path / "index.yaml", "changelogs:\n  - {version: '2.11', text: t.txt, claims: t.claims.yaml}\n")
    [entry] = load_index(index)
    diagnostics = Diagnostics()
    result = evaluate_changelog(entry, all_versions(), diagnostics)
    return [s.statement.text for s in result.uncovered] + [d.message for d in diagnostics]


def test_a_statement_no_entry_covers_fails_coverage(tmp_path: Path) -> None:
    text = (
        "The Data Attribute model now includes the flag messenger_writable.\n"
        "They are listed below.\nA new sentence nobody read."
    )
    assert _changelog(tmp_path, text, GOOD) == ["A new sentence nobody read."]


def test_a_quote_missing_from_the_text_is_reported(tmp_path: Path) -> None:
    problems = _changelog(tmp_path, "They are listed below.", GOOD)
    assert any("quote not found in the changelog text" in p for p in problems)


def test_code_samples_are_covered_without_an_entry(tmp_path: Path) -> None:
    text = 'They are listed below.\n{\n"a": 1\n}\nThe Data Attribute model now includes the flag messenger_writable'
    assert _changelog(tmp_path, text, GOOD) == []


def test_index_problems_are_located(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        load_index(write(tmp_path / "index.yaml", "changelogs:\n  - {version: '2.11'}\n"))
    assert caught.value.diagnostics[0].pointer == "/changelogs/0"


def test_a_claim_naming_an_unknown_operation_is_reported_by_the_whole_run(tmp_path: Path) -> None:
    from generator.contract.report import render_json, render_text
    from generator.contract.run import run_contracts
    from tests.support import GENERATED

    write(tmp_path / "t.txt", "Use the new Frobnicate endpoint.")
    claims = (
        'base: "2.12"\ntarget: "2.13"\nclaims:\n  - id: frobnicate\n    quote: "Use the new Frobnicate endpoint."\n'
        "    asserts: {kind: operation-added, operation: frobnicateContact}\n    expected: holds\n"
    )
    write(tmp_path / "t.claims.yaml", claims)
    index = write(tmp_path / "index.yaml", "changelogs:\n  - {version: '2.13', text: t.txt, claims: t.claims.yaml}\n")
    diagnostics = Diagnostics()
    report = run_contracts(diagnostics, generated=GENERATED, index=index, use_diff=False)
    [error] = list(diagnostics)
    assert error.render() == (
        f"error [claims-invalid]: {tmp_path / 't.claims.yaml'} at /claims/0: "
        "claim 'frobnicate': unknown operation 'frobnicateContact' (in no registered version)"
    )
    assert "frobnicate: verdict unverifiable, expected holds" in render_text(report)
    assert '"verdict": "unverifiable"' in render_json(report)
