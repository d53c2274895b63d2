"""``intercom-gen changelog draft``: proposals from the three changelog texts."""

from __future__ import annotations

import functools
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
def drafted(name: str, base: str, target: str) -> dict[str, Any]:
    text = (CHANGELOG_DIR / f"{name}.txt").read_text(encoding="utf-8")
    document = yaml.safe_load(draft_claims(name, text, load_version(base), load_version(target)))
    assert isinstance(document, dict)
    return document


def _asserts(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [claim["asserts"] for claim in document["claims"]]


def test_2_11_draft_proposes_messenger_writable_where_the_spec_declares_it() -> None:
    document = drafted("2.11", "2.10", "2.11")
    assert (document["base"], document["target"]) == ("2.10", "2.11")
    asserts = _asserts(document)
    assert {"kind": "property-added", "schema": "data_attribute", "property": "messenger_writable"} in asserts
    assert {
        "kind": "body-property-added",
        "operation": "createDataAttribute",
        "property": "messenger_writable",
    } in asserts
    assert {"kind": "body-property-added", "operation": "createConversation", "property": "created_at"} in asserts
    assert {"kind": "body-property-added", "operation": "createTicket", "property": "company_id"} in asserts
    assert {"kind": "example-validates", "operation": "createDataAttribute"} in asserts  # from the curl sample
    assert {"kind": "example-validates", "schema": "data_attribute"} in asserts  # from the JSON response


def test_2_13_draft_matches_reference_links_to_operation_ids() -> None:
    asserts = _asserts(drafted("2.13", "2.12", "2.13"))
    for operation in (
        "createCustomObjectInstances",
        "getCustomObjectInstancesById",
        "deleteCustomObjectInstancesByExternalId",
        "ShowContactByExternalId",
        "BlockContact",
        "deleteConversation",
        "deleteTicket",
    ):
        assert {"kind": "operation-added", "operation": operation} in asserts
    for operation in ("createTicket", "updateTicket", "replyTicket"):
        assert {"kind": "body-property-added", "operation": operation, "property": "skip_notifications"} in asserts
    assert {"kind": "schema-added", "schema": "operator_workflow_event"} in asserts


def test_unstable_draft_matches_paths_and_curl_samples() -> None:
    document = drafted("unstable", "2.13", "Unstable")
    asserts = _asserts(document)
    assert {"kind": "operation-added", "operation": "ShowContactByExternalId"} in asserts  # from the plain URL
    assert {"kind": "operation-added", "operation": "deleteTicket"} in asserts  # from curl -X DELETE
    assert {"kind": "example-validates", "operation": "createTicket"} in asserts
    assert {"kind": "property-added", "schema": "contact", "property": "formatted_phone"} in asserts
    assert "Loading..." in [n["quote"] for n in document["not_claims"]]


def test_every_drafted_quote_is_found_and_todo_blocks_loading(tmp_path: Path) -> None:
    text = (CHANGELOG_DIR / "2.11.txt").read_text(encoding="utf-8")
    draft = draft_claims("2.11", text, load_version("2.10"), load_version("2.11"))
    assert "expected: REVIEW  # specs say not-new: data_attribute.messenger_writable is declared in 2.10" in draft
    diagnostics = Diagnostics()
    claims = load_claims(write(tmp_path / "draft.claims.yaml", draft), diagnostics)
    todo = [d for d in diagnostics if "still says REVIEW" in d.message]
    assert len(todo) == len(claims.claims) + len(yaml.safe_load(draft)["not_claims"]) > 0


def test_changelog_draft_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "new.txt", "We added `ai_agent_participated` to conversations.\n")
    assert main(["changelog", "draft", str(path), "--base", "2.10", "--target", "2.11"]) == 0
    out = capsys.readouterr().out
    assert '"schema": "conversation", "property": "ai_agent_participated"' in out
    assert "specs say holds" in out
    assert main(["changelog", "draft", str(tmp_path / "missing.txt"), "--base", "2.10", "--target", "2.11"]) == 1
    assert "file not found" in capsys.readouterr().err
