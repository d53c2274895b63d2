# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Turning a success response into the value a generated method returns.

``cast_to`` decides how:

- ``type(None)``: no content is expected; the body is ignored and ``None`` returned.
- ``str``: the body text (``text/plain`` operations).
- anything else (a model, ``list[Model]``, ``A | B``, ``dict[str, Any]``, ``object``): the body
  is validated as JSON by a ``pydantic.TypeAdapter`` built on first use and cached per type.

Redirects: the client does not follow redirects, and a ``302``, ``303`` or ``307`` answer with a
``Location`` header counts as a success (Intercom answers ``GET /calls/{id}/recording`` with a
``302`` to a signed recording URL). Its parsed value is the absolute ``Location`` URL when
``cast_to`` is ``str`` or ``object``, and ``None`` when it is ``type(None)``; any other
``cast_to`` raises :class:`ResponseValidationError`.

Every failure to parse raises :class:`ResponseValidationError`; nothing else escapes.
"""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx
from pydantic import ValidationError

from ._errors import ResponseValidationError, find_request_id, snippet

if TYPE_CHECKING:
    from pydantic import TypeAdapter

_T = TypeVar("_T")

REDIRECT_STATUSES = frozenset({302, 303, 307})
_BODY_IN_MESSAGE = 500
_MAX_ERRORS_IN_MESSAGE = 3
_adapters: dict[object, TypeAdapter[Any]] = {}


def is_success(response: httpx.Response) -> bool:
    """2xx, or a redirect this runtime treats as an answer (see the module docstring)."""
    return response.is_success or is_handled_redirect(response)


def is_handled_redirect(response: httpx.Response) -> bool:
    """A ``302``/``303``/``307`` answer with a ``Location`` header."""
    return response.status_code in REDIRECT_STATUSES and bool(response.headers.get("location"))


def get_adapter(cast_to: Any) -> TypeAdapter[Any]:
    """The cached ``TypeAdapter`` for ``cast_to`` (built on first use)."""
    from pydantic import TypeAdapter

    try:
        return _adapters[cast_to]
    except KeyError:
        adapter: TypeAdapter[Any] = TypeAdapter(cast_to)
        _adapters[cast_to] = adapter
        return adapter
    except TypeError:  # an unhashable type expression: build it each time
        return TypeAdapter(cast_to)


def parse_response(response: httpx.Response, cast_to: type[_T]) -> _T:
    """Parse a success ``response`` into ``cast_to`` (see the module docstring)."""
    return cast(_T, _parse_value(response, cast_to))


def _parse_value(response: httpx.Response, cast_to: Any) -> object:
    if cast_to is type(None):
        return None
    if is_handled_redirect(response):
        return _redirect_value(response, cast_to)
    if cast_to is str:
        return response.text
    content = response.content
    adapter = get_adapter(cast_to)
    if not content.strip():
        return _empty_value(response, adapter, cast_to)
    content_type = response.headers.get("content-type")
    if content_type is not None and not is_json_content_type(content_type):
        raise validation_error(response, cast_to, f"expected a JSON body, got content type {content_type!r}")
    try:
        parsed: object = adapter.validate_json(content)
    except ValidationError as exc:
        raise validation_error(response, cast_to, summarize(exc)) from exc
    return parsed


def is_json_content_type(content_type: str) -> bool:
    """``application/json`` or any ``application/*+json`` type, parameters ignored."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def _redirect_value(response: httpx.Response, cast_to: object) -> str:
    if cast_to is str or cast_to is object:
        location = response.headers["location"]
        return urllib.parse.urljoin(str(response.request.url), location)
    raise validation_error(response, cast_to, f"got a {response.status_code} redirect instead of a body")


def _empty_value(response: httpx.Response, adapter: TypeAdapter[Any], cast_to: object) -> object:
    try:
        value: object = adapter.validate_python(None)
    except ValidationError:
        raise validation_error(response, cast_to, "the body is empty") from None
    return value


def summarize(exc: ValidationError) -> str:
    """A short, one-line summary of a pydantic ``ValidationError`` (input values left out)."""
    errors = exc.errors(include_url=False, include_input=False, include_context=False)
    parts = []
    for error in errors[:_MAX_ERRORS_IN_MESSAGE]:
        location = ".".join(str(part) for part in error["loc"])
        parts.append(f"{location}: {error['msg']}" if location else error["msg"])
    more = len(errors) - _MAX_ERRORS_IN_MESSAGE
    if more > 0:
        parts.append(f"and {more} more")
    noun = "error" if len(errors) == 1 else "errors"
    return f"{len(errors)} validation {noun}: " + "; ".join(parts)


def type_name(tp: object) -> str:
    """A readable name for a type expression, used in messages."""
    if isinstance(tp, type) and not getattr(tp, "__args__", None):
        return tp.__qualname__
    return repr(tp).replace("typing.", "")


def validation_error(response: httpx.Response, cast_to: object, reason: str) -> ResponseValidationError:
    """Build the :class:`ResponseValidationError` for ``response``."""
    message = f"{response.status_code} response could not be parsed as {type_name(cast_to)}: {reason}"
    request_id = find_request_id(response, None)
    if request_id:
        message += f" (request_id={request_id})"
    body = response.text
    message += f"; body: {snippet(body, _BODY_IN_MESSAGE)!r}" if body else "; body is empty"
    return ResponseValidationError(message, response=response, reason=reason)
