# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Turning call arguments into the parts of an HTTP request: path, query, headers and body."""

from __future__ import annotations

import datetime
import decimal
import enum
import json
import re
import urllib.parse
import uuid
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def build_path(template: str, path_params: Mapping[str, str | int] | None) -> str:
    """Fill the ``{name}`` placeholders of ``template`` with percent-encoded values.

    Every character that is not unreserved is encoded (``/``, ``?``, ``#``, ``%`` included), and
    the values ``.`` and ``..`` are encoded as ``%2E``, so a value can never leave its path
    segment, climb to another path or start a query string. Raises :class:`ValueError` when a
    placeholder has no value, a value is empty, or a value has no placeholder.
    """
    params = dict(path_params or {})
    names = _PLACEHOLDER.findall(template)
    missing = sorted(set(names) - params.keys())
    if missing:
        raise ValueError(f"Missing path parameter(s) for {template!r}: {', '.join(missing)}")
    extra = sorted(params.keys() - set(names))
    if extra:
        raise ValueError(f"Unexpected path parameter(s) for {template!r}: {', '.join(extra)}")

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return _encode_segment(name, params[name])

    return _PLACEHOLDER.sub(replace, template)


def _encode_segment(name: str, value: object) -> str:
    text = _scalar_text(value)
    if text == "":
        raise ValueError(f"Path parameter {name!r} must not be empty")
    encoded = urllib.parse.quote(text, safe="")
    if encoded in {".", ".."}:
        encoded = encoded.replace(".", "%2E")
    return encoded


def merge_query(
    default_query: Mapping[str, object] | None,
    query: Mapping[str, object] | None,
    explode: Sequence[str],
    extra_query: Mapping[str, object] | None,
) -> dict[str, object]:
    """Merge the query layers; a later layer replaces a name set by an earlier one.

    The entries of ``query`` named in ``explode`` hold a mapping (or a model) whose items are
    merged into the top level, which is how OpenAPI sends ``style: form, explode: true`` objects.
    """
    merged: dict[str, object] = dict(default_query or {})
    for name, value in (query or {}).items():
        if name in explode:
            merged.update(_as_mapping(name, value))
        else:
            merged[name] = value
    merged.update(extra_query or {})
    return merged


def _as_mapping(name: str, value: object) -> Mapping[str, object]:
    if value is None:
        return {}
    if isinstance(value, BaseModel):
        dumped: dict[str, object] = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
        return dumped
    if isinstance(value, Mapping):
        return value
    raise TypeError(f"Query parameter {name!r} is exploded and needs a mapping, not {type(value).__name__}")


def encode_query(params: Mapping[str, object]) -> list[tuple[str, str]]:
    """Encode query parameters as pairs: ``None`` dropped, booleans as ``true``/``false``, lists repeated."""
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            pairs.extend((name, _scalar_text(item)) for item in value if item is not None)
        elif isinstance(value, (Mapping, BaseModel)):
            raise TypeError(f"Query parameter {name!r} is an object; list it in explode to send its fields")
        else:
            pairs.append((name, _scalar_text(value)))
    return pairs


def merge_headers(*layers: Mapping[str, object | None] | None) -> dict[str, str]:
    """Merge header layers case-insensitively, later layers winning; ``None`` values are dropped."""
    merged: dict[str, tuple[str, str]] = {}
    for layer in layers:
        for name, value in (layer or {}).items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                merged[name.lower()] = (name, ", ".join(map(_scalar_text, value)))
            else:
                merged[name.lower()] = (name, _scalar_text(value))
    return dict(merged.values())


def _scalar_text(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def jsonable(value: object) -> object:
    """Dump pydantic models (anywhere inside dicts, lists and tuples) to JSON-ready data.

    Models are dumped with ``mode="json", by_alias=True, exclude_unset=True`` so that only the
    fields the caller set are sent, under their wire names.
    """
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


def encode_body(body: object | None, extra_body: Mapping[str, object] | None = None) -> bytes | None:
    """Serialise a request body to JSON bytes; ``None`` means "no body".

    ``extra_body`` is merged into the top-level object last (its keys win); values are sent as
    given, never converted to the types the spec declares.
    """
    data = jsonable(body) if body is not None else None
    if extra_body:
        if data is not None and not isinstance(data, dict):
            raise TypeError(f"extra_body needs a JSON object body, not {type(data).__name__}")
        data = {**(data or {}), **{str(key): jsonable(value) for key, value in extra_body.items()}}
    if data is None:
        return None
    text = json.dumps(data, default=_json_default, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def _json_default(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} cannot be sent as JSON")
