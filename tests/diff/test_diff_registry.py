"""The rule registry: every rule module registered once, with a message and a test."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

from generator.diff import ALL_RULES, rules
from generator.diff.messages import MESSAGES

KEBAB = re.compile(r"^[a-z]+(-[a-z]+)*$")
TESTS = Path(__file__).resolve().parent


def test_rule_ids_are_unique_stable_kebab_case() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    assert all(KEBAB.match(rule_id) for rule_id in ids), ids
    for required in ("operation-added", "operation-removed", "schema-added", "schema-removed"):
        assert required in ids
    assert {"property-added", "property-removed", "path-parameter-renamed", "operation-id-changed"} <= set(ids)


def test_every_rule_module_is_registered_under_its_own_id() -> None:
    modules = sorted(m.name for m in pkgutil.iter_modules(rules.__path__) if not m.name.startswith("_"))
    assert modules == sorted(rule.id.replace("-", "_") for rule in ALL_RULES)


def test_every_rule_has_exactly_one_message() -> None:
    assert set(MESSAGES) == {rule.id for rule in ALL_RULES}


def test_every_rule_has_a_test_module_stating_its_judgement() -> None:
    for rule in ALL_RULES:
        module = TESTS / f"test_rule_{rule.id.replace('-', '_')}.py"
        assert module.is_file(), module.name
        assert "    # BC: " in module.read_text(), module.name


def test_the_readme_lists_every_rule_with_its_severity() -> None:
    readme = (TESTS.parent.parent / "README.md").read_text()
    for rule in ALL_RULES:
        assert f"| `{rule.id}` | {rule.severity.value} |" in readme, rule.id
