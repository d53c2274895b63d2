# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Request bodies from keyword arguments: what a generated method sends when it is called.

A method whose body is an object takes the body's properties as keyword arguments, or the whole
body as ``body=`` (a model or a dict), never both. Only the arguments the caller passed are sent,
under their wire names and exactly as given: a model is dumped by the runtime as usual (only the
fields that were set), a dict goes out as it is, and ``None`` is sent as JSON ``null``.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel


class Omit:
    """The default of body arguments: "not passed", so not sent (``None`` is sent as ``null``)."""

    _instance: Omit | None = None

    def __new__(cls) -> Omit:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "OMIT"


OMIT = Omit()


def request_body(
    method: str,
    body: object,
    fields: Mapping[str, object],
    names: Mapping[str, str],
    *,
    body_field: bool = False,
) -> object | None:
    """The body to send: ``body`` when given whole, else ``{wire name: value}`` of the passed ``fields``.

    ``names`` maps each keyword argument to its wire name. With ``body_field`` the body has a
    property called ``body`` too: a ``body`` that is no mapping or model (``None`` included) is
    that property.
    Raises :class:`TypeError` for an unknown keyword argument, or for ``body=`` with keyword
    arguments beside it. ``None`` means "send no body".
    """
    unknown = [name for name in fields if name not in names]
    if unknown:
        raise TypeError(f"{method}() got an unexpected keyword argument {unknown[0]!r}")
    whole = body is not OMIT and (not body_field or isinstance(body, (Mapping, BaseModel)))
    if whole:
        if fields:
            given = ", ".join(fields)
            raise TypeError(
                f"{method}() takes the request body either whole (body=) or as keyword arguments, not both;"
                f" got body= and {given}"
            )
        return body
    sent = {"body": body, **fields} if body is not OMIT else dict(fields)
    if not sent:
        return None
    return {names[name]: value for name, value in sent.items()}
