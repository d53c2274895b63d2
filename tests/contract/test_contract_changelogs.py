"""The committed changelog contracts: every claim gets its expected verdict, every statement is covered,
every structural claim is confirmed by the generated package of its version."""

from __future__ import annotations

import json

import pytest
from contract_support import real_run

from generator.cli.app import main
from generator.contract.claims import ChangelogEntry, load_claims, load_index
from generator.contract.evaluate import ClaimResult
from generator.contract.package import PackageResult
from generator.contract.statements import normalise, parse_changelog
from generator.core.diagnostics import Diagnostics
from generator.spec.registry import load_registry

INDEX = load_index()
CLIENT_VERSIONS = {entry.name for entry in load_registry().clients()}
CLAIMS = [(entry.version, claim.id) for entry in INDEX for claim in load_claims(entry.claims, Diagnostics()).claims]


def _claim(changelog: str, claim_id: str) -> tuple[ClaimResult, PackageResult]:
    report, _ = real_run()
    item = next(c for c in report.changelogs if c.result.name == changelog)
    index = next(i for i, c in enumerate(item.result.claims) if c.claim.id == claim_id)
    return item.result.claims[index], item.packages[index]


def test_the_index_lists_the_three_changelogs_with_their_version_pairs() -> None:
    pairs = {}
    for entry in INDEX:
        claims = load_claims(entry.claims, Diagnostics())
        pairs[entry.version] = (claims.base, claims.target)
    assert pairs == {"2.11": ("2.10", "2.11"), "2.13": ("2.12", "2.13"), "Unstable": ("2.13", "Unstable")}


def test_claims_files_load_without_diagnostics() -> None:
    _, diagnostics = real_run()
    assert diagnostics == ()


@pytest.mark.parametrize(("changelog", "claim_id"), CLAIMS, ids=[f"{c}:{i}" for c, i in CLAIMS])
def test_claim_has_its_expected_verdict(changelog: str, claim_id: str) -> None:
    result, _ = _claim(changelog, claim_id)
    assert result.verdict == result.claim.expected, result.reason


@pytest.mark.parametrize(("changelog", "claim_id"), CLAIMS, ids=[f"{c}:{i}" for c, i in CLAIMS])
def test_generated_package_confirms_structural_claim(changelog: str, claim_id: str) -> None:
    result, package = _claim(changelog, claim_id)
    structural = any(a.package_checked() for a in result.claim.asserts)
    with_package = bool(_versions(result) & CLIENT_VERSIONS)
    if structural and with_package:
        assert package.status == "confirmed", [c.found for c in package.checks if not c.agrees]
        assert package.checks
    else:
        assert package.status == "not-applicable"


def _versions(result: ClaimResult) -> set[str]:
    return {name for item in result.items for name in item.findings}


@pytest.mark.parametrize("changelog", [e.version for e in INDEX])
def test_every_statement_is_covered(changelog: str) -> None:
    report, _ = real_run()
    item = next(c for c in report.changelogs if c.result.name == changelog)
    assert [s.statement.text for s in item.result.uncovered] == []
    assert len(item.result.statements) > 20


@pytest.mark.parametrize("entry", INDEX, ids=[e.version for e in INDEX])
def test_quotes_occur_verbatim_in_the_text(entry: ChangelogEntry) -> None:
    text = entry.text.read_text(encoding="utf-8")
    flat = normalise(text)
    claims = load_claims(entry.claims, Diagnostics())
    quotes = [q for c in claims.claims for q in c.quotes] + [n.quote for n in claims.not_claims]
    changelog = parse_changelog(entry.version, text)
    for quote in quotes:
        assert changelog.find(quote), quote
        # verbatim up to whitespace: the words appear in this order in the raw text too
        assert normalise(quote).replace(" ", "") in flat.replace(" ", "")


def test_every_finding_says_why() -> None:
    report, _ = real_run()
    for item in report.changelogs:
        for claim in item.result.claims:
            if claim.verdict in ("contradicted", "partial", "not-new"):
                assert claim.reason and claim.evidence, claim.claim.id
                assert all(e.pointer.startswith("/") for e in claim.evidence if e.found != "not declared")


def test_findings_a_careful_reading_of_the_specs_gives() -> None:
    """Spot checks of the verdicts that matter most, with the reasons the specs give."""
    messenger, _ = _claim("2.11", "data-attribute-messenger-writable")
    assert messenger.verdict == "not-new"
    assert any(
        e.version == "2.10" and e.pointer.endswith("data_attribute/properties/messenger_writable")
        for e in messenger.evidence
    )
    delete_by_id, _ = _claim("2.13", "delete-custom-object-instance-by-id")
    assert "external_id" in delete_by_id.reason and "not id" in delete_by_id.reason
    not_found, _ = _claim("Unstable", "show-contact-by-external-id-not-found")
    assert not_found.verdict == "contradicted" and "200, 401" in not_found.reason
    sample, _ = _claim("2.13", "create-ticket-request-sample")
    assert "/ticket_type_id" in sample.reason


def test_contract_command_json_gives_a_verdict_for_every_statement(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["contract", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert status == 0
    assert document["problems"] == []
    for claim in document["claims"]:
        assert {"id", "changelog", "quote", "asserts", "verdict", "evidence"} <= set(claim)
        assert claim["verdict"] == claim["expected"]
    claim_ids = {(c["changelog"], c["id"]) for c in document["claims"]}
    for statement in document["statements"]:
        assert statement["claims"] or statement["not_a_claim"], statement["text"]
        assert all((statement["changelog"], i) in claim_ids for i in statement["claims"])
    counts = {
        name: len([s for s in document["statements"] if s["changelog"] == name])
        for name in ("2.11", "2.13", "Unstable")
    }
    assert counts == {name: document["summary"][name]["statements"] for name in counts}


def test_contract_command_text_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["contract"]) == 0
    text = capsys.readouterr().out
    assert "2.11 (2.10 -> 2.11)" in text and "every claim has its expected verdict" in text
    assert main(["contract", "--format", "md"]) == 0
    assert "| changelog | versions |" in capsys.readouterr().out
