"""A local HTTP server that misbehaves on purpose, for the fetch tests (nothing leaves 127.0.0.1).

Paths: /drip (one byte every 0.2 s of a 2,000-byte answer: 400 s in all), /cut (Content-Length 1000,
10 bytes, then the connection closes), /reset (a few bytes, then TCP RST), /to-ftp and /to-file
(302 to ftp:// and file://), /hop-then-ftp (302 to /to-ftp: the second hop is the bad one),
/slow-headers (the status line, then a header byte every 0.2 s).
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from contextlib import contextmanager, suppress
from socketserver import StreamRequestHandler, ThreadingTCPServer


class _Hostile(StreamRequestHandler):
    def handle(self):
        request_line = self.rfile.readline().decode("latin-1")
        length = 0
        while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        if length:
            self.rfile.read(length)
        path = request_line.split(" ")[1].split("?")[0] if " " in request_line else "/"
        with suppress(OSError):
            getattr(self, "_" + path.strip("/").replace("-", "_"), self._not_found)()

    def _send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _drip(self):
        self._send(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 2000\r\n\r\n")
        for _ in range(2000):
            self._send(b"x")
            time.sleep(0.2)

    def _cut(self):
        self._send(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n\r\n" + b"x" * 10)

    def _reset(self):
        self._send(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n\r\n" + b"x" * 10)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    def _redirect(self, location: str):
        self._send(f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n".encode())

    def _to_ftp(self):
        self._redirect("ftp://127.0.0.1/secret.csv")

    def _to_file(self):
        self._redirect("file:///etc/passwd")

    def _hop_then_ftp(self):
        self._redirect("/to-ftp")

    def _slow_headers(self):
        self._send(b"HTTP/1.1 200 OK\r\n")
        for byte in b"X-Slow: " + b"y" * 2000:
            self._send(bytes([byte]))
            time.sleep(0.2)

    def _not_found(self):
        self._send(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")


class _Server(ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def hostile_server():
    """The base URL (http://127.0.0.1:PORT) of a running hostile server."""
    server = _Server(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
