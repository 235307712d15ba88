"""Read a table from CSV (`,` or `;`, decimal comma with `;`) or XLSX into rows of strings.

Each row keeps its row number in the file (header = row 1), so readers can report file, row and
column for every problem. A file that cannot be read at all is one Issue, never a traceback.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from trekant.errors import Issue
from trekant.textfile import SAVE_AS_UTF8, file_problem, text_or_issue

Row = tuple[int, dict[str, str]]
EXCEL_HINT = f"{SAVE_AS_UTF8} (CSV UTF-8 in Excel)"


def read_text(path: Path, line_word: str = "row") -> tuple[str | None, Issue | None]:
    """The file as text (UTF-8, with or without BOM), or the one Issue that says why it is not.

    UTF-16 (what Excel's "Unicode text" writes) and Latin-1 files are refused with the line of the
    first bad byte, so the user knows to save the file as UTF-8 instead of seeing a wrong column.
    """
    return text_or_issue(path, line_word=line_word, hint=EXCEL_HINT)


def read_rows(path: Path) -> tuple[list[str], list[Row], list[Issue]]:
    """(header, [(row_number, {column: text})], issues) from a CSV or XLSX file."""
    problem = file_problem(path)
    if problem:
        return [], [], [problem]
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, rows, issues = _read_xlsx(path)
    elif suffix in (".csv", ".txt", ""):
        header, rows, issues = _read_csv(path)
    else:
        return [], [], [Issue("error", "format", str(path), "file", f"unsupported file type {suffix!r} (use .csv or .xlsx)")]
    issues = issues or _header_issues(header, str(path))
    if not issues and not rows:
        issues = [Issue("error", "empty", str(path), "row 2", "the file has a header but no data rows")]
    return (header, rows, []) if not issues else ([], [], issues)


def _header_issues(header: list[str], source: str) -> list[Issue]:
    issues = []
    if len(header) == 1 and any(sep in header[0] for sep in ("\t", "|")):
        issues.append(Issue("error", "separator", source, "row 1",
                            f"one column only ({header[0][:40]!r}…): separate the columns with ',' or ';'"))
    seen = set()
    for column in header:
        if column and column in seen:
            issues.append(Issue("error", "columns", source, "row 1", f"column {column!r} appears twice", column))
        seen.add(column)
    return issues


def _read_csv(path: Path) -> tuple[list[str], list[Row], list[Issue]]:
    text, problem = read_text(path)
    if problem:
        return [], [], [problem]
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return [], [], [Issue("error", "empty", str(path), "row 1", "the file is empty or has no header row")]
    sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
    header = [h.strip().lower() for h in next(reader)]
    rows, issues = [], []
    try:
        for values in reader:
            number = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header) and any(v.strip() for v in values[len(header):]):
                issues.append(Issue("error", "columns", str(path), f"row {number}",
                                    f"{len(values)} values but {len(header)} columns (a decimal comma in a ','-file? "
                                    "quote the number or use ';')"))
                continue
            cells = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
            if sep == ";":
                cells = {k: _decimal_comma(v) for k, v in cells.items()}
            rows.append((number, cells))
    except csv.Error as exc:
        issues.append(Issue("error", "format", str(path), f"row {reader.line_num}",
                            f"cannot read the CSV: {exc} (a truncated file or a quote that is never closed?)"))
    return header, rows, issues


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
