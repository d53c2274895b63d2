"""``intercom-gen impact``: the call sites of an application that a version bump breaks.

The application under ``tests/fixtures/impact/crm_v2_11`` is written against the 2.11 client
(``v2_11``, imported under an alias too): resources kept in variables, loops over paginated
results, attribute chains, keyword and positional calls. Every line it marks ``# breaks`` must be a
finding on 2.13, and no other line.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli.app import main

APP = Path(__file__).resolve().parent.parent / "fixtures" / "impact" / "crm_v2_11"

EXPECTED = {
    ("admin.py", "retrieve_admin(admin_id)"): "parameter-type-changed:GET /admins/{id}:path parameter:id",
    ("admin.py", "list_data_attributes("): "operation-id-changed:GET /data_attributes",
    ("admin.py", "export.job_identifier"): "property-removed:schema data_export:job_identifier",
    ("admin.py", "list_news_items().data"): "property-type-changed:GET /news/news_items:response 200:data",
    (
        "contacts.py",
        "show_contact(contact_id=contact_id)",
    ): "path-parameter-renamed:GET /contacts/{id}:path parameter:id",
    ("contacts.py", "contact.formatted_phone"): "property-removed:schema contact:formatted_phone",
    ("contacts.py", "list_contacts(per_page=50)"): "parameter-removed:GET /contacts:query parameter:per_page",
    ("contacts.py", "contact.location.type"): "response-property-became-nullable:schema contact_location:type",
    ("conversations.py", "item.custom_attributes"): "property-removed:schema conversation_list_item:custom_attributes",
    ("tickets.py", "ticket_state_internal_label"): "property-removed:schema ticket:ticket_state_internal_label",
    ("tickets.py", "ticket.ticket_state})"): "property-type-changed:schema ticket:ticket_state",
    ("tickets.py", "UpdateTicketRequest(state="): "property-removed:schema update_ticket_request:state",
    (
        "tickets.py",
        'update_ticket(ticket_id, state="in_progress"',
    ): "property-removed:schema update_ticket_request:state",
}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["impact", *args])
    return status, out.getvalue(), err.getvalue()


@functools.cache
def findings() -> tuple[int, list[dict[str, Any]]]:
    status, out, err = run("2.11", "2.13", str(APP), "--format", "json")
    assert err == "", err
    document = json.loads(out)
    assert list(document) == ["findings"]
    found: list[dict[str, Any]] = document["findings"]
    return status, found


def line_of(file: str, fragment: str) -> int:
    lines = (APP / "crm" / file).read_text().splitlines()
    (number,) = [i for i, line in enumerate(lines, 1) if fragment in line]
    return number


def test_exactly_the_marked_call_sites_break() -> None:
    marked = {
        (path.name, number)
        for path in sorted((APP / "crm").glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "# breaks" in line
    }
    status, found = findings()
    assert status == 1
    assert {(Path(f["file"]).name, f["line"]) for f in found} == marked
    assert len(found) == len(marked) == len(EXPECTED)


def test_each_finding_names_the_change_that_causes_it() -> None:
    _, found = findings()
    by_site = {(Path(f["file"]).name, f["line"]): f for f in found}
    for (file, fragment), key in EXPECTED.items():
        finding = by_site[(file, line_of(file, fragment))]
        assert finding["key"] == key, fragment
        assert finding["rule"] == key.split(":", 1)[0]
        assert list(finding) == ["file", "line", "rule", "key", "message", "fix"]


def test_fixes_are_said_in_python_terms() -> None:
    _, found = findings()
    fixes = {f["key"]: f["fix"] for f in found}
    assert fixes["path-parameter-renamed:GET /contacts/{id}:path parameter:id"] == (
        "rename the `contact_id=` argument to `id=` (or pass it positionally)"
    )
    assert fixes["operation-id-changed:GET /data_attributes"] == "`list_data_attributes` is now `lis_data_attributes`"
    assert fixes["property-removed:schema ticket:ticket_state_internal_label"] == (
        "`ticket_state_internal_label` is gone from `Ticket`"
    )
    assert fixes["response-property-became-nullable:schema contact_location:type"] == (
        "`type` of `ContactLocation` may now be `None`: guard it"
    )
    assert fixes["parameter-removed:GET /contacts:query parameter:per_page"] == (
        "drop the `per_page=` argument: the parameter is gone"
    )
    by_site = {(Path(f["file"]).name, f["line"]): f["fix"] for f in found}
    assert by_site[("tickets.py", line_of("tickets.py", "UpdateTicketRequest(state="))] == (
        "drop `state=`: the field is gone from `UpdateTicketRequest`"
    )
    assert by_site[("tickets.py", line_of("tickets.py", 'update_ticket(ticket_id, state="in_progress"'))] == (
        "drop `state=`: the field is gone from the request body of `tickets.update_ticket`"
    )


def test_positional_calls_whose_argument_was_only_renamed_are_not_findings() -> None:
    _, found = findings()
    lines = {(Path(f["file"]).name, f["line"]) for f in found}
    assert ("contacts.py", line_of("contacts.py", "show_contact(contact_id)  #")) not in lines
    assert ("contacts.py", line_of("contacts.py", "archive_contact(contact_id)")) not in lines


def test_text_shows_the_code_the_change_and_the_fix() -> None:
    status, out, _ = run("2.11", "2.13", str(APP))
    assert status == 1
    line = line_of("contacts.py", "show_contact(contact_id=contact_id)")
    assert f"crm/contacts.py:{line}: contact = client.contacts.show_contact(contact_id=contact_id)" in out
    assert "    key: path-parameter-renamed:GET /contacts/{id}:path parameter:id" in out
    assert out.splitlines()[-1] == "2.11 -> 2.13: 13 findings in 4 of 6 files analysed (0 accepted)"
    _, md, _ = run("2.11", "2.13", str(APP), "--format", "md")
    assert "| Where | Code | Change | Fix |" in md


def test_accepted_findings_pass(tmp_path: Path) -> None:
    accept = tmp_path / "accepted.yaml"
    entries = [{"key": key, "reason": "fixed on the 2.13 branch"} for key in dict.fromkeys(EXPECTED.values())]
    accept.write_text(yaml.safe_dump({"accepted": entries}, width=1000))
    status, out, _ = run("2.11", "2.13", str(APP), "--accept", str(accept))
    assert status == 0
    assert "(13 accepted)" in out


def test_a_vendored_copy_under_another_name(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "from acme_intercom import Intercom\n\n"
        "client = Intercom(token='t')\n"
        "for contact in client.contacts.list_contacts().data or []:\n"
        "    print(contact.id, contact.formatted_phone)\n"
    )
    status, out, _ = run("2.11", "2.13", str(app), "--package", "acme_intercom", "--format", "json")
    assert status == 1
    assert [(f["line"], f["key"]) for f in json.loads(out)["findings"]] == [
        (5, "property-removed:schema contact:formatted_phone")
    ]
    # as Intercom published them, contact.id was required in 2.11: now it may be absent
    _, out, _ = run("2.11", "2.13", str(app), "--package", "acme_intercom", "--format", "json", "--as-published")
    fixes = {f["key"]: f["fix"] for f in json.loads(out)["findings"]}
    assert fixes["response-property-became-optional:schema contact:id"] == (
        "`id` of `Contact` may now be `None` (absent): guard it"
    )


def test_code_using_nothing_that_changed_has_no_findings(tmp_path: Path) -> None:
    app = tmp_path / "fine.py"
    app.write_text(
        "from v2_11 import Intercom\n\n"
        "count: int = 'not a number'  # mypy's own complaints are not findings\n"
        "print(Intercom(token='t').contacts.show_contact('1').email)\n"
    )
    status, out, err = run("2.11", "2.13", str(app))
    assert (status, err) == (0, "")
    assert out == "2.11 -> 2.13: 0 findings in 0 of 1 files analysed (0 accepted)\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("9.99", "2.13", "."), "9.99: impact needs a registered client version"),
        (("2.11", "2.13", "nowhere"), "nowhere: no such file or folder"),
    ],
)
def test_bad_input_is_a_located_error(args: tuple[str, ...], expected: str) -> None:
    status, out, err = run(*args)
    assert status == 1 and out == ""
    assert expected in err and "Traceback" not in err


def test_a_syntax_error_in_the_code_is_located(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("from v2_11 import Intercom\n\ndef f(:\n")
    status, out, err = run("2.11", "2.13", str(broken))
    assert status == 1 and out == ""
    assert f"{broken}:3" in err and "Traceback" not in err


def test_a_request_field_no_longer_nullable_breaks_only_where_none_may_be_passed(tmp_path: Path) -> None:
    app = tmp_path / "search.py"
    app.write_text(
        "from v2_11 import models\n\n"
        "page: models.StartingAfterPaging | None = None\n"
        "query = models.SingleFilterSearchRequest(field='email', operator='=')\n"
        "models.SearchRequest(query=query, pagination=page)\n"
        "models.SearchRequest(query=query, pagination=None)\n"
        "models.SearchRequest(query=query, pagination=models.StartingAfterPaging(per_page=5))\n"
        "models.SearchRequest(query=query)\n"
    )
    status, out, _ = run("2.11", "2.13", str(app), "--format", "json")
    found = json.loads(out)["findings"]
    assert status == 1
    assert [(f["line"], f["key"]) for f in found] == [
        (5, "request-property-became-not-nullable:schema search_request:pagination"),
        (6, "request-property-became-not-nullable:schema search_request:pagination"),
    ]
    assert found[0]["fix"] == "`pagination=` of `SearchRequest` no longer accepts `None`"


def test_without_mypy_installed_impact_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "generator.diff.impact.run", None)  # as if mypy were missing
    status, out, err = run("2.11", "2.13", str(APP))
    assert status == 1 and out == ""
    assert "pip install 'intercom-clientgen[impact]'" in err and "Traceback" not in err
