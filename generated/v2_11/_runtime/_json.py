# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Decoding a body as JSON, for every place in the runtime that does: nothing escapes but ``ValueError``.

``json.loads`` raises :class:`RecursionError` on a body nested about a thousand levels deep (a few
kilobytes of ``[[[[...``); :func:`loads` turns it into :class:`NestedTooDeeplyError`, a
``ValueError`` like every other reason a body is not usable JSON, so a caller that handles
"not JSON" handles it too.
"""

from __future__ import annotations

import json

TOO_DEEP = "the body is nested too deeply to parse"


class NestedTooDeeplyError(ValueError):
    """A JSON body nested more deeply than Python can decode."""


def loads(content: bytes | str) -> object:
    """``json.loads(content)``; raises only ``ValueError`` (:class:`NestedTooDeeplyError` for deep nesting)."""
    try:
        return json.loads(content)
    except RecursionError:
        raise NestedTooDeeplyError(TOO_DEEP) from None
