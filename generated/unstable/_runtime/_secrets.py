# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Keeping the access token out of what a call leaves behind: exceptions, their chains, pickles, log records.

Every client has a :class:`Redactor` holding its secrets (the access token; :meth:`Redactor.add`
takes more). Whatever a call raises is scrubbed before the caller sees it: every exception of its
chain (``__cause__`` and ``__context__``, shown or suppressed) loses the secrets from its
arguments and attributes, and stored requests and answers are replaced by clean copies (see
``_sanitize``); an exception that still shows a secret after that (a ``pydantic``
``ValidationError`` quoting a body that echoed the token) is cut from the chain.

While a redactor with a secret exists, every record of the loggers a call goes through
(``intercom``, ``httpx`` and ``httpcore`` and their children, where ``httpcore`` logs raw headers at
DEBUG) is cleaned of the secrets of every live client before any handler sees it. Errors pickle
without them too (``IntercomError.__reduce__`` uses :func:`redact_live`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from typing import TypeVar

from pydantic import ValidationError

from ._sanitize import MASK, Cleaner

_E = TypeVar("_E", bound=BaseException)
LOGGER_FAMILIES = ("intercom", "httpx", "httpcore")
# httpx imports httpcore only when it first builds a transport: its loggers are named in advance
_KNOWN_LOGGERS = ("httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy", "httpcore.socks")
_LINKS = ("__cause__", "__context__")


def forms_of(secret: str) -> set[str]:
    """``secret`` and the ways a repr may print it (escaped inside a ``str`` or ``bytes`` literal)."""
    return {secret, repr(secret)[1:-1], repr(secret.encode("utf-8", "backslashreplace"))[2:-1]}


def redact(text: str, forms: tuple[str, ...]) -> str:
    """``text`` with every one of ``forms`` replaced by ``***`` (``forms`` longest first)."""
    for form in forms:
        if form in text:
            text = text.replace(form, MASK)
    return text


def reveals(text: str, forms: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``forms``."""
    return any(form in text for form in forms)


MIN_SECRET_LENGTH = 8
"""Shorter secrets are not redacted: masking every ``t`` of a log line would hide what it says, and
no Intercom access token is that short (tests and local stubs use such tokens)."""


class Redactor:
    """Removes one client's secrets (of at least ``MIN_SECRET_LENGTH`` characters) from what its
    calls leave behind."""

    def __init__(self, *secrets: str | None) -> None:
        self._forms: tuple[str, ...] = ()
        for secret in secrets:
            if secret:
                self.add(secret)

    def add(self, secret: str) -> None:
        """Keep ``secret`` out too (a second credential, a refreshed token); logging is guarded from now on."""
        if len(secret) < MIN_SECRET_LENGTH or secret in self._forms:
            return
        forms = {form for form in forms_of(secret) if form}
        self._forms = tuple(sorted(forms.union(self._forms), key=len, reverse=True))
        with _live_lock:
            _live.add(self)
        install_log_filter()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form of every secret, longest first."""
        return self._forms

    def redact(self, text: str) -> str:
        """``text`` with this redactor's secrets replaced by ``***``."""
        return redact(text, self._forms)

    def scrub(self, error: _E) -> _E:
        """Remove the secrets from ``error`` and its whole chain (see the module docstring); returns it."""
        if self._forms:
            scrub_chain(error, self._forms)
        return error

    @contextlib.contextmanager
    def scrubbing(self) -> Iterator[None]:
        """Scrub whatever escapes the block on its way out."""
        try:
            yield
        except Exception as error:
            self.scrub(error)
            raise


class _ChainScrub:
    """Cleans each exception of a chain once and remembers whether it may stay chained."""

    def __init__(self, forms: tuple[str, ...]) -> None:
        self.forms = forms
        self.cleaner = Cleaner(lambda text: redact(text, forms))
        self.verdicts: dict[int, tuple[BaseException, bool]] = {}

    def keeps(self, error: BaseException) -> bool:
        known = self.verdicts.get(id(error))
        if known is None or known[0] is not error:
            _clean_exception(error, self.cleaner)
            known = self.verdicts[id(error)] = (error, not any(reveals(t, self.forms) for t in _texts(error)))
        return known[1]


def scrub_chain(error: BaseException, forms: tuple[str, ...]) -> None:
    """Clean ``error`` and every exception chained to it; cut off those that still show a secret."""
    scrub = _ChainScrub(forms)
    scrub.keeps(error)
    pending, walked = [error], set()
    while pending:
        current = pending.pop()
        if id(current) in walked:
            continue
        walked.add(id(current))
        for link in _LINKS:
            linked = getattr(current, link)
            if linked is None:
                continue
            if scrub.keeps(linked):
                pending.append(linked)
                continue
            setattr(current, link, None)
            if link == "__cause__":
                current.__suppress_context__ = True


def _clean_exception(error: BaseException, cleaner: Cleaner) -> None:
    args = cleaner.value(error.args)
    if args is not error.args:
        with contextlib.suppress(AttributeError, TypeError):
            error.args = args
    attributes: dict[str, object] = getattr(error, "__dict__", None) or {}
    for name, value in list(attributes.items()):
        cleaned = cleaner.value(value)
        if cleaned is not value:
            attributes[name] = cleaned


def _texts(error: BaseException) -> Iterator[str]:
    """What an exception shows of itself: its message, repr, arguments and attributes."""
    yield _text(str, error)
    yield _text(repr, error)
    yield _text(repr, error.args)
    yield _text(repr, getattr(error, "__dict__", None))
    if isinstance(error, ValidationError):
        yield _text(repr, error.errors(include_url=False))


def _text(show: Callable[[object], str], value: object) -> str:
    try:
        return show(value)
    except Exception:  # a broken __str__ or __repr__ shows nothing
        return ""


# Logging: one filter, on every logger of the families a call goes through, for every live client.

_live: weakref.WeakSet[Redactor] = weakref.WeakSet()
_live_lock = threading.Lock()


def live_forms() -> tuple[str, ...]:
    """The forms of the secrets of every redactor that exists, longest first."""
    with _live_lock:
        forms = {form for redactor in _live for form in redactor.forms}
    return tuple(sorted(forms, key=len, reverse=True))


def redact_live(text: str) -> str:
    """``text`` without the secret of any client that exists."""
    return redact(text, live_forms())


class SecretFilter(logging.Filter):
    """Cleans a record of the secrets of every live client: its message, arguments and exception."""

    def filter(self, record: logging.LogRecord) -> bool:
        forms = live_forms()
        if not forms:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken logging call: logging reports msg and args, so check both
            message = _text(str, record.msg)
        if reveals(message, forms) or (record.args and reveals(_text(repr, record.args), forms)):
            record.msg, record.args = redact(message, forms), ()
        if record.exc_info and record.exc_info[1] is not None:
            scrub_chain(record.exc_info[1], forms)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, forms)
        return True


SECRET_FILTER = SecretFilter()


def install_log_filter() -> None:
    """Put :data:`SECRET_FILTER` on every logger of :data:`LOGGER_FAMILIES`.

    A logger's filter sees only the records logged on that very logger, not those of its children,
    so each one gets it: those that exist, and those httpcore creates when it is imported.
    """
    names = [name for name in list(logging.Logger.manager.loggerDict) if name.split(".")[0] in LOGGER_FAMILIES]
    for name in {*LOGGER_FAMILIES, *_KNOWN_LOGGERS, *names}:
        logging.getLogger(name).addFilter(SECRET_FILTER)
