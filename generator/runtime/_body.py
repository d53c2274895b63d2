# This file is part of the intercom-clientgen runtime and is copied into every generated package. Do not edit the copy.
"""Reading an answer's body within ``max_response_bytes``, decoded as it streams in.

A 127 KB gzip body can inflate to 128 MB. :class:`BodyReader` counts the *decoded* bytes and
stops with :class:`ResponseTooLargeError` as soon as there would be more than the limit, so no
more than the limit is ever held in memory:

- ``gzip`` and ``deflate`` (what the client asks for with ``Accept-Encoding``) are inflated here
  from the raw bytes, never more than the room left under the limit at a time;
- any other ``Content-Encoding`` a server sends anyway is decoded by httpx, one network chunk at
  a time, and counted after each chunk;
- a ``Content-Length`` above the limit (without an encoding) is refused before reading anything.

A transport that answers from memory (``httpx.MockTransport``) has the body read already; it is
only measured. Decoding errors are ``httpx.DecodingError``, as when httpx decodes.
"""

from __future__ import annotations

import zlib

import httpx

from ._errors import ResponseTooLargeError
from ._options import BinarySink

ACCEPT_ENCODING = "gzip, deflate"
"""What the client asks for: the encodings :class:`BodyReader` inflates within the limit itself."""
_INFLATED = frozenset({"gzip", "x-gzip", "deflate"})


class _Inflater:
    """One ``gzip`` or ``deflate`` layer, inflating at most ``room + 1`` bytes per call."""

    def __init__(self, encoding: str) -> None:
        self._deflate = encoding == "deflate"
        self._first = True
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS if self._deflate else zlib.MAX_WBITS | 16)

    def inflate(self, data: bytes, room: int | None) -> bytes | None:
        """The bytes ``data`` inflates to, or ``None`` when that is more than ``room``."""
        try:
            out = self._zlib.decompress(data, 0 if room is None else room + 1)
        except zlib.error as exc:
            if not (self._deflate and self._first):
                raise httpx.DecodingError(str(exc)) from exc
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent without its zlib header
            self._first = False
            return self.inflate(data, room)
        self._first = False
        if room is not None and (len(out) > room or self._zlib.unconsumed_tail):
            return None
        return out

    def flush(self) -> bytes:
        try:
            return self._zlib.flush()
        except zlib.error as exc:  # pragma: no cover - zlib's flush reports truncation by returning less
            raise httpx.DecodingError(str(exc)) from exc


class BodyReader:
    """Collects one response's decoded body, raising :class:`ResponseTooLargeError` past ``limit``."""

    def __init__(
        self, response: httpx.Response, limit: int | None, operation: str, sink: BinarySink | None = None
    ) -> None:
        self._response = response
        self._sink = sink
        self._limit = limit
        self._operation = operation
        self._parts: list[bytes] = []
        self._size = 0
        encodings = [e.strip().lower() for e in response.headers.get_list("content-encoding", split_commas=True)]
        encodings = [e for e in encodings if e and e != "identity"]
        self.raw = all(e in _INFLATED for e in encodings)
        """Whether to feed the raw bytes (decoded here); else the bytes httpx decoded."""
        self._layers = [_Inflater(e) for e in reversed(encodings)] if self.raw else []

    @property
    def in_memory(self) -> bool:
        """The transport answered from memory: the body is read already and only measured."""
        return self._response.is_stream_consumed

    def check_declared_length(self) -> None:
        """Refuse a body whose ``Content-Length`` is over the limit before reading it."""
        if self._limit is None or self._layers or not self.raw:
            return
        declared = self._response.headers.get("content-length", "").strip()
        if declared.isdigit() and len(declared) < 20 and int(declared) > self._limit:
            raise self._too_large()

    def measure(self) -> None:
        """Check the size of a body that is already in memory (or hand it to the sink)."""
        if self._limit is not None and len(self._response.content) > self._limit:
            raise self._too_large()
        if self._sink is not None:
            self._sink.write(self._response.content)
            self._response._content = b""

    def feed(self, chunk: bytes) -> None:
        """Take the next chunk (raw or decoded, as :attr:`raw` says)."""
        self._take(self._through(chunk, 0))

    def finish(self) -> None:
        """Flush the decoders and give the response its decoded body (``response.content``)."""
        for index, layer in enumerate(self._layers):
            self._take(self._through(layer.flush(), index + 1))
        self._response._content = b"".join(self._parts)  # what httpx's own Response.read() stores

    def _through(self, data: bytes, start: int) -> bytes:
        for layer in self._layers[start:]:
            if not data:
                return data
            inflated = layer.inflate(data, self._room())
            if inflated is None:
                raise self._too_large()
            data = inflated
        return data

    def _room(self) -> int | None:
        return None if self._limit is None else self._limit - self._size

    def _take(self, data: bytes) -> None:
        if not data:
            return
        self._size += len(data)
        if self._limit is not None and self._size > self._limit:
            raise self._too_large()
        if self._sink is not None:
            self._sink.write(data)
        else:
            self._parts.append(data)

    def _too_large(self) -> ResponseTooLargeError:
        response, limit = self._response, self._limit or 0  # only called with a limit
        message = (
            f"The answer to {self._operation} ({response.status_code} {response.reason_phrase}) is larger than "
            f"max_response_bytes ({limit:,} bytes decoded) and was not read. Raise the limit with "
            f"max_response_bytes=... on the client or request_options={{'max_response_bytes': ...}} "
            "(None for no limit)"
        )
        return ResponseTooLargeError(message, response=response, limit=limit)
