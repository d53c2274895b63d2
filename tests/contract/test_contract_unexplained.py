"""Diff entries no claim explains, with a fake diff (the real one is pluggable through generator.diff)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from contract_support import make, real_run, tiny_pair

from generator.contract.report import render_json, render_markdown, render_text
from generator.contract.run import run_contracts
from generator.contract.unexplained import severity, subject, unexplained
from generator.core.diagnostics import Diagnostics
from generator.ir.model import Api
from tests.support import GENERATED


@dataclass(frozen=True)
class FakeChange:
    id: str
    severity: Any
    operation: str | None
    schema: str | None
    property: str | None
    message: str


def _subject(kind: str, **fields: Any) -> Any:
    base, target = tiny_pair()
    found = subject(make(kind, fields, ""), base, target)
    assert found is not None
    return found


def test_claims_explain_changes_on_what_they_name() -> None:
    added_op = _subject("operation-added", operation="ShowContact")
    assert added_op.explains(FakeChange("api-path-added", "non-breaking", "GET /contacts/{id}", None, None, "m"))
    assert not added_op.explains(FakeChange("api-path-added", "non-breaking", "POST /contacts", None, None, "m"))
    prop = _subject("property-added", schema="contact", property="phone", via="ShowContact")
    assert prop.explains(FakeChange("property-added", "non-breaking", None, "contact", "phone", "m"))
    assert not prop.explains(FakeChange("property-added", "non-breaking", None, "contact", "email", "m"))
    assert not prop.explains(FakeChange("response-changed", "info", "GET /contacts/{id}", None, None, "m"))
    body = _subject("body-property-added", operation="createContact", property="email")
    assert body.explains(FakeChange("request-property-added", "non-breaking", "POST /contacts", None, "email", "m"))
    assert _subject("version-header", value="9.9").explains(
        FakeChange("enum-added", "info", None, "intercom_version", None, "m")
    )
    assert subject(make("doc-only", {"reason": "r"}, ""), *tiny_pair()) is None


CHANGES = [
    FakeChange("property-added", "non-breaking", None, "conversation_part", "app_package_code", "a claimed change"),
    FakeChange("enum-value-added", "info", None, "intercom_version", None, "new version value"),
    FakeChange("property-added", "non-breaking", None, "contact", "zzz_unclaimed", "nobody mentions this"),
    FakeChange("api-path-removed", "breaking", "GET /somewhere", None, None, "gone"),
]


def fake_diff(old: Api, new: Api) -> list[FakeChange]:
    return CHANGES


def test_unexplained_changes_are_listed_breaking_first() -> None:
    report = run_contracts(Diagnostics(), generated=GENERATED, diff=fake_diff)
    by_name = {item.result.name: item for item in report.changelogs}
    listed = by_name["2.13"].unexplained
    assert listed is not None
    assert [c.id for c in listed] == ["api-path-removed", "property-added", "enum-value-added"]
    assert [c.id for c in by_name["Unstable"].unexplained or ()] == [
        "api-path-removed",
        "property-added",
        "property-added",
    ]
    markdown = render_markdown(report)
    assert "- breaking: `api-path-removed` GET /somewhere: gone" in markdown
    assert "3 changes (1 breaking, 1 non-breaking, 1 info), breaking first:" in markdown
    assert "a claimed change" not in markdown.split("## Unstable")[0].split("## 2.13")[1]
    assert '"available": true' in render_json(report)
    assert "changes no claim explains: 3 (1 breaking)" in render_text(report)


def test_a_run_without_the_diff_says_so() -> None:
    report = run_contracts(Diagnostics(), generated=GENERATED, use_diff=False)
    assert not report.diff_available
    assert "changes no claim explains were not computed for this run" in render_markdown(report)


def test_the_committed_run_lists_unexplained_changes_breaking_first() -> None:
    report, _ = real_run()
    assert report.diff_available
    for item in report.changelogs:
        assert item.unexplained is not None
        order = [severity(change) for change in item.unexplained]
        assert order == sorted(order, key=["breaking", "non-breaking", "info"].index)


def test_schemas_that_come_with_an_added_operation_or_property_are_explained() -> None:
    def add(spec: dict[str, Any]) -> None:
        schemas = spec["components"]["schemas"]
        schemas["contact_blocked"] = {"type": "object", "properties": {"id": {"type": "string"}}}
        schemas["phone_details"] = {"type": "object", "properties": {"e164": {"$ref": "#/components/schemas/e164"}}}
        schemas["e164"] = {"type": "string"}
        schemas["contact_blocked"]["properties"]["error"] = {"$ref": "#/components/schemas/error"}
        schemas["contact"]["properties"]["phone"] = {"$ref": "#/components/schemas/phone_details"}
        spec["paths"]["/contacts/{id}/block"] = {
            "post": {
                "operationId": "BlockContact",
                "tags": ["Contacts"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/contact_blocked"}}},
                    }
                },
            }
        }

    base, target = tiny_pair(add)
    block = subject(make("operation-added", {"operation": "BlockContact"}, ""), base, target)
    phone = subject(make("property-added", {"schema": "contact", "property": "phone"}, ""), base, target)
    assert block is not None and phone is not None
    assert block.explains(FakeChange("schema-added", "non-breaking", None, "contact_blocked", None, "m"))
    assert phone.explains(FakeChange("schema-added", "non-breaking", None, "phone_details", None, "m"))
    assert phone.explains(FakeChange("schema-added", "non-breaking", None, "e164", None, "m"))
    assert not block.explains(FakeChange("property-added", "non-breaking", None, "error", "code", "m"))
    assert not phone.explains(FakeChange("property-added", "non-breaking", None, "contact", "email", "m"))
    old = subject(make("operation-added", {"operation": "ShowContact"}, ""), base, target)
    assert old is not None and not old.explains(FakeChange("property-added", "info", None, "contact", "role", "m"))


class Severity(str, enum.Enum):
    BREAKING = "breaking"
    INFO = "info"


def test_string_enum_severities_are_shown_as_their_value() -> None:
    changes = [
        FakeChange("b", Severity.INFO, None, "x", None, "m"),
        FakeChange("a", Severity.BREAKING, None, "y", None, "m"),
    ]
    base, target = tiny_pair()
    report, _ = real_run()
    result = report.changelogs[0].result
    ordered = unexplained(changes, result, base, target)  # type: ignore[arg-type]
    assert [severity(c) for c in ordered] == ["breaking", "info"]
