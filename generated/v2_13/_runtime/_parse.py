# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Turning a success response into the value a generated method returns.

``cast_to`` decides how:

- ``type(None)``: no content is expected; the body is ignored and ``None`` returned.
- ``str``: the body text (``text/*`` answers); ``bytes``: the body as it arrived (files).
- anything else (a model, ``list[Model]``, ``A | B``, ``dict[str, Any]``, ``object``): the body
  is validated as JSON by a ``pydantic.TypeAdapter`` built on first use and cached per type.

A JSON body that does not fit ``cast_to`` is still parsed, as far as it fits, and the places that
did not fit come back as drift records (see ``_drift``). With ``strict=True`` it raises
:class:`ResponseValidationError` instead, the drift in its message and in ``error.drift``.

Redirects: the client does not follow redirects, and a ``302``, ``303`` or ``307`` answer with a
``Location`` header counts as a success (Intercom answers ``GET /calls/{id}/recording`` with a
``302`` to a signed recording URL). Its parsed value is the absolute ``Location`` URL when
``cast_to`` is ``str`` or ``object``, and ``None`` when it is ``type(None)``; any other
``cast_to`` raises :class:`ResponseValidationError`.

A body that is not JSON at all (or not of a JSON content type) raises
:class:`ResponseValidationError` in every mode; nothing else escapes.

A success status whose body is an Intercom error list (``"type": "error.list"`` at the top)
is the error it describes, in every mode: :func:`error_list_error` raises the
:class:`APIStatusError` subclass its codes name. On the fast path this costs one look at the
parsed value's ``type``.
"""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx
from pydantic import BaseModel, ValidationError

from ._drift import Drift, placeholder, tolerate, type_name
from ._errors import ResponseValidationError, error_list_error, find_request_id, snippet
from ._json import TOO_DEEP, NestedTooDeeplyError, loads

if TYPE_CHECKING:
    from pydantic import TypeAdapter

REDIRECT_STATUSES = frozenset({302, 303, 307})
_BODY_IN_MESSAGE = 500
_MAX_ERRORS_IN_MESSAGE = 3
_DRIFT_IN_MESSAGE = 5
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


class Parsed(NamedTuple):
    """A parsed answer and the places where it did not fit its type (empty when it fitted)."""

    value: Any
    drift: list[Drift]


def parse_response(response: httpx.Response, cast_to: Any, *, strict: bool = False, operation: str = "") -> Parsed:
    """Parse a success ``response`` into ``cast_to`` (see the module docstring).

    ``operation`` (``GET /contacts/{id}``) names the call in drift records.
    """
    if cast_to is type(None):
        if _ERROR_LIST_MARK in response.content and _says_error_list(_decoded_or_none(response.content)):
            raise error_list_error(response)
        return Parsed(None, [])
    if is_handled_redirect(response):
        return Parsed(_redirect_value(response, cast_to), [])
    if cast_to is str:
        return Parsed(response.text, [])
    if cast_to is bytes:
        return Parsed(response.content, [])
    content = response.content
    adapter = get_adapter(cast_to)
    if not content.strip():
        return _empty_value(response, adapter, cast_to, strict=strict, operation=operation)
    content_type = response.headers.get("content-type")
    if content_type is not None and not is_json_content_type(content_type):
        raise validation_error(response, cast_to, f"expected a JSON body, got content type {content_type!r}")
    try:
        value = adapter.validate_json(content)
    except ValidationError as exc:
        return _tolerated(response, cast_to, exc, strict=strict, operation=operation)
    except RecursionError:
        raise validation_error(response, cast_to, TOO_DEEP) from None
    if _says_error_list(value):
        raise error_list_error(response)
    return Parsed(value, [])


_ERROR_LIST_MARK = b"error.list"


def _says_error_list(value: object) -> bool:
    """Whether a parsed or decoded body is an Intercom error list (its top-level ``type``)."""
    if isinstance(value, BaseModel):
        root = value.__dict__.get("root") if getattr(type(value), "__pydantic_root_model__", False) else None
        if root is not None:
            return _says_error_list(root)
        kind = value.__dict__.get("type")
        if kind is None and value.__pydantic_extra__:
            kind = value.__pydantic_extra__.get("type")
        return kind == "error.list"
    return isinstance(value, dict) and value.get("type") == "error.list"


def _decoded_or_none(content: bytes) -> object:
    try:
        return loads(content)
    except ValueError:
        return None


def _tolerated(response: httpx.Response, cast_to: Any, exc: ValidationError, *, strict: bool, operation: str) -> Parsed:
    """The slow path, taken only when the body did not fit: parse what fits, record the rest."""
    try:
        data = loads(response.content)
    except NestedTooDeeplyError:
        raise validation_error(response, cast_to, TOO_DEEP) from None
    except ValueError:  # not JSON at all: nothing to tolerate
        raise validation_error(response, cast_to, summarize(exc)) from exc
    if _says_error_list(data):
        raise error_list_error(response) from None
    try:
        value, drift = tolerate(cast_to, data, operation=operation, request_id=find_request_id(response, None))
    except RecursionError:
        raise validation_error(response, cast_to, TOO_DEEP) from None
    if strict:
        raise validation_error(response, cast_to, summarize(exc), drift=drift) from exc
    return Parsed(value, drift)


def is_json_content_type(content_type: str) -> bool:
    """``application/json`` or any ``application/*+json`` type, parameters ignored."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def _redirect_value(response: httpx.Response, cast_to: object) -> str:
    if cast_to is str or cast_to is object:
        location = response.headers["location"]
        return urllib.parse.urljoin(str(response.request.url), location)
    raise validation_error(response, cast_to, f"got a {response.status_code} redirect instead of a body")


def _empty_value(
    response: httpx.Response, adapter: TypeAdapter[Any], cast_to: object, *, strict: bool, operation: str
) -> Parsed:
    try:
        return Parsed(adapter.validate_python(None), [])
    except ValidationError:
        drift = [Drift(operation, "", "invalid", type_name(cast_to), None, find_request_id(response, None))]
        if strict:
            error = validation_error(response, cast_to, "the body is empty")
            error.drift = drift
            raise error from None
    return Parsed(placeholder(cast_to), drift)


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


def validation_error(
    response: httpx.Response, cast_to: object, reason: str, *, drift: list[Drift] | None = None
) -> ResponseValidationError:
    """Build the :class:`ResponseValidationError` for ``response``."""
    message = f"{response.status_code} response could not be parsed as {type_name(cast_to)}: {reason}"
    request_id = find_request_id(response, None)
    if request_id:
        message += f" (request_id={request_id})"
    if drift:
        shown = "; ".join(d.describe() for d in drift[:_DRIFT_IN_MESSAGE])
        more = f"; and {len(drift) - _DRIFT_IN_MESSAGE} more" if len(drift) > _DRIFT_IN_MESSAGE else ""
        message += f"; drift: {shown}{more}"
    body = response.text
    message += f"; body: {snippet(body, _BODY_IN_MESSAGE)!r}" if body else "; body is empty"
    return ResponseValidationError(message, response=response, reason=reason, drift=drift or [])
