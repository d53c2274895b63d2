"""Cutting changelog texts into statements: the rules of generator/contract/statements.py."""

from __future__ import annotations

import itertools

from generator.contract.statements import normalise, parse_changelog, split_prose


def _texts(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in parse_changelog("t", text).statements]


def test_lines_cut_at_inline_code_are_joined_and_split_into_sentences() -> None:
    text = "The model now has the flag messenger_writable\n, which is new. When set to false\nit is off.\nNext line."
    assert _texts(text) == [
        ("prose", "The model now has the flag messenger_writable, which is new."),
        ("prose", "When set to false it is off."),
        ("prose", "Next line."),
    ]


def test_a_capitalised_line_after_an_unfinished_one_starts_a_new_statement() -> None:
    assert _texts("Try Deleting a ticket\nLoading...\n\nDelete a Ticket") == [
        ("prose", "Try Deleting a ticket"),
        ("prose", "Loading..."),
        ("prose", "Delete a Ticket"),
    ]


def test_curl_with_payload_and_json_documents_are_single_code_statements() -> None:
    text = (
        "Send this:\ncurl -i -X POST \\\n  https://api.intercom.io/tickets \\\n  -d '{\n  \"a\": 1\n}'\n"
        'You get:\n{\n"id": 1,\n"nested": {"x": "}"}\n}\nDone.'
    )
    kinds = _texts(text)
    assert [k for k, _ in kinds] == ["prose", "code", "prose", "code", "prose"]
    assert kinds[1][1].startswith("curl -i -X POST") and kinds[1][1].endswith("}'")
    assert kinds[3][1] == '{ "id": 1, "nested": {"x": "}"} }'


def test_one_line_calls_are_code() -> None:
    assert _texts('Call it:\nIntercom("update", { a: "b" });') == [
        ("prose", "Call it:"),
        ("code", 'Intercom("update", { a: "b" });'),
    ]


def test_fenced_blocks_are_code_even_inside_one_long_line() -> None:
    text = "## Heading You can do it. ```curl curl -X DELETE 'x' ``` ```python import x ``` ## Next"
    assert _texts(text) == [
        ("prose", "## Heading You can do it."),
        ("code", "```curl curl -X DELETE 'x' ```"),
        ("code", "```python import x ```"),
        ("prose", "## Next"),
    ]


def test_markdown_headings_list_items_widgets_and_numbered_items_split() -> None:
    paragraph = (
        "# Title page. ## New ### Sub We added: - [Create](https://x/a.b) one - Retrieve [by ID](https://x/c) "
        "details summary Try it 1. Response metrics - `handling_time` 2. Email (***Only** for emails.*)"
    )
    assert split_prose(paragraph) == [
        "# Title page.",
        "## New",
        "### Sub We added:",
        "- [Create](https://x/a.b) one",
        "- Retrieve [by ID](https://x/c)",
        "details summary Try it",
        "1. Response metrics",
        "- `handling_time`",
        "2. Email (***Only** for emails.*)",
    ]


def test_version_ranges_and_urls_do_not_split() -> None:
    assert split_prose("Available across versions 2.7 - 2.11. See https://api.intercom.io/a.b for more.") == [
        "Available across versions 2.7 - 2.11.",
        "See https://api.intercom.io/a.b for more.",
    ]


def test_quotes_are_found_up_to_whitespace_and_map_to_statements() -> None:
    changelog = parse_changelog("t", "First one.\nSecond\n, joined. Third.")
    assert normalise("Second ,  joined.") == "Second, joined."
    spans = changelog.find("Second , joined. Third")
    assert len(spans) == 1
    assert [s.text for s in changelog.statements_in(*spans[0])] == ["Second, joined.", "Third."]
    assert changelog.find("not there") == []


def test_every_character_of_the_flat_text_belongs_to_at_most_one_statement() -> None:
    changelog = parse_changelog("t", "A b. C d.\n\n```x y```\nE f")
    spans = [(s.start, s.end) for s in changelog.statements]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    assert all(changelog.flat[s.start : s.end] == s.text for s in changelog.statements)
