"""The diff of the pinned specs agrees with an independent reading of their raw YAML."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import re
from typing import Any

import pytest
import yaml

from generator.cli.app import main
from generator.spec.registry import load_registry

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PLACEHOLDER = re.compile(r"\{([^}]*)\}")
PAIRS = [("2.11", "2.13"), ("2.13", "unstable")]
SEVERITY_ORDER = {"breaking": 0, "non-breaking": 1, "info": 2}


@functools.cache
def raw(version: str) -> dict[str, Any]:
    with load_registry().get(version).spec.open("rb") as handle:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document: dict[str, Any] = yaml.load(handle, Loader=loader)  # noqa: S506 - a SafeLoader
    return document


@functools.cache
def diff_json(old: str, new: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["diff", old, new, "--format", "json"]) == 0
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def normalised(method: str, path: str) -> tuple[str, str]:
    return method.upper(), PLACEHOLDER.sub("{}", path)


def operations(version: str) -> dict[tuple[str, str], str]:
    """(METHOD, normalised path) -> path as written, read straight from the YAML."""
    found = {}
    for path, item in raw(version)["paths"].items():
        for method in item:
            if method in METHODS:
                found[normalised(method, path)] = path
    return found


def reported(old: str, new: str, rule: str) -> list[dict[str, Any]]:
    return [c for c in diff_json(old, new)["changes"] if c["id"] == rule]


def operation_keys(changes: list[dict[str, Any]]) -> set[tuple[str, str]]:
    keys = set()
    for change in changes:
        method, path = change["operation"].split(" ", 1)
        keys.add(normalised(method, path))
    return keys


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_operations_added_and_removed_match_the_yaml(old: str, new: str) -> None:
    before, after = operations(old), operations(new)
    added, removed = reported(old, new, "operation-added"), reported(old, new, "operation-removed")
    assert operation_keys(added) == after.keys() - before.keys()
    assert operation_keys(removed) == before.keys() - after.keys()
    assert len(added) == len(after.keys() - before.keys()) and len(removed) == len(before.keys() - after.keys())
    assert {c["operation"].split(" ", 1)[1] for c in added} == {after[k] for k in after.keys() - before.keys()}
    assert {c["operation"].split(" ", 1)[1] for c in removed} == {before[k] for k in before.keys() - after.keys()}


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_schemas_added_and_removed_match_the_yaml(old: str, new: str) -> None:
    before = set(raw(old)["components"]["schemas"])
    after = set(raw(new)["components"]["schemas"])
    added, removed = reported(old, new, "schema-added"), reported(old, new, "schema-removed")
    assert sorted(c["schema"] for c in added) == sorted(after - before)
    assert sorted(c["schema"] for c in removed) == sorted(before - after)


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_renamed_path_parameters_match_the_yaml(old: str, new: str) -> None:
    before, after = operations(old), operations(new)
    expected = set()
    for key in before.keys() & after.keys():
        for old_name, new_name in zip(PLACEHOLDER.findall(before[key]), PLACEHOLDER.findall(after[key]), strict=True):
            if old_name != new_name:
                expected.add((f"{key[0]} {after[key]}", new_name))
    renames = reported(old, new, "path-parameter-renamed") + reported(old, new, "path-parameter-respelled")
    assert {(c["operation"], c["property"]) for c in renames} == expected
    assert len(renames) == len(expected)


def test_contact_id_becoming_id_is_a_rename_not_a_removal_and_an_addition() -> None:
    (rename,) = [
        c for c in reported("2.11", "2.13", "path-parameter-renamed") if c["operation"] == "GET /contacts/{id}"
    ]
    assert rename["severity"] == "breaking"
    assert "`{contact_id}` renamed to `{id}`" in rename["message"]
    moved = operation_keys(reported("2.11", "2.13", "operation-added") + reported("2.11", "2.13", "operation-removed"))
    assert ("GET", "/contacts/{}") not in moved


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_json_report_is_ordered_breaking_first(old: str, new: str) -> None:
    document = diff_json(old, new)
    assert (document["from"], document["to"]) == (old, new)
    changes = document["changes"]
    keys = [
        (SEVERITY_ORDER[c["severity"]], c["operation"] or "", c["schema"] or "", c["property"] or "", c["id"])
        for c in changes
    ]
    assert keys == sorted(keys)
    fields = ["id", "key", "severity", "operation", "schema", "property", "message", "accepted"]
    assert all(list(c) == fields for c in changes)


def test_the_committed_diff_reports_are_what_the_diff_renders() -> None:
    from generator.cli.reports import BANNER, version_diff_reports
    from generator.core.diagnostics import Diagnostics
    from generator.core.paths import REPORTS_DIR

    rendered = version_diff_reports(Diagnostics())
    assert sorted(rendered) == sorted(p.name for p in REPORTS_DIR.glob("diff-*.md"))
    for name, text in rendered.items():
        committed = (REPORTS_DIR / name).read_text(encoding="utf-8")
        assert committed in (text, BANNER + text), f"{name}: regenerate with `intercom-gen generate`"
