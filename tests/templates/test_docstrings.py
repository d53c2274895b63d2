"""Docstrings read as plain text: Markdoc admonitions, HTML entities and long tables of the spec's prose."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.render.text import MAX_TABLE_ROWS, plain_text
from tests.support import GENERATED


def test_an_admonition_becomes_a_google_style_section() -> None:
    text = (
        'Before.\n{% admonition type="warning" name="Pagination" %}\n'
        "  Use `per_page`.\n  At most 150.\n{% /admonition %}\nAfter."
    )
    assert plain_text(text) == "Before.\n\nWarning: Pagination\n    Use `per_page`.\n    At most 150.\n\nAfter."


def test_an_info_admonition_without_a_name_is_a_note() -> None:
    assert (
        plain_text('{% admonition type="info" %}\nSee the examples.\n{% /admonition %}')
        == "Note:\n    See the examples."
    )


def test_entities_are_decoded_and_nbsp_paragraphs_disappear() -> None:
    assert plain_text("One.\n\n&nbsp;\n\nTwo &amp; three &lt;4&gt;&nbsp;five") == "One.\n\nTwo & three <4> five"


def test_a_short_table_stays_aligned_and_br_becomes_a_separator() -> None:
    text = "| Op | Types |\n| :- | :--- |\n| IN | All<br>Array |\n| &lt; | Integer |"
    assert plain_text(text).splitlines() == [
        "| Op | Types      |",
        "| -- | ---------- |",
        "| IN | All; Array |",
        "| <  | Integer    |",
    ]


def test_a_long_table_is_summarised_with_a_pointer() -> None:
    rows = "\n".join(f"| field_{i} | String |" for i in range(MAX_TABLE_ROWS + 1))
    text = plain_text(f"Fields:\n\n| Field | Type |\n| --- | --- |\n{rows}\n\nEnd.", "reference.md")
    assert text == (
        "Fields:\n\n(A table of 13 rows with the columns Field, Type: field_0, field_1, field_2, field_3, ...;"
        " the whole table is in reference.md.)\n\nEnd."
    )


def _method_docstring(package: str, resource: str, method: str) -> str:
    tree = ast.parse((GENERATED / package / "resources" / f"{resource}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == method:
            doc = ast.get_docstring(node)
            if doc:
                return doc
    raise AssertionError(f"{resource}.{method} has no docstring")


def test_golden_docstring_of_update_contact() -> None:
    doc = _method_docstring("v2_13", "contacts", "update_contact")
    assert doc.startswith("Update a contact\n\nYou can update an existing contact (ie. user or lead).\n\nNote:\n")
    assert "    This endpoint handles both **contact updates** and **custom object associations**." in doc


def test_golden_docstring_of_search_contacts_summarises_its_field_table() -> None:
    doc = _method_docstring("v2_13", "contacts", "search_contacts")
    assert "Warning: Optimizing search queries\n    Search queries can be complex" in doc
    assert (
        "(A table of 42 rows with the columns Field, Type: id, role, name, avatar, ...; the whole table is in"
        " the package's reference.md, under `client.contacts.search_contacts`.)"
    ) in doc
    assert (
        "| IN       | All                            | In; Shortcut for `OR` queries; Values must be in Array       |"
        in doc
    )


def test_golden_docstring_of_retrieve_conversation() -> None:
    doc = _method_docstring("v2_13", "conversations", "retrieve_conversation")
    assert "Warning: Hard limit of 500 parts\n    The maximum number of conversation parts" in doc


_MARKUP = re.compile(r"\{%|%\}|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")


def _generated_files() -> list[Path]:
    return [p for p in GENERATED.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def test_no_markdoc_or_html_entity_remains_in_any_generated_file() -> None:
    found = []
    for path in _generated_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _MARKUP.search(line):
                found.append(f"{path.relative_to(GENERATED)}:{number}: {line.strip()[:100]}")
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("pattern", [r"\bas \w+_\d+\b", r"\b_models\."])
def test_generated_code_has_no_counter_aliases_and_no_private_model_prefix(pattern: str) -> None:
    found = [
        f"{path.relative_to(GENERATED)}: {match.group(0)}"
        for path in _generated_files()
        if path.suffix == ".py"
        for match in re.finditer(pattern, path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found[:20])
