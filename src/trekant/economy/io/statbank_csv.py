"""StatBank CSV: `;` separated (`,` accepted), decimal comma, `..` missing, UTF-8 with BOM.

A file and an API response go through the same `read_text`. Before pandas sees the text, the
rows are counted against the header: pandas would silently turn surplus cells into an index and
fill short rows with blanks, so a truncated file or a stray separator is reported by its row.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from trekant.economy.io.table import RawTable
from trekant.errors import InputError, Issue
from trekant.textfile import read_utf8

VALUE_COLUMNS = ("INDHOLD", "value", "Value", "VALUE", "DATA")
STATBANK_HINT = "StatBank CSV is UTF-8 with BOM"


def read(path: Path) -> RawTable:
    """A StatBank CSV file; UTF-16 and Latin-1 are refused with the row of the first bad byte."""
    table = read_text(read_utf8(path, "StatBank CSV", line_word="row", hint=STATBANK_HINT), str(path))
    table.title = path.stem
    return table


def _separator(text: str) -> str:
    first = text.splitlines()[0] if text.strip() else ""
    return "," if first.count(",") > first.count(";") else ";"


def _shape_issues(text: str, sep: str, source: str) -> list[Issue]:
    """Duplicate column names, and rows whose number of cells differs from the header's."""
    reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
    issues = []
    try:
        header = next(reader, [])
        for column in {c for c in header if header.count(c) > 1}:
            issues.append(Issue("error", "duplicate-column", source, "row 1", f"column {column!r} appears twice", column))
        for cells in reader:
            if cells and len(cells) != len(header):
                issues.append(Issue("error", "row-length", source, f"row {reader.line_num}",
                                    f"{len(cells)} cells but {len(header)} columns (a truncated file or a stray '{sep}'?)"))
    except csv.Error as exc:
        issues.append(Issue("error", "format", source, f"row {reader.line_num}",
                            f"cannot read the CSV: {exc} (a quote that is never closed?)"))
    return issues


def read_text(text: str, source: str) -> RawTable:
    """A StatBank CSV held in memory (a decoded file or an API response)."""
    text = text.lstrip("\ufeff")
    sep = _separator(text)
    issues = _shape_issues(text, sep, source)
    if issues:
        raise InputError.from_issues(source, issues)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(source, reason=f"not a readable CSV table: {str(exc).splitlines()[0]}") from None
    if frame.empty or len(frame.columns) < 3:
        raise InputError(source, reason="not a StatBank table: expected a header, at least three columns "
                                        "(area, time, value) separated by ';' or ',', and one row or more")
    value = next((c for c in VALUE_COLUMNS if c in frame.columns), frame.columns[-1])
    return RawTable(source, frame, value, row_offset=2)
