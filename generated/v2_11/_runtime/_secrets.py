# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Keeping the access token out of what a call leaves behind: exceptions and their chains."""

from __future__ import annotations

from typing import TypeVar

from ._errors import APIError

_E = TypeVar("_E", bound=BaseException)
MASK = "***"


def _replace_in_args(error: BaseException, token: str) -> None:
    error.args = tuple(a.replace(token, MASK) if isinstance(a, str) else a for a in error.args)


class Redactor:
    """Removes one client's token from the exceptions it raises."""

    def __init__(self, token: str | None) -> None:
        self._token = token

    def scrub(self, error: _E) -> _E:
        """Remove the token from ``error``'s message, and from the exception chained to it.

        A server or proxy may echo the ``Authorization`` header into a body that ends up in a
        message; an exception chained to ours shows in every traceback. A chained exception that
        still holds the token after its arguments are cleaned is cut off.
        """
        token = self._token
        if not token:
            return error
        _replace_in_args(error, token)
        if isinstance(error, APIError):
            error.message = error.message.replace(token, MASK)
        cause = error.__cause__
        if cause is not None:
            _replace_in_args(cause, token)
            if token in str(cause):
                error.__cause__ = None
                error.__suppress_context__ = True
        return error
