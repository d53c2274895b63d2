"""``download_to``: a successful answer's body goes to a file while it arrives, not into memory."""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterator

import httpx
import pytest
from runtime_support import FakeServer, Harness, error_response

from generator.runtime import NotFoundError

Build = Callable[..., Harness]
EXPORT = bytes(range(256)) * 4096  # 1 MiB of every byte value


class Chunked(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives in 64 KiB pieces, as from the network."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self._data), 65536):
            yield self._data[start : start + 65536]

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        for chunk in self:
            yield chunk


def download(h: Harness, sink: io.BytesIO, **options: object) -> object:
    return h.request("get", "/download/content/data/x", cast_to=bytes, options={"download_to": sink, **options})


@pytest.mark.parametrize("streamed", [True, False])
def test_the_body_goes_to_the_file_and_not_into_memory(harness: Build, streamed: bool) -> None:
    body = Chunked(EXPORT) if streamed else EXPORT
    server = FakeServer(
        lambda request: httpx.Response(200, stream=body) if streamed else httpx.Response(200, content=body)
    )
    sink = io.BytesIO()
    assert download(harness(server), sink, max_response_bytes=1024) == b""  # the limit is for memory
    assert sink.getvalue() == EXPORT


def test_a_gzip_answer_is_written_decoded(harness: Build) -> None:
    packed = gzip.compress(EXPORT)
    server = FakeServer(
        lambda request: httpx.Response(200, stream=Chunked(packed), headers={"Content-Encoding": "gzip"})
    )
    sink = io.BytesIO()
    download(harness(server), sink)
    assert sink.getvalue() == EXPORT


def test_an_error_answer_raises_and_writes_nothing(harness: Build) -> None:
    server = FakeServer(lambda request: error_response(404, "not_found", "No such export"))
    sink = io.BytesIO()
    with pytest.raises(NotFoundError):
        download(harness(server), sink)
    assert sink.getvalue() == b""


def test_a_retried_answer_is_written_once(harness: Build) -> None:
    answers = iter([error_response(503, "unavailable", "try again"), httpx.Response(200, stream=Chunked(EXPORT))])
    server = FakeServer(lambda request: next(answers))
    sink = io.BytesIO()
    download(harness(server, max_retries=1, max_retry_wait=0.0), sink)
    assert sink.getvalue() == EXPORT and len(server.requests) == 2
