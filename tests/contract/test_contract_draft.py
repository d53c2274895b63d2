"""``intercom-gen changelog draft``: proposals from the three changelog texts, and what a draft is."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from contract_support import write

from generator.cli.app import main
from generator.contract.claims import CHANGELOG_DIR, load_claims
from generator.contract.draft import draft_claims
from generator.contract.versions import load_version
from generator.core.diagnostics import Diagnostics


@functools.cache
def drafted_text(name: str, base: str, target: str) -> str:
    text = (CHANGELOG_DIR / f"{name}.txt").read_text(encoding="utf-8")
    return draft_claims(name, text, load_version(base), load_version(target))


def drafted(name: str, base: str, target: str) -> dict[str, Any]:
    document = yaml.safe_load(drafted_text(name, base, target))
    assert isinstance(document, dict)
    return document


def _claims(document: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    return [(claim["asserts"], claim["expected"]) for claim in document["claims"]]


def _operation(ref: str, version: str) -> str:
    op = load_version(version).operation(ref)
    assert op is not None, ref
    return op.key


def test_2_11_draft_places_names_on_the_schemas_and_bodies_the_text_is_about() -> None:
    document = drafted("2.11", "2.10", "2.11")
    assert (document["base"], document["target"]) == ("2.10", "2.11")
    claims = _claims(document)
    model = {"kind": "property-added", "schema": "data_attribute", "property": "messenger_writable"}
    assert (model, "not-new") in claims  # "The Data Attribute model now includes ..."
    body = {"kind": "body-property-added", "operation": "createConversation", "property": "created_at"}
    assert (body, "holds") in claims  # "The request body of the Create a conversation endpoint ..."
    assert ({"kind": "example-validates", "operation": "createDataAttribute"}, "not-new") in claims
    samples = [a for a, _ in claims if a["kind"] == "example-validates"]
    assert {"kind": "example-validates", "operation": "createDataAttribute", "status": "200"} in samples


def test_2_13_draft_resolves_links_and_tag_names_to_operations() -> None:
    claims = _claims(drafted("2.13", "2.12", "2.13"))
    added = {_operation(a["operation"], "2.13"): v for a, v in claims if a["kind"] == "operation-added"}
    for operation in ("createCustomObjectInstances", "BlockContact", "deleteConversation", "deleteTicket"):
        assert added[_operation(operation, "2.13")] == "holds"
    bodies = {a["operation"] for a, v in claims if a.get("property") == "skip_notifications" and v == "holds"}
    assert {_operation(o, "2.13") for o in bodies} == {"POST /tickets", "PUT /tickets/{id}", "POST /tickets/{id}/reply"}


def test_unstable_draft_gives_the_verdicts_the_specs_give() -> None:
    document = drafted("unstable", "2.13", "Unstable")
    claims = _claims(document)
    assert ({"kind": "example-validates", "operation": "createTicket"}, "contradicted") in claims
    assert ({"kind": "version-header", "value": "Unstable"}, "holds") in claims
    status = {"kind": "response-status", "operation": "GET /contacts/find_by_external_id/{external_id}"}
    assert ({**status, "status": "404"}, "contradicted") in claims  # the spec documents 200 and 401 only
    assert (
        {"kind": "searchable-field", "operation": "SearchContacts", "field": "formatted_phone"},
        "doc-only",
    ) in claims
    reasons = {n["quote"]: n["reason"] for n in document["not_claims"]}
    assert reasons["Loading..."] == 'interactive "try it" widget of the web page'
    kinds = {a["kind"] for a, _ in claims}
    assert {"doc-only", "unverifiable"} <= kinds  # prose-only statements become claims with a reason


def test_every_entry_of_a_draft_is_marked_and_the_marks_make_it_unreviewed(tmp_path: Path) -> None:
    draft = drafted_text("2.11", "2.10", "2.11")
    document = yaml.safe_load(draft)
    entries = document["claims"] + document["not_claims"]
    assert all(str(e["drafted"]).startswith("confidence ") for e in entries)
    assert all("specs: " in e["drafted"] for e in document["claims"])
    diagnostics = Diagnostics()
    claims = load_claims(write(tmp_path / "draft.claims.yaml", draft), diagnostics)
    assert list(diagnostics) == []  # a draft loads: every verdict and name in it is real
    assert len(claims.unreviewed) == len(entries)
    reviewed = re.sub(r"^    drafted: .*\n", "", draft, flags=re.MULTILINE)
    assert load_claims(write(tmp_path / "reviewed.claims.yaml", reviewed), Diagnostics()).unreviewed == ()


def test_changelog_draft_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "new.txt", "We added `ai_agent_participated` to conversations.\n")
    assert main(["changelog", "draft", str(path), "--base", "2.10", "--target", "2.11"]) == 0
    out = capsys.readouterr().out
    assert '"schema": "conversation", "property": "ai_agent_participated"' in out
    assert "expected: holds" in out and "drafted: " in out
    assert main(["changelog", "draft", str(tmp_path / "missing.txt"), "--base", "2.10", "--target", "2.11"]) == 1
    assert "file not found" in capsys.readouterr().err
