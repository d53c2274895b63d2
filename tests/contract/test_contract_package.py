"""Package confirmation: the generated packages agree with the spec findings, and disagreement shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from contract_support import make, write

from generator.contract.checks import Finding, Truth
from generator.contract.claims import Claim
from generator.contract.evaluate import ClaimResult, ItemResult
from generator.contract.package import Confirmer, PackageError, import_package
from generator.contract.versions import all_versions
from tests.support import GENERATED


def _confirm(kind: str, fields: dict[str, Any], truth: Truth, version: str = "2.13", payload: Any = None) -> Any:
    assertion = make(kind, fields, "")
    item = ItemResult(assertion, "holds", "", (), {version: Finding(truth, "")})
    claim = Claim("c", "q", (assertion,), "holds", "/claims/0")
    return Confirmer(all_versions(), GENERATED).confirm(ClaimResult("x", claim, "holds", "", (item,), payload=payload))


def test_a_field_the_spec_declares_but_the_model_lacks_is_a_mismatch() -> None:
    result = _confirm("property-added", {"schema": "conversation_part", "property": "no_such_field"}, Truth.TRUE)
    assert result.status == "mismatch"
    assert result.checks[0].found == "no no_such_field on ConversationPart"


def test_a_field_the_spec_lacks_but_the_model_has_is_a_mismatch() -> None:
    result = _confirm("property-added", {"schema": "conversation_part", "property": "app_package_code"}, Truth.FALSE)
    assert result.status == "mismatch"


def test_methods_and_their_parameters() -> None:
    ok = _confirm(
        "operation-added", {"operation": "ShowContactByExternalId", "parameters": ["external_id"]}, Truth.TRUE
    )
    assert (
        ok.status == "confirmed" and ok.checks[0].found == "show_contact_by_external_id(external_id, request_options)"
    )
    absent = _confirm("operation-added", {"operation": "deleteTicket"}, Truth.FALSE, version="2.11")
    assert absent.status == "confirmed" and "no method" in absent.checks[0].found


def test_nullable_and_optional_fields() -> None:
    nullable = _confirm(
        "nullability", {"schema": "conversation_part", "property": "app_package_code", "nullable": True}, Truth.TRUE
    )
    assert nullable.status == "confirmed"
    required = _confirm(
        "nullability", {"schema": "admin_reply_ticket_request", "property": "admin_id", "required": False}, Truth.TRUE
    )
    assert required.status == "mismatch" and "required" in required.checks[0].found


def test_defaults_the_spec_does_not_declare_are_not_invented() -> None:
    result = _confirm(
        "default-value",
        {"operation": "createTicket", "property": "skip_notifications", "default": False},
        Truth.UNKNOWN,
    )
    assert result.status == "confirmed" and result.checks[0].found.startswith("default None")
    wrong = _confirm(
        "default-value", {"operation": "createTicket", "property": "skip_notifications", "default": False}, Truth.TRUE
    )
    assert wrong.status == "mismatch"


def test_samples_must_parse_when_the_spec_accepts_them() -> None:
    good = {"ticket_type_id": "1", "contacts": [{"id": "x"}], "skip_notifications": True}
    assert _confirm("example-validates", {"operation": "createTicket"}, Truth.TRUE, payload=good).status == "confirmed"
    bad = {"ticket_type_id": "1", "contacts": "nobody"}
    rejected = _confirm("example-validates", {"operation": "createTicket"}, Truth.TRUE, payload=bad)
    assert rejected.status == "mismatch" and rejected.checks[0].found.startswith("rejects it")
    lenient = _confirm("example-validates", {"operation": "createTicket"}, Truth.FALSE, payload=bad)
    assert lenient.status == "confirmed"


def test_version_header_and_baselines() -> None:
    assert _confirm("version-header", {"value": "Unstable"}, Truth.TRUE, version="Unstable").status == "confirmed"
    assert _confirm("version-header", {"value": "2.12"}, Truth.TRUE).status == "mismatch"
    baseline = _confirm("schema-added", {"schema": "ticket"}, Truth.TRUE, version="2.12")
    assert (baseline.status, baseline.note) == ("not-applicable", "only baseline versions (no package)")


# kinds whose subject a generated package does not show: types and bounds (the tolerant models do
# not enforce them), media types (every response is read the same way), prose and reasons
_NOTHING_SHOWN = {
    "type-changed",
    "limit",
    "response-content-type",
    "searchable-field",
    "documented",
    "doc-only",
    "unverifiable",
}


def test_every_structural_kind_carries_a_package_check() -> None:
    from generator.contract.kinds import ALL_KINDS
    from generator.contract.kinds.base import Assertion

    for cls in ALL_KINDS:
        overrides = cls.confirm is not Assertion.confirm
        assert overrides == (cls.kind not in _NOTHING_SHOWN), cls.kind


def test_a_missing_package_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="generated/nothing_here is missing"):
        import_package("nothing_here", tmp_path)
    write(tmp_path / "json" / "__init__.py", "")
    with pytest.raises(PackageError, match="another module named 'json'"):
        import_package("json", tmp_path)
