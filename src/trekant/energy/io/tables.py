"""Read a table from CSV (`,` or `;`, decimal comma with `;`) or XLSX into rows of strings.

Each row keeps its row number in the file (header = row 1), so readers can report file, row and
column for every problem. A file that cannot be read at all is one Issue, never a traceback.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from trekant.errors import Issue

Row = tuple[int, dict[str, str]]


def read_rows(path: Path) -> tuple[list[str], list[Row], list[Issue]]:
    """(header, [(row_number, {column: text})], issues) from a CSV or XLSX file."""
    source = str(path)
    if not path.exists():
        return [], [], [Issue("error", "file", source, "file", "no such file")]
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(path)
    return [], [], [Issue("error", "format", source, "file", f"unsupported file type {suffix!r} (use .csv or .xlsx)")]


def _decode(path: Path) -> tuple[str | None, Issue | None]:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, Issue("error", "encoding", str(path), f"byte {exc.start}",
                           "the file is not UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)")


def _read_csv(path: Path) -> tuple[list[str], list[Row], list[Issue]]:
    text, problem = _decode(path)
    if problem:
        return [], [], [problem]
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return [], [], [Issue("error", "empty", str(path), "row 1", "the file is empty or has no header row")]
    sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    header = [h.strip().lower() for h in next(reader)]
    rows = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        cells = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        if sep == ";":
            cells = {k: _decimal_comma(v) for k, v in cells.items()}
        rows.append((number, cells))
    return header, rows, []


def _decimal_comma(value: str) -> str:
    """'1.234,5' → '1234.5' in semicolon files (the Danish spreadsheet convention)."""
    if "," in value and value.replace(".", "").replace(",", "", 1).lstrip("-").isdigit():
        return value.replace(".", "").replace(",", ".")
    return value


def _read_xlsx(path: Path) -> tuple[list[str], list[Row], list[Issue]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        return [], [], [Issue("error", "format", str(path), "file", f"cannot read as XLSX: {exc}")]
    try:
        sheet = book.worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
    finally:
        book.close()
    if not values or not any(values[0]):
        return [], [], [Issue("error", "empty", str(path), "row 1", "the sheet is empty or has no header row")]
    header = [str(h).strip().lower() if h is not None else "" for h in values[0]]
    rows = []
    for number, row in enumerate(values[1:], start=2):
        if not any(v not in (None, "") for v in row):
            continue
        rows.append((number, {h: "" if v is None else str(v).strip() for h, v in zip(header, row)}))
    return header, rows, []
