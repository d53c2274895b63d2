"""Reviewing a version bump with ``diff``: stable keys, the gate, accept files, JUnit and GitHub output."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli.app import main
from generator.diff.ci import annotation, escape_data, escape_property
from tests.diff.diff_support import case_files

PAIRS = [("2.11", "2.13"), ("2.13", "unstable")]
BASE, REVISION = (str(p) for p in case_files("response_ref_switched"))


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


@functools.cache
def changes(old: str, new: str) -> tuple[dict[str, Any], ...]:
    status, out, _ = run("diff", old, new, "--format", "json")
    assert status == 0
    return tuple(json.loads(out)["changes"])


def parse_xml(text: str) -> ET.Element:
    return ET.fromstring(text)  # noqa: S314 - our own output, parsed as CI tools parse it


def accept_file(tmp_path: Path, entries: list[dict[str, str]], name: str = "accepted.yaml") -> str:
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"accepted": entries}, sort_keys=False, width=1000))
    return str(path)


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_change_has_a_key_unique_within_the_diff_naming_its_rule(old: str, new: str) -> None:
    keys = [c["key"] for c in changes(old, new)]
    assert len(keys) == len(set(keys))
    assert all(c["key"].startswith(c["id"] + ":") for c in changes(old, new))
    located = [c for c in changes(old, new) if c["property"]]
    assert all(c["key"].endswith(c["property"]) or "enum-value" in c["id"] for c in located)


def test_keys_name_the_operation_or_schema_and_the_property() -> None:
    keys = {c["key"] for c in changes("2.11", "2.13")}
    assert "path-parameter-renamed:GET /contacts/{id}:path parameter:id" in keys
    assert "response-property-became-optional:schema contact:id" in keys
    assert "operation-id-changed:GET /data_attributes" in keys
    assert "property-removed:schema ticket:ticket_state_internal_label" in keys


def test_keys_are_the_same_in_every_run_and_format() -> None:
    _, junit, _ = run("diff", "2.11", "2.13", "--format", "junit")
    _, github, _ = run("diff", "2.11", "2.13", "--format", "github")
    json_keys = [c["key"] for c in changes("2.11", "2.13")]
    junit_keys = [case.get("name") for case in parse_xml(junit).iter("testcase")]
    github_keys = [line.rsplit("%0Akey: ", 1)[1] for line in github.splitlines() if line.startswith("::")]
    assert junit_keys == json_keys == github_keys
    _, again, _ = run("diff", "2.11", "2.13", "--format", "json")
    assert [c["key"] for c in json.loads(again)["changes"]] == json_keys


def test_fail_on_breaking_fails_until_every_breaking_change_is_accepted(tmp_path: Path) -> None:
    breaking = [c for c in changes("2.11", "2.13") if c["severity"] == "breaking"]
    status, out, err = run("diff", "2.11", "2.13", "--fail-on", "breaking")
    assert status == 1
    assert f"gate: --fail-on breaking: {len(breaking)} changes fail (0 accepted)" in out.splitlines()[1]
    path = accept_file(tmp_path, [{"key": c["key"], "reason": "reviewed"} for c in breaking])
    status, out, err = run("diff", "2.11", "2.13", "--fail-on", "breaking", "--accept", path)
    assert status == 0, err
    assert f"passes ({len(breaking)} accepted)" in out.splitlines()[1]
    assert "[accepted: reviewed]" in out
    status, _, _ = run("diff", "2.11", "2.13", "--fail-on", "non-breaking", "--accept", path)
    assert status == 1  # the non-breaking changes are not accepted


def test_without_fail_on_the_diff_exits_0() -> None:
    assert run("diff", BASE, REVISION)[0] == 0
    assert run("diff", BASE, REVISION, "--fail-on", "breaking")[0] == 1


def test_accepted_changes_are_shown_as_accepted_in_every_format(tmp_path: Path) -> None:
    key = "property-removed:GET /contacts/{id}:response 200:email"
    path = accept_file(tmp_path, [{"key": key, "reason": "we never read email"}])
    _, out, _ = run("diff", BASE, REVISION, "--accept", path, "--format", "json")
    document = json.loads(out)
    assert {c["key"]: c["accepted"] for c in document["changes"]}[key] == "we never read email"
    assert document["gate"] == {"fail_on": None, "failing": 0, "accepted": 1, "unmatched_accepted_keys": []}
    _, md, _ = run("diff", BASE, REVISION, "--accept", path, "--format", "md")
    assert "property `email` removed (was `string`) (accepted: we never read email)" in md
    _, junit, _ = run("diff", BASE, REVISION, "--accept", path, "--fail-on", "breaking", "--format", "junit")
    case = next(c for c in parse_xml(junit).iter("testcase") if c.get("name") == key)
    assert case.find("skipped") is not None and case.find("failure") is None


def test_an_accepted_key_matching_nothing_is_a_warning_and_an_error_with_strict(tmp_path: Path) -> None:
    path = accept_file(tmp_path, [{"key": "operation-removed:GET /nowhere", "reason": "stale"}])
    status, _, err = run("diff", BASE, REVISION, "--accept", path)
    assert status == 0
    assert f"warning [accept-unmatched]: {path}:2: accepted key matches no change" in err
    assert "operation-removed:GET /nowhere" in err
    for args in (("--strict", "diff", BASE, REVISION), ("diff", BASE, REVISION, "--strict")):
        status, _, err = run(*args, "--accept", path)
        assert status == 1
        assert "error [accept-unmatched]" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("accepted: {key: x}\n", "at /accepted: `accepted` must be a list"),
        ("accepted:\n  - key: x\n", ":2 at /accepted/0: `reason` must be a non-empty string"),
        ("accepted:\n  - key: x\n    reason: ''\n", ":3 at /accepted/0/reason: `reason` must be a non-empty string"),
        ("accepted:\n  - [x]\n", ":2 at /accepted/0: expected a mapping with `key` and `reason`"),
        ("accepted:\n  - {key: x, reason: y, note: z}\n", "at /accepted/0/note: unknown field `note`"),
        ("accept: []\n", "at /accept: unknown field `accept`"),
        ("accepted:\n  - {key: x, reason: y}\n  - {key: x, reason: z}\n", ":3 at /accepted/1/key: key listed twice"),
        ("accepted: [\n", ": not valid YAML"),
        ("- key: x\n", ":1: expected a mapping at the top level"),
    ],
)
def test_a_malformed_accept_file_is_a_located_error(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "accepted.yaml"
    path.write_text(text)
    status, out, err = run("diff", BASE, REVISION, "--accept", str(path))
    assert status == 1
    assert out == ""
    assert f"{path}" in err and expected in err
    assert "Traceback" not in err


def test_a_missing_accept_file_is_an_error() -> None:
    status, _, err = run("diff", BASE, REVISION, "--accept", "nowhere.yaml")
    assert status == 1 and "nowhere.yaml: file not found" in err


def test_junit_has_one_test_case_per_change_and_failures_at_the_gate() -> None:
    status, out, _ = run("diff", "2.11", "2.13", "--fail-on", "breaking", "--format", "junit")
    assert status == 1
    root = parse_xml(out)
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    breaking = [c for c in changes("2.11", "2.13") if c["severity"] == "breaking"]
    assert len(cases) == len(changes("2.11", "2.13")) == int(suite.get("tests", ""))
    assert len(suite.findall("testcase/failure")) == len(breaking) == int(root.get("failures", ""))
    assert all(c.get("classname", "").startswith("diff.") for c in cases)
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "breaking" and failure.get("message")
    _, ungated, _ = run("diff", "2.11", "2.13", "--format", "junit")
    assert parse_xml(ungated).get("failures") == "0"


def test_github_annotations_are_errors_and_warnings_one_line_each() -> None:
    status, out, _ = run("diff", "2.11", "2.13", "--fail-on", "breaking", "--format", "github")
    assert status == 1
    lines = out.splitlines()
    levels = [line.split(" ", 1)[0] for line in lines[:-1]]
    counted = {level: levels.count(level) for level in set(levels)}
    by_severity = [c["severity"] for c in changes("2.11", "2.13")]
    assert counted == {
        "::error": by_severity.count("breaking"),
        "::warning": by_severity.count("non-breaking"),
        "::notice": by_severity.count("info"),
    }
    first = lines[0]
    assert first.startswith("::error title=breaking API change 2.11 -> 2.13 (schema-removed)::")
    assert "%0Akey: schema-removed:schema " in first


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a: b, c%") == "a%3A b%2C c%25"
    line = annotation("warning", "t: 1", "line one\nline two", file="app/x.py", line=3)
    assert line == "::warning file=app/x.py,line=3,title=t%3A 1::line one%0Aline two"
