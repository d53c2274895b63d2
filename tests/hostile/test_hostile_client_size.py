"""A generated client (generated/v2_13) meets bodies too large to hold: gzip bombs, endless
streams, a ``Content-Length`` of a terabyte. Nothing larger than ``max_response_bytes`` is ever
held in memory; the caller gets :class:`ResponseTooLargeError` saying the limit and how to raise it.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Iterator
from functools import cache
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import CONTACT, Server, async_client, client

pytestmark = pytest.mark.usefixtures("no_stray_sleep")

MIB = 1024 * 1024


@cache
def gzip_bomb(mebibytes: int = 128) -> bytes:
    """About a thousandth of ``mebibytes`` MiB of gzip that inflates to that many MiB of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b" " * MIB
    parts = [packer.compress(b'{"type": "contact", "id": "1", "name": "')]
    parts += [packer.compress(block) for _ in range(mebibytes)]
    return b"".join([*parts, packer.compress(b'"}'), packer.flush()])


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body streamed in network-sized chunks; ``served`` counts the bytes handed out."""

    def __init__(self, content: bytes, chunk: int = 65536) -> None:
        self.content, self.chunk, self.served = content, chunk, 0

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.content), self.chunk):
            self.served += len(self.content[start : start + self.chunk])
            yield self.content[start : start + self.chunk]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self:
            yield part


def streamed(content: bytes, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers={"Content-Type": "application/json", **headers}, stream=Chunks(content))


def bomb(status: int = 200) -> httpx.Response:
    return streamed(gzip_bomb(), status, **{"Content-Encoding": "gzip"})


def test_a_gzip_bomb_is_refused_with_the_limit_and_how_to_raise_it(pkg: ModuleType) -> None:
    assert len(gzip_bomb()) < 200 * 1024
    with pytest.raises(pkg.ResponseTooLargeError) as caught:
        client(pkg, Server(bomb())).contacts.show_contact("1")
    error = caught.value
    assert isinstance(error, pkg.APIError)
    assert error.limit == pkg.DEFAULT_MAX_RESPONSE_BYTES == 64 * MIB
    assert error.status_code == 200
    assert "max_response_bytes" in str(error)
    assert "67,108,864" in str(error)
    assert "request_options" in str(error)


def test_the_bomb_never_inflates_beyond_the_limit(pkg: ModuleType) -> None:
    api = client(pkg, Server(bomb()), max_response_bytes=MIB)
    tracemalloc.start()
    try:
        with pytest.raises(pkg.ResponseTooLargeError):
            api.contacts.show_contact("1")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * MIB  # the bomb is 128 MiB; the limit 1 MiB


def test_the_async_client_refuses_the_bomb(pkg: ModuleType) -> None:
    async def call() -> Any:
        async with async_client(pkg, Server(bomb()), max_response_bytes=MIB) as api:
            return await api.contacts.show_contact("1")

    with pytest.raises(pkg.ResponseTooLargeError) as caught:
        asyncio.run(call())
    assert caught.value.limit == MIB


def test_an_error_status_with_a_bomb_is_refused_too(pkg: ModuleType) -> None:
    server = Server(bomb(500))
    with pytest.raises(pkg.ResponseTooLargeError) as caught:
        client(pkg, server, max_retries=0).contacts.show_contact("1")
    assert caught.value.status_code == 500


def test_a_retried_answer_is_not_read_at_all(pkg: ModuleType, waits: list[float]) -> None:
    stream = Chunks(gzip_bomb())
    first = httpx.Response(503, headers={"Content-Encoding": "gzip"}, stream=stream)
    server = Server(first, httpx.Response(200, json=CONTACT))
    assert client(pkg, server).contacts.show_contact("1").id == "1"
    assert stream.served == 0


def _body(size: int) -> bytes:
    return json.dumps({**CONTACT, "name": "x" * size}).encode()


ENCODED = {
    "identity": lambda b: b,
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,
    "deflate": zlib.compress,
    "raw deflate": lambda b: zlib.compress(b, wbits=-zlib.MAX_WBITS),
    "gzip, gzip": lambda b: gzip.compress(gzip.compress(b)),
    "gzip, identity": gzip.compress,
    "compress": lambda b: b,  # an encoding nobody decodes: the bytes as they are, still counted
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_every_encoding_is_decoded_and_held_to_the_limit(pkg: ModuleType, name: str) -> None:
    body = _body(200_000)
    encoding = "deflate" if name == "raw deflate" else name
    answer = streamed(ENCODED[name](body), **{"Content-Encoding": encoding})
    raw = client(pkg, Server(answer)).contacts.with_raw_response.show_contact("1")
    assert raw.http_response.content == body
    assert raw.parsed.name == "x" * 200_000
    again = streamed(ENCODED[name](body), **{"Content-Encoding": encoding})
    with pytest.raises(pkg.ResponseTooLargeError):
        client(pkg, Server(again), max_response_bytes=len(body) - 1).contacts.show_contact("1")
    exact = streamed(ENCODED[name](body), **{"Content-Encoding": encoding})
    assert client(pkg, Server(exact), max_response_bytes=len(body)).contacts.show_contact("1").id == "1"


def test_the_limit_is_an_option_of_the_client_and_of_each_call(pkg: ModuleType) -> None:
    body = _body(2 * MIB)
    api = client(pkg, lambda request: streamed(body), max_response_bytes=MIB)
    with pytest.raises(pkg.ResponseTooLargeError):
        api.contacts.show_contact("1")
    assert api.contacts.show_contact("1", request_options={"max_response_bytes": 4 * MIB}).id == "1"
    assert api.contacts.show_contact("1", request_options={"max_response_bytes": None}).id == "1"


def test_a_body_already_in_memory_is_measured(pkg: ModuleType) -> None:
    with pytest.raises(pkg.ResponseTooLargeError):
        client(pkg, Server(httpx.Response(200, content=_body(1000))), max_response_bytes=100).contacts.show_contact("1")


def test_a_declared_length_over_the_limit_is_refused_before_reading(pkg: ModuleType) -> None:
    stream = Chunks(_body(10))
    answer = httpx.Response(200, headers={"Content-Length": str(2**40)}, stream=stream)
    with pytest.raises(pkg.ResponseTooLargeError):
        client(pkg, Server(answer)).contacts.show_contact("1")
    assert stream.served == 0


@pytest.mark.parametrize("content", [b"\x1f\x8b not gzip at all", gzip.compress(_body(100))[:-30]])
def test_a_broken_gzip_body_is_a_connection_error(pkg: ModuleType, content: bytes) -> None:
    answer = streamed(content, **{"Content-Encoding": "gzip"})
    try:
        client(pkg, Server(answer), max_retries=0).contacts.show_contact("1")
    except pkg.IntercomError as error:  # a body cut short may also just not parse
        assert isinstance(error, pkg.APIConnectionError | pkg.ResponseValidationError)


@pytest.mark.parametrize("bad", [-1, 1.5, "64", True])
def test_an_unusable_limit_is_refused(pkg: ModuleType, bad: Any) -> None:
    with pytest.raises(ValueError, match="max_response_bytes"):
        client(pkg, Server(httpx.Response(200, json=CONTACT)), max_response_bytes=bad)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_bomb_from_a_real_server_is_refused(pkg: ModuleType, kind: str) -> None:
    from slow_server import Connection, LocalServer, head

    payload = gzip_bomb()

    def answer(connection: Connection) -> None:
        connection.send(head(length=len(payload), Content_Encoding="gzip") + payload)

    async def call_async(url: str) -> Any:
        http = httpx.AsyncClient(trust_env=False)
        async with pkg.AsyncIntercom(token="t", base_url=url, http_client=http, max_response_bytes=MIB) as api:
            try:
                return await api.contacts.show_contact("1")
            finally:
                await http.aclose()

    with LocalServer(answer) as server, pytest.raises(pkg.ResponseTooLargeError) as caught:
        if kind == "sync":
            with httpx.Client(trust_env=False) as http:
                pkg.Intercom(
                    token="t", base_url=server.url, http_client=http, max_response_bytes=MIB
                ).contacts.show_contact("1")
        else:
            asyncio.run(call_async(server.url))
    assert caught.value.limit == MIB
