"""The review a maintainer does, as tests: placeholder spellings, new operations, request samples,
definition bullets, the order of errors, the new kinds, doc-only evidence, unreviewed drafts, and
how much of the review the draft does on the three changelogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from contract_support import make, real_run, write

from generator.cli.app import main
from generator.contract.claims import Claim
from generator.contract.draft import draft_claims
from generator.contract.evaluate import ClaimResult, pair_verdict
from generator.contract.package import Confirmer
from generator.contract.samples import payload_of
from generator.contract.statements import parse_changelog, split_prose
from generator.contract.versions import all_versions, load_version
from tests.support import GENERATED


def _verdict(kind: str, fields: dict[str, Any], base: str = "2.13", target: str = "Unstable") -> tuple[str, str]:
    item = pair_verdict(make(kind, fields), load_version(base), load_version(target), None)
    return item.verdict, item.reason


def test_endpoint_placeholders_are_normalised() -> None:
    # the spec spells {id}; a changelog writing another name means the same endpoint, and it is not new
    assert load_version("2.13").operation("PUT /internal_articles/{internal_article_id}") is not None
    assert _verdict("operation-added", {"operation": "PUT /internal_articles/{internal_article_id}"})[0] == "not-new"
    assert _verdict("operation-added", {"operation": "GET /calls/{call_id}"})[0] == "holds"


def test_an_endpoint_in_no_version_is_contradicted_not_an_unknown_name() -> None:
    assert _verdict("operation-added", {"operation": "GET /frobnicate"})[0] == "contradicted"
    removed = _verdict("operation-removed", {"operation": "GET /frobnicate"})
    assert removed[0] == "not-new"  # absent before and after: nothing was removed here


def test_a_status_of_a_new_operation_agrees_with_the_package_that_lacks_it() -> None:
    assertion = make("response-status", {"operation": "GET /calls", "status": "200"})
    base, target = load_version("2.13"), load_version("Unstable")
    item = pair_verdict(assertion, base, target, None)
    assert item.verdict == "holds"
    claim = Claim("c", "q", (assertion,), "holds", "/claims/0")
    result = Confirmer(all_versions(), GENERATED).confirm(ClaimResult("x", claim, "holds", "", (item,)))
    assert result.status == "confirmed", [c.found for c in result.checks]


def test_a_sample_written_as_an_http_request_is_read_as_its_body() -> None:
    assert payload_of('POST /tickets {"ticket_type_id": "1"}') == {"ticket_type_id": "1"}
    fenced = '```http\nPOST /tickets HTTP/1.1\nContent-Type: application/json\n\n{"a": [1]}\n```'
    assert payload_of(fenced) == {"a": [1]}
    with pytest.raises(ValueError, match="no body"):
        payload_of("DELETE /tickets/1")


def test_a_definition_bullet_is_one_statement() -> None:
    assert split_prose("- `name` - The name of the call. - `id` - The id") == [
        "- `name` - The name of the call.",
        "- `id` - The id",
    ]
    changelog = parse_changelog("t", "### Calls\n\n- `state` - The state of the call\n- `id` - Its id\n")
    assert [s.text for s in changelog.statements] == [
        "### Calls",
        "- `state` - The state of the call",
        "- `id` - Its id",
    ]


def test_review_errors_come_in_document_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli.app import print_diagnostics
    from generator.core.diagnostics import Diagnostics

    diagnostics = Diagnostics()
    for pointer in ("/not_claims/89", "/not_claims/9", "/claims/10", "/claims/2"):
        diagnostics.error("x.claims.yaml", pointer, "bad", code="claims-invalid")
    print_diagnostics(list(diagnostics))
    lines = [line.split(" at ")[1].split(":")[0] for line in capsys.readouterr().err.splitlines()]
    assert lines == ["/claims/2", "/claims/10", "/not_claims/9", "/not_claims/89"]


@pytest.mark.parametrize(
    ("kind", "fields", "verdict"),
    [
        ("enum-value-added", {"schema": "message", "property": "message_type", "value": "whatsapp"}, "holds"),
        ("enum-value-added", {"schema": "message", "property": "message_type", "value": "email"}, "not-new"),
        ("enum-value-added", {"schema": "message", "property": "message_type", "value": "fax"}, "contradicted"),
        ("enum-value-removed", {"schema": "ai_agent", "property": "resolution_state", "value": "abandoned"}, "holds"),
        ("enum-value-added", {"schema": "intercom_version", "value": "Unstable"}, "holds"),
        ("property-removed", {"schema": "update_ticket_request", "property": "assignment"}, "holds"),
        ("property-removed", {"schema": "contact", "property": "email"}, "contradicted"),
        (
            "type-changed",
            {"operation": "GET /internal_articles/search", "parameter": "folder_id", "type": "integer"},
            "holds",
        ),
        (
            "type-changed",
            {"schema": "create_data_attribute_request", "property": "options", "type": "array"},
            "not-new",
        ),
        ("parameter-added", {"operation": "DELETE /conversations/{id}", "parameter": "retain_metrics"}, "holds"),
        (
            "parameter-removed",
            {"operation": "DELETE /conversations/{id}", "parameter": "retain_metrics"},
            "contradicted",
        ),
        ("property-added", {"schema": "create_ticket_request", "property": "assignment.admin_assignee_id"}, "holds"),
        ("property-added", {"schema": "create_data_attribute_request", "property": "options[].value"}, "holds"),
        ("response-content-type", {"operation": "GET /calls", "content_type": "application/json"}, "holds"),
        ("response-content-type", {"operation": "GET /calls", "content_type": "text/csv"}, "contradicted"),
        ("limit", {"operation": "GET /calls", "parameter": "per_page", "maximum": 25}, "unverifiable"),
        ("default-value", {"operation": "GET /calls", "parameter": "per_page", "default": 25}, "unverifiable"),
    ],
)
def test_the_new_kinds(kind: str, fields: dict[str, Any], verdict: str) -> None:
    found, reason = _verdict(kind, fields)
    assert found == verdict, reason


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"kind": "limit", "operation": "GET /calls", "parameter": "per_page"}, "needs one of minimum"),
        ({"kind": "enum-value-added", "operation": "GET /calls", "value": "x"}, "needs a property"),
        (
            {"kind": "type-changed", "schema": "contact", "property": "id", "type": 3.5, "in": "q"},
            "unknown field(s) in",
        ),
        (
            {"kind": "nullability", "property": "id", "schema": "contact", "nullable": "yes"},
            "nullable: expected true or false",
        ),
        ({"kind": "operation-added", "operations": "deleteTicket"}, "operations: expected a list of strings"),
    ],
)
def test_bad_assertions_say_what_is_wrong(raw: dict[str, Any], message: str) -> None:
    from generator.contract.kinds import AssertionError_, parse_assertion

    with pytest.raises(AssertionError_, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_assertion(raw, "/claims/0/asserts")


def test_prose_and_examples_get_doc_only_on_the_seed_changelogs() -> None:
    report, _ = real_run()
    verdicts: dict[str, set[str]] = {}
    for item in report.changelogs:
        for claim in item.result.claims:
            for result in claim.items:
                verdicts.setdefault(result.assertion.evidence, set()).add(result.verdict)
    assert "holds" not in verdicts["documentation"]  # the client shows none of it
    assert "doc-only" in verdicts["documentation"]
    assert "doc-only" not in verdicts["structural"]


def test_a_draft_accepted_without_review_is_reported_as_unreviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    from generator.contract import run as run_module

    text = (Path(__file__).parents[2] / "specs" / "changelogs" / "2.11.txt").read_text(encoding="utf-8")
    draft = draft_claims("2.11", text, load_version("2.10"), load_version("2.11"))
    write(tmp_path / "t.txt", text)
    write(tmp_path / "t.claims.yaml", draft)
    index = write(tmp_path / "index.yaml", "changelogs:\n  - {version: '2.11', text: t.txt, claims: t.claims.yaml}\n")
    original = run_module.run_contracts

    def on_this_index(*args: Any, **kwargs: Any) -> Any:
        return original(*args, **{**kwargs, "index": index, "use_diff": False})

    monkeypatch.setattr(run_module, "run_contracts", on_this_index)
    assert main(["contract"]) == 1
    out, err = capsys.readouterr()
    assert "is unreviewed" in out and "drafted:" in out
    assert "claims-unreviewed" in err and "never reviewed" in err
    write(tmp_path / "t.claims.yaml", re.sub(r"^    drafted: .*\n", "", draft, flags=re.MULTILINE))
    assert main(["contract"]) == 0  # once every mark is removed, the verdicts are the contract
    assert "every claim has its expected verdict" in capsys.readouterr().out


def test_the_draft_does_most_of_the_review_on_the_three_changelogs() -> None:
    from benchmarks.draft_quality import measure

    per, total = measure()
    assert total.agreement >= 0.75, total
    assert total.total().precision >= 0.85 and total.total().recall >= 0.6
    for comparison in per.values():
        assert comparison.agreement >= 0.6
    scores = {s.kind: s for s in total.scores}
    assert scores["operation-added"].recall >= 0.75 and scores["not-a-claim"].precision >= 0.9


def test_a_draft_of_an_unseen_changelog(tmp_path: Path) -> None:
    """Endpoints written as `GET /calls`, fields of the section's operation, enum values, removals,
    and something the target lacks."""
    text = (
        "## New endpoints\n\n### `GET /calls`\nList calls.\n\n### `GET /calls/{call_id}`\nRetrieve a call.\n\n"
        "## Changes\n\n### `PUT /internal_articles/{internal_article_id}`\n"
        "You can now set `folder_id` when updating an internal article.\n\n"
        "- `assignment` - removed from the update ticket request.\n"
        "- The `message_type` of a message now accepts `whatsapp`.\n"
        "- `GET /frobnicate` was added.\n\n"
        "## `DELETE /conversations/{conversation_id}`\nAdded the `retain_metrics` query parameter.\n\n"
        "## Removed\n- The `abandoned` value of `ai_agent.resolution_state` was removed.\n"
    )
    import yaml

    document = yaml.safe_load(draft_claims("new", text, load_version("2.13"), load_version("Unstable")))
    claims = [(c["asserts"], c["expected"]) for c in document["claims"]]
    assert ({"kind": "operation-added", "operation": "GET /calls"}, "holds") in claims
    assert ({"kind": "operation-added", "operation": "GET /calls/{id}"}, "holds") in claims
    body = {"kind": "body-property-added", "operation": "updateInternalArticle", "property": "folder_id"}
    assert (body, "holds") in claims  # not the folder_id of article list items
    removed = {"kind": "property-removed", "property": "assignment", "schema": "update_ticket_request"}
    assert (removed, "holds") in claims
    assert any(a["kind"] == "enum-value-added" and a["value"] == "whatsapp" and v == "holds" for a, v in claims)
    assert ({"kind": "operation-added", "operation": "GET /frobnicate"}, "contradicted") in claims
    assert not any(a["kind"] == "operation-removed" for a, _ in claims)
    parameter = {"kind": "parameter-added", "operation": "DELETE /conversations/{id}", "parameter": "retain_metrics"}
    assert ({**parameter, "in": "query"}, "holds") in claims
    assert not any(a == {"kind": "operation-added", "operation": "deleteConversation"} for a, _ in claims)  # a heading
    removed_values = [a["value"] for a, v in claims if a["kind"] == "enum-value-removed" and v == "holds"]
    assert removed_values == ["abandoned"]  # the value named, not every value the diff removes
