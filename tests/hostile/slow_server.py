"""A real HTTP server on 127.0.0.1, in a thread, that answers as slowly as it is told to."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from types import TracebackType

Answer = Callable[["Connection"], None]


class Connection:
    """One accepted connection: the request that came in, and ways to answer it slowly."""

    def __init__(self, sock: socket.socket, stop: threading.Event) -> None:
        self.sock = sock
        self.stop = stop
        self.request = b""

    def read_request(self) -> bytes:
        while b"\r\n\r\n" not in self.request:
            data = self.sock.recv(65536)
            if not data:
                break
            self.request += data
        return self.request

    def send(self, data: bytes) -> bool:
        """Send ``data``; ``False`` once the client has gone away or the server is stopping."""
        if self.stop.is_set():
            return False
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def drip(self, data: bytes, every: float) -> None:
        """Send ``data`` one byte at a time, ``every`` seconds apart."""
        for index in range(len(data)):
            if not self.send(data[index : index + 1]) or self.stop.wait(every):
                return


class LocalServer:
    """``with LocalServer(answer) as server:`` serves ``server.url`` until the block ends."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)  # so the accepting thread sees ``stop`` soon
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.threads: list[threading.Thread] = []
        self.requests: list[bytes] = []

    def __enter__(self) -> LocalServer:
        accepting = threading.Thread(target=self._accept, daemon=True)
        accepting.start()
        self.threads.append(accepting)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=5)
        self.listener.close()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                sock, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            sock.settimeout(None)
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            connection = Connection(sock, self.stop)
            self.requests.append(connection.read_request())
            self.answer(connection)


def head(status: str = "200 OK", length: int | None = None, **headers: str) -> bytes:
    """The status line and headers of an answer, ``Content-Type: application/json`` first."""
    lines = [f"HTTP/1.1 {status}", "Content-Type: application/json"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
