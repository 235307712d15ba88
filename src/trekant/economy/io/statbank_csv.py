"""StatBank CSV: `;` separated (`,` accepted), decimal comma, `..` missing, UTF-8 with BOM.

A file and an API response go through the same `read_text`, and both through the shared
`trekant.csvfile` reader: rows are counted against the header (a truncated file or a stray
separator is reported by its row), and the value column's number notation (1.234,5 or 1,234.5)
is decided from all its cells, so `1.234` is never read as 1.234 beside a `1.234,5`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from trekant.csvfile import decide_numbers, parse_csv
from trekant.economy.io.table import RawTable
from trekant.errors import InputError
from trekant.textfile import raise_issue, read_utf8

VALUE_COLUMNS = ("INDHOLD", "value", "Value", "VALUE", "DATA")
STATBANK_HINT = "StatBank CSV is UTF-8 with BOM"


def read(path: Path) -> RawTable:
    """A StatBank CSV file; UTF-16 and Latin-1 are refused with the row of the first bad byte."""
    table = read_text(read_utf8(path, "StatBank CSV", line_word="row", hint=STATBANK_HINT), str(path))
    table.title = path.stem
    return table


def _raise(source: str, issues: list) -> None:
    if len(issues) == 1:
        raise_issue(issues[0])  # its message in str(error) too
    if issues:
        raise InputError.from_issues(source, issues)


def read_text(text: str, source: str) -> RawTable:
    """A StatBank CSV held in memory (a decoded file or an API response)."""
    table, issues = parse_csv(text, source, short_rows="error", numeric=())
    _raise(source, issues)
    if not table.rows or len(table.header) < 3:
        raise InputError(source, reason="not a StatBank table: expected a header, at least three columns "
                                        "(area, time, value) separated by ';' or ',', and one row or more")
    value = next((c for c in VALUE_COLUMNS if c in table.header), table.header[-1])
    _raise(source, decide_numbers(table, [value]))
    frame = pd.DataFrame([cells for _, cells in table.rows], columns=table.header,
                         index=[number - 2 for number, _ in table.rows])
    return RawTable(source, frame, value, row_offset=2)
