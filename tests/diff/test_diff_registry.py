"""The rule registry: one record per rule, built from the rule families; the README table is the registry's."""

from __future__ import annotations

import pkgutil
import re
import string
from pathlib import Path

from generator.diff import ALL_RULES, rules
from generator.diff.registry import FAMILIES, rule_table

KEBAB = re.compile(r"^[a-z]+(-[a-z]+)*$")
README = Path(__file__).resolve().parent.parent.parent / "README.md"


def test_rule_ids_are_unique_stable_kebab_case() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    assert all(KEBAB.match(rule_id) for rule_id in ids), ids
    assert len(ids) == 41
    for required in ("operation-added", "operation-removed", "schema-added", "schema-removed"):
        assert required in ids
    assert {"property-added", "property-removed", "path-parameter-renamed", "operation-id-changed"} <= set(ids)


def test_every_rule_family_module_is_registered() -> None:
    modules = sorted(m.name for m in pkgutil.iter_modules(rules.__path__) if not m.name.startswith("_"))
    assert modules == sorted(family.__name__.rsplit(".", 1)[1] for family in FAMILIES)


def test_every_rule_declares_a_message_template_and_a_reason() -> None:
    for rule in ALL_RULES:
        fields = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name}
        assert fields and fields <= {
            "target",
            "operation",
            "old",
            "new",
            "method",
            "old_method",
            "new_method",
            "argument",
            "old_argument",
            "new_argument",
            "type",
            "status",
            "value",
            "values",
        }, rule.id
        assert rule.why and "\n" not in rule.why, rule.id


def test_the_readme_rule_table_is_the_registry() -> None:
    assert rule_table() in README.read_text()
