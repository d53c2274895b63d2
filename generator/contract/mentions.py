"""What one changelog statement names: endpoints, fields, values, statuses, and what it says of them.

Only the text is read here (no spec): ``` `GET /calls` ```, ``PUT /internal_articles/{id}``, links
into the API reference (their last segment is an operationId), ``https://api.intercom.io/...``
paths, backticked or snake_case names (``assignment.admin_assignee_id`` stays one dotted name),
status codes, media types, numbers after "maximum"/"default", and the statement's intent:
something added, removed or changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_METHOD_PATH = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE)\s+`?(/[A-Za-z0-9_{}/.\-]*)")
_REFERENCE_LINK = re.compile(
    r"https?://developers\.intercom\.com/docs/references/[^)\s]*?/api\.intercom\.io/([^)\s#?]+)"
)
_API_URL = re.compile(r"https?://api\.intercom\.io(/[^\s'\"\\`)]*)")
_METHOD_WORD = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE)\b")
_BACKTICKED = re.compile(r"`([^`\n]{1,120})`")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:(?:\[\])?\.[A-Za-z_][A-Za-z0-9_]*)*$")
_SNAKE = re.compile(r"(?<![\w/{.`-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z][a-z0-9_]*)*)(?![\w}/(`])")
_STATUS = re.compile(
    r"\b([1-5][0-9]{2})\b(?=[^.]{0,40}\b(?:status|error|response|code|returned)"
    r"|\s*(?:error|status|response|Not Found|Created|Accepted|No Content))"
    r"|(?:status|error|code|returns?|returned)\s+(?:a\s+|an\s+|of\s+)?`?([1-5][0-9]{2})\b",
    re.IGNORECASE,
)
_MEDIA = re.compile(r"\b((?:application|text|image|audio|video|multipart)/[A-Za-z0-9.+\-]+)")
_VERSION_HEADER = re.compile(r"Intercom-Version:?\s*`?([A-Za-z0-9.]+)")
_NUMBER = r"(-?\d+(?:\.\d+)?)"
_MAXIMUM = re.compile(
    r"\b(?:maximum(?: of| is)?|max(?:imum)?\.?|at most|up to|no more than|limit(?:ed)? (?:of|to)|cannot exceed)"
    rf"\s+`?{_NUMBER}",
    re.I,
)
_MINIMUM = re.compile(rf"\b(?:minimum(?: of| is)?|at least|no fewer than)\s+`?{_NUMBER}", re.I)
_VALUE = r"(true|false|null|-?\d+(?:\.\d+)?|`[^`]+`|\"[^\"]+\"|'[^']+')"
_DEFAULT = re.compile(
    rf"(?<!\w){_VALUE}\s+by default|\bdefaults?(?:\s+value)?\s+(?:is|to|of|=|:)\s+(?:set to\s+)?{_VALUE}", re.I
)
_REMOVED = re.compile(r"\b(removed|no longer|deleted from|dropped|deprecated|sunset|is gone|are gone|removal)\b", re.I)
_ADDED = re.compile(
    r"\b(new|added|adds|now (?:includes?|accepts?|returns?|supports?|has|have|available)"
    r"|introduc\w*|you can now|can now|now)\b",
    re.I,
)
_CHANGED = re.compile(
    r"\b(changed|renamed|now (?:an?|of type)|type (?:is|was|changed)|instead of|became|is now)\b", re.I
)
_NULLABLE = re.compile(r"\b(null|nullable)\b", re.I)
_REQUIRED = re.compile(r"\b(required|optional|mandatory)\b", re.I)
_TYPE_WORD = re.compile(
    r"\b(?:now (?:an?|of type)|type(?: is| to)?|changed to(?: an?)?)"
    r"\s+`?(integer|string|boolean|number|object|array)\b",
    re.I,
)
SENTENCE_SCAN = 2000  # characters of a statement read for its intent (a real sentence is far shorter)
_STOP = frozenset({"true", "false", "null", "id", "ids", "api", "json", "get", "post", "put", "delete", "patch"})


@dataclass
class Mentions:
    operations: list[str] = field(default_factory=list)  # "METHOD /path" or operationIds, as written
    names: list[str] = field(default_factory=list)  # field, parameter, schema or value names
    backticked: set[str] = field(default_factory=set)  # which of them were code in the text
    statuses: list[str] = field(default_factory=list)
    media_types: list[str] = field(default_factory=list)
    version_values: list[str] = field(default_factory=list)
    maximum: float | None = None
    minimum: float | None = None
    default: str | None = None
    removed: bool = False
    added: bool = False
    changed: bool = False
    nullable: bool = False
    required: bool = False
    new_type: str | None = None
    searchable: bool = False
    words: list[str] = field(default_factory=list)  # the plain words (no link targets)
    stems: frozenset[str] = frozenset()  # their five-letter prefixes
    sends: bool = False  # says something is sent ("pass", "request body", "when creating")

    @property
    def empty(self) -> bool:
        return not (self.operations or self.names or self.statuses or self.media_types or self.version_values)


def without_link_targets(text: str) -> str:
    """``[a](target)`` -> ``[a]``, in one pass (a regex retried at every ``](`` is quadratic)."""
    parts: list[str] = []
    start = 0
    while (opening := text.find("](", start)) >= 0:
        closing = text.find(")", opening + 2)
        if closing < 0:
            break  # no ``)`` further on: no later ``](`` closes either
        parts.append(text[start : opening + 1])
        start = closing + 1
    parts.append(text[start:])
    return "".join(parts)


def _clean_path(path: str) -> str:
    path = path.split("?", 1)[0].rstrip(".,;:)`'\"")
    return path.rstrip("/") or "/"


def operations_in(text: str) -> list[str]:
    found = [f"{m.group(1)} {_clean_path(m.group(2))}" for m in _METHOD_PATH.finditer(text)]
    for link in _REFERENCE_LINK.findall(text):
        segments = [s for s in link.split("/") if s]
        if segments:
            found.append(segments[-1])
    plain = _METHOD_PATH.sub(" ", text)
    for url in _API_URL.findall(plain):
        method = _METHOD_WORD.search(plain)
        found.append(f"{method.group(1) if method else '*'} {_clean_path(url)}")
    return list(dict.fromkeys(found))


def _names(text: str, mentions: Mentions) -> None:
    prose = without_link_targets(text)
    prose = _METHOD_PATH.sub(" ", _API_URL.sub(" ", prose))
    for code in _BACKTICKED.findall(prose):
        token = code.strip().strip(":").rstrip("()")
        if _NAME.match(token) and token.lower() not in _STOP:
            mentions.names.append(token)
            mentions.backticked.add(token)
    plain = _BACKTICKED.sub(" ", prose)
    for token in _SNAKE.findall(plain):
        if token.lower() not in _STOP:
            mentions.names.append(token)
    mentions.names = list(dict.fromkeys(mentions.names))


def read(text: str) -> Mentions:
    """Everything ``text`` (one statement) names and says."""
    mentions = Mentions(operations=operations_in(text))
    _names(text, mentions)
    bare = without_link_targets(text)[:SENTENCE_SCAN]  # what a sentence says of its names is said early
    for match in _STATUS.finditer(bare):
        mentions.statuses.append(match.group(1) or match.group(2))
    mentions.statuses = list(dict.fromkeys(mentions.statuses))
    mentions.media_types = list(dict.fromkeys(_MEDIA.findall(bare)))
    mentions.version_values = list(dict.fromkeys(_VERSION_HEADER.findall(bare)))
    if (found := _MAXIMUM.search(bare)) is not None:
        mentions.maximum = float(found.group(1))
    if (found := _MINIMUM.search(bare)) is not None:
        mentions.minimum = float(found.group(1))
    if (found := _DEFAULT.search(bare)) is not None:
        mentions.default = next(g for g in found.groups() if g is not None).strip("`\"'")
    mentions.removed = _REMOVED.search(bare) is not None
    mentions.added = _ADDED.search(bare) is not None
    mentions.changed = _CHANGED.search(bare) is not None
    mentions.nullable = _NULLABLE.search(bare) is not None
    mentions.required = _REQUIRED.search(bare) is not None
    if (found := _TYPE_WORD.search(bare)) is not None:
        mentions.new_type = found.group(1).lower()
    mentions.searchable = "searchable" in bare.lower()
    mentions.words = bare.split()
    mentions.stems = frozenset(w[:5] for w in re.findall(r"[a-z0-9]+", bare.lower().replace("_", " ")))
    return mentions
