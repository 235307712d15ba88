"""A local server that answers like api.statbank.dk/v1/data, from canned tables (nothing reaches the internet).

The StatBank API takes a POST of JSON ({"table", "format", "lang", "delimiter", "variables": [{"code",
"values"}]}) and answers a ';'-separated table with a BOM, or an HTTP 400 whose JSON body has
"errorTypeCode" and "message" (Danmarks Statistik, "Statistikbank API"). The same protocol as the
replay in tests/integration/economy/test_fetch.py, for any number of tables.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Replay:
    """Canned answers by table id (the CSV text as sent, BOM included if wanted); every request is kept."""

    def __init__(self, answers: dict[str, str]):
        self.answers = {k.upper(): v for k, v in answers.items()}
        self.requests: list[dict] = []  # the JSON bodies posted
        self.calls: list[tuple[str, str, dict]] = []  # (path, Content-Type, body)
        self.url = ""


def _handler(replay: Replay):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
            replay.requests.append(body)
            replay.calls.append((self.path, self.headers["Content-Type"], body))
            answer = replay.answers.get(str(body.get("table", "")).upper())
            if answer is None:
                self._send(400, "application/json", json.dumps(
                    {"errorTypeCode": "EXTRACT-NOTFOUND", "message": f"Tabellen {body.get('table')} findes ikke"}))
                return
            self._send(200, "text/csv; charset=utf-8", answer)

        def _send(self, status: int, content_type: str, text: str):
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


@contextmanager
def serving(answers: dict[str, str]) -> Iterator[Replay]:
    replay = Replay(answers)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(replay))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    replay.url = f"http://127.0.0.1:{server.server_address[1]}/v1/data"
    try:
        yield replay
    finally:
        server.shutdown()
        server.server_close()
