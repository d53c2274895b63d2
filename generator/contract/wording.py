"""How changelog prose is worded: the patterns the proposer reads, and operations as prose names them.

``Phrases`` finds operations by their summaries ("Delete a ticket", "Create a conversation
endpoint") and tags ("Custom Object Instances API"), matching words by their first five letters
so "creating" meets "Create".
"""

from __future__ import annotations

import re
from typing import Any

from ..ir.model import Operation
from .specquery import Version
from .statements import Statement

WIDGET = re.compile(r"^(details summary\b|Try (it|[A-Z][a-z]+ing)\b|Loading\.\.\.$)")
ELSEWHERE = re.compile(
    r"\b(see (more )?details|see the .{0,60}page|listed below|detailed below|are as follows|head over to)\b", re.I
)
BEHAVIOUR = re.compile(
    r"\b(scopes?|permissions?|notifications?|notif(y|ied)|help desk|messenger|inbox|sdk|javascript|reauthenticate|"
    r"workspace|rate limit|billing|breaking changes?|behaviou?r|will be sent|teammates?|ui\b|user interface|"
    r"starting (in|on|from)|from now on|email)\b",
    re.I,
)
CONTEXT_OF = re.compile(
    r"\b(response of|request (body )?of|available (on|in|for)|to the|on the|of the|in the)\s*\[?$", re.I
)
ENDPOINTISH = re.compile(
    r"\b(endpoint|api|new|added|you can now|can now|delete|create|retrieve|list|update|get)\b", re.I
)
REQUEST_WORDS = re.compile(r"\b(request|body|pass|send|accepts?|when creating|when updating|parameter)\b", re.I)
ADVICE = re.compile(
    r"\b(you may|need to|we recommend|recommend\w*|helpful|for instance|subject to change|is not stable|make sure)\b",
    re.I,
)
BREAKING = re.compile(r"\bbreaking changes?\b", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_ARTICLES = frozenset({"a", "an", "the", "all", "of"})
THIS = re.compile(r"\b(this|the|that) (flag|field|parameter|property|attribute|option|value)\b", re.I)
_MODEL = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,3}) (?:model|object)s?\b")
NEW_API = re.compile(r"\bnew (api|endpoints?)\b", re.I)


def tokens(text: str) -> list[str]:
    """Words as five-letter prefixes, articles left out (``Creates a conversation`` -> creat, conve)."""
    return [w[:5] for w in _WORD.findall(text.lower().replace("_", " ")) if w not in _ARTICLES]


def phrase_tokens(text: str) -> list[str]:
    """Words as five-letter prefixes, articles kept ("created, the contacts" is no "Create a contact")."""
    return ["a" if w == "an" else w[:5] for w in _WORD.findall(text.lower().replace("_", " "))]


class Phrases:
    """Operations as prose names them: their summaries ("Delete a ticket") and "<tag> API"."""

    def __init__(self, version: Version) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], list[Operation]]]] = {}
        by_phrase: dict[tuple[str, ...], list[Operation]] = {}
        for op in version.api.operations:
            phrase = tuple(phrase_tokens(op.summary))
            if len(phrase) >= 2:
                by_phrase.setdefault(phrase, []).append(op)
        for raw in version.spec.get("tags") or []:
            name = str(raw.get("name", "")) if isinstance(raw, dict) else ""
            phrase = tuple(phrase_tokens(name))
            if len(phrase) >= 2:
                ops = [op for op in version.api.operations if op.tags[:1] == (name,)]
                by_phrase.setdefault((*phrase, "api"), []).extend(ops)
        for phrase, ops in by_phrase.items():
            self.first.setdefault(phrase[0], []).append((phrase, ops))
        for entries in self.first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def find(self, text: str) -> list[tuple[Operation, int]]:
        """Operations named in ``text``, each with the word it starts at."""
        words = phrase_tokens(text)
        found: list[tuple[Operation, int]] = []
        at = 0
        while at < len(words):
            match = next((e for e in self.first.get(words[at], []) if tuple(words[at : at + len(e[0])]) == e[0]), None)
            if match is None:
                at += 1
                continue
            found += [(op, at) for op in match[1] if all(op is not f for f, _ in found)]
            at += len(match[0])
        return found


def is_heading(statement: Statement) -> bool:
    text = statement.text
    words = text.split()
    if text.startswith("#"):
        return len(words) <= 12  # a longer one is a heading the page glued to its first sentence
    if re.match(r"^\d+\. ", text):
        return len(words) <= 10 and not text.endswith(".")
    return (
        len(words) <= 10
        and text[:1].isupper()
        and not text.endswith((".", "!", "?", ":", ";", ","))
        and not text.startswith(("- ", "|"))
        and "`" not in text
    )


def value_of(text: str) -> Any:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "null":
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text.strip("'\"")


def mentioned_as_context(text: str, ref: str) -> bool:
    """Whether an operation is named as where something is ("the response of [Retrieve a conversation]")."""
    segment = ref.rsplit(" ", 1)[-1].lower()
    lowered = text.lower()
    if segment not in lowered:
        return CONTEXT_OF.search(lowered) is not None
    at = lowered.find(segment)
    if at < 0:
        return False
    opening = lowered.rfind("[", 0, at)
    before = text[: opening if opening >= 0 else at]
    return CONTEXT_OF.search(before[-40:].rstrip(" [")) is not None


def model_phrases(text: str) -> list[str]:
    """Schema keys prose names as models: "The Data Attribute model" -> ``data_attribute`` (longest first)."""
    out = []
    for found in _MODEL.findall(text):
        words = found.lower().split()
        out += ["_".join(words[i:]) for i in range(len(words))]
    return out
