"""A client for Statistics Denmark's StatBank API (https://api.statbank.dk/v1/data), stdlib only.

The data call is a POST of JSON: {"table": "FOLK1A", "format": "CSV" | "BULK", "lang": "en",
"delimiter": "Semicolon", "variables": [{"code": "OMRÅDE", "values": ["*"]}, …]}. The answer
is a `;`-separated table (the same shape as a StatBank CSV download); errors come back as an
HTTP 4xx with a JSON body carrying "message". BULK streams large extracts but needs a value
selection for every variable of the table.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse

from trekant.economy.io import statbank_csv
from trekant.economy.io.table import RawTable
from trekant.errors import InputError
from trekant.fetch import fetch as fetch_url

DATA_URL = "https://api.statbank.dk/v1/data"
FORMATS = ("CSV", "BULK")
USER_AGENT = "trekant (https://github.com/trekant; economy fetch)"
TABLE_ID = re.compile(r"^[A-Za-z0-9]{2,20}$")  # FOLK1A, LBESK69, RAS300


def check_request(table: str, url: str) -> None:
    """A StatBank table id and an http(s) URL, before anything is sent (urllib would also open file://)."""
    if not TABLE_ID.match(table):
        raise InputError("fetch", "TABLE", f"{table!r} is not a StatBank table id (letters and digits, e.g. FOLK1A)")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(url, "--url", "give an http:// or https:// address of the StatBank API data endpoint")


def request_body(table: str, variables: dict[str, list[str]], fmt: str = "CSV", language: str = "en") -> dict:
    if fmt.upper() not in FORMATS:
        raise InputError("fetch", reason=f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return {"table": table.upper(), "format": fmt.upper(), "lang": language, "delimiter": "Semicolon",
            "variables": [{"code": code, "values": list(values)} for code, values in variables.items()]}


def _error_message(body: bytes) -> str:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return body.decode("utf-8", "replace").strip()[:200]
    if isinstance(data, dict):
        return str(data.get("message") or data.get("errorTypeCode") or data)[:300]
    return str(data)[:200]


def fetch(table: str, variables: dict[str, list[str]], url: str = DATA_URL, fmt: str = "CSV",
          language: str = "en", timeout_s: float = 60.0) -> str:
    """The table as text; InputError with the API's own message on any failure."""
    check_request(table, url)
    payload = json.dumps(request_body(table, variables, fmt, language)).encode("utf-8")
    headers = {"Content-Type": "application/json", "Accept": "text/csv, application/json", "User-Agent": USER_AGENT}

    def api_error(exc: urllib.error.HTTPError) -> InputError:
        return InputError(url, f"table {table.upper()}", f"StatBank API answered {exc.code}: {_error_message(exc.read())}")

    body = fetch_url(url, data=payload, headers=headers, method="POST", timeout_s=timeout_s,
                     on_http_error=api_error, server="the StatBank API").body
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(url, f"table {table.upper()}", "the answer is not UTF-8 text") from None
    if text.lstrip().startswith("{"):
        raise InputError(url, f"table {table.upper()}", f"StatBank API error: {_error_message(body)}")
    return text


def to_table(text: str, table: str, url: str) -> RawTable:
    raw = statbank_csv.read_text(text, f"{url} ({table.upper()})")
    raw.table_id = table.upper()
    raw.title = table.upper()
    return raw


def parse_variables(items: list[str]) -> dict[str, list[str]]:
    """['OMRÅDE=0630,0621', 'Tid=*'] → {'OMRÅDE': ['0630', '0621'], 'Tid': ['*']}."""
    variables = {}
    for item in items:
        code, sep, values = item.partition("=")
        if not sep or not code.strip() or not values.strip():
            raise InputError("--var", item, "write a variable selection as CODE=value1,value2 (or CODE=*)")
        variables[code.strip()] = [v.strip() for v in values.split(",") if v.strip()]
    return variables
