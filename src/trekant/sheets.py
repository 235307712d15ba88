"""Cells for spreadsheets: what every CSV and XLSX export writes through.

A text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel and
LibreOffice as a formula: a plan named `=HYPERLINK("http://…","klik")` would turn into a live link,
or worse, in the planner's spreadsheet. Such texts are written as text: in XLSX as string cells
(never formula cells, the text unchanged); in CSV with a leading apostrophe and in quotes, as
OWASP recommends against CSV injection. Numbers (also negative ones) stay numbers.
"""

from __future__ import annotations

import csv
import errno
import gc
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: object) -> object:
    """The value as a CSV cell: a formula-like text gets a leading apostrophe; anything else unchanged."""
    return f"'{value}" if is_formula_like(value) else value


def text_cell(value: object) -> str:
    """Any value as the text of a safe CSV cell (None as empty): for exports written row by row."""
    return csv_text("" if value is None else str(value))


def write_rows(out: TextIO, header: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Write a header and rows of safe cells to a text stream (CRLF, as RFC 4180); the rows written."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([text_cell(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow([text_cell(v) for v in row])
        count += 1
    return count


def safe_frame(frame: "pd.DataFrame") -> "pd.DataFrame":
    """A copy whose text cells and column names are safe CSV cells (numbers untouched)."""
    from pandas.api.types import is_datetime64_any_dtype, is_numeric_dtype

    out = frame.copy()
    for column in out.columns:
        if not (is_numeric_dtype(out[column]) or is_datetime64_any_dtype(out[column])):  # text: object or string
            out[column] = out[column].map(csv_text)
    out.columns = [csv_text(c) for c in out.columns]
    if out.index.dtype == object:
        out.index = out.index.map(csv_text)
    out.index.name = csv_text(out.index.name)
    return out


def write_csv(frame: "pd.DataFrame", path: Path | str, *, index: bool = False, encoding: str = "utf-8-sig") -> None:
    """A CSV export (UTF-8 with BOM, so Excel reads æøå) whose text cells cannot run as formulas."""
    safe_frame(frame).to_csv(path, index=index, encoding=encoding, quoting=csv.QUOTE_NONNUMERIC)


def text_cells(sheet) -> None:
    """Every formula cell of an openpyxl sheet written by us becomes the text it was (exports hold no formulas)."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f" or is_formula_like(cell.value):
                cell.data_type = "s"


def write_xlsx(sheets: Mapping[str, "pd.DataFrame"], path: Path | str) -> None:
    """An XLSX export, one sheet per table (names cut to Excel's 31 characters), text never a formula.

    A full disk is an OSError like any other write (openpyxl's lxml raises its own SerialisationError)."""
    failure = None
    try:
        _write_workbook(sheets, path)
    except Exception as exc:
        if isinstance(exc, OSError) or type(exc).__name__ != "SerialisationError":
            raise
        failure = str(exc)
    if failure:  # outside the except block: the traceback no longer holds openpyxl's sheet writers
        _collect_quietly()
        raise OSError(errno.ENOSPC, f"cannot write the spreadsheet ({failure}: the disk is full or the file too large)")


def _write_workbook(sheets: Mapping[str, "pd.DataFrame"], path: Path | str) -> None:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in sheets.items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
            text_cells(writer.sheets[name[:31]])


def _collect_quietly() -> None:
    """Collect openpyxl's half-run sheet writers now, without their "Exception ignored" tracebacks."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook
