"""`trekant economy fetch` against a local server that answers like api.statbank.dk/v1/data.

The StatBank API takes a POST of JSON ({"table", "format": "CSV"|"BULK", "lang", "delimiter",
"variables": [{"code", "values"}]}) and answers a `;`-separated table with a BOM, or an HTTP
error whose JSON body carries "errorTypeCode" and "message" (Danmarks Statistik, "Statistikbank
API", dst.dk/da/Statistik/hjaelp-til-statistikbanken/api). Nothing here reaches the internet.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# FOLK1A figures for 1 January 2008 and 2020 as in the shipped data (Q1 rows).
ANSWER = ("\ufeffOMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\n"
          "Vejle;Total;Age, total;Total;2008Q1;104933\n"
          "Vejle;Total;Age, total;Total;2020Q1;115748\n"
          "Kolding;Total;Age, total;Total;2008Q1;87781\n"
          "Kolding;Total;Age, total;Total;2020Q1;93175\n")


class StatBank(BaseHTTPRequestHandler):
    requests: list = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
        StatBank.requests.append((self.path, self.headers["Content-Type"], body))
        if body["table"] != "FOLK1A":
            self._send(400, "application/json", json.dumps(
                {"errorTypeCode": "EXTRACT-NOTFOUND", "message": f"Tabellen {body['table']} findes ikke"}))
            return
        self._send(200, "text/csv; charset=utf-8", ANSWER)

    def _send(self, status: int, content_type: str, text: str):
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def statbank():
    StatBank.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatBank)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/data"
    server.shutdown()
    server.server_close()


def test_fetch_posts_the_documented_request_and_imports(store_env, statbank, tmp_path, run_json):
    saved = tmp_path / "raw.csv"
    summary = run_json("economy", "fetch", "folk1a", "--url", statbank, "--var", "OMRÅDE=630,621",
                       "--var", "Tid=2008K1,2020K1", "--indicator", "population_api", "--save", str(saved))
    [(path, content_type, body)] = StatBank.requests
    assert path == "/v1/data" and content_type == "application/json"
    assert body == {"table": "FOLK1A", "format": "CSV", "lang": "en", "delimiter": "Semicolon",
                    "variables": [{"code": "OMRÅDE", "values": ["630", "621"]},
                                  {"code": "Tid", "values": ["2008K1", "2020K1"]}]}
    assert summary["values"] == 4 and summary["fetched_from"] == statbank
    assert "FOLK1A" in summary["source"] and summary["licence"] == "CC BY 4.0"
    assert saved.read_text(encoding="utf-8") == ANSWER.lstrip("\ufeff")
    growth = run_json("economy", "growth", "-i", "population_api", "--area", "Vejle", "--among", "Vejle,Kolding")
    assert growth["growth"]["change"] == 115_748 - 104_933


def test_bulk_format_is_passed_on(store_env, statbank, run_json):
    run_json("economy", "fetch", "FOLK1A", "--url", statbank, "--format", "BULK", "--var", "OMRÅDE=*",
             "--var", "Tid=*", "-i", "population_api")
    assert StatBank.requests[0][2]["format"] == "BULK"


def test_api_error_message_reaches_the_user(store_env, statbank, run):
    result = run("economy", "fetch", "NOSUCH", "--url", statbank)
    assert result.exit_code == 1
    assert "400" in result.stderr and "Tabellen NOSUCH findes ikke" in result.stderr


def test_unreachable_api_is_one_clear_line(store_env, run):
    result = run("economy", "fetch", "FOLK1A", "--url", "http://127.0.0.1:9/v1/data")
    assert result.exit_code == 1 and "cannot reach the StatBank API" in result.stderr


def test_bad_variable_selection(store_env, statbank, run):
    result = run("economy", "fetch", "FOLK1A", "--url", statbank, "--var", "OMRÅDE")
    assert result.exit_code == 1 and "CODE=value" in result.stderr
