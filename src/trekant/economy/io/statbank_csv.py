"""StatBank CSV: `;` separated (`,` accepted), decimal comma, `..` missing, UTF-8 with BOM."""

from __future__ import annotations

from pathlib import Path

from trekant.economy.io.table import RawTable
from trekant.errors import InputError
from trekant.region.statbank import read_csv_table

VALUE_COLUMNS = ("INDHOLD", "value", "Value", "VALUE", "DATA")


def _separator(path: Path) -> str:
    try:
        head = path.read_bytes()[:4096].decode("utf-8-sig", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(str(path), reason=f"cannot read: {exc.strerror}") from None
    first = head[0] if head else ""
    return "," if first.count(",") > first.count(";") else ";"


def read(path: Path) -> RawTable:
    frame = read_csv_table(path, _separator(path))
    if frame.empty or len(frame.columns) < 3:
        raise InputError(str(path), reason="not a StatBank table: expected a header and at least three columns "
                                           "(area, time, value)")
    value = next((c for c in VALUE_COLUMNS if c in frame.columns), frame.columns[-1])
    return RawTable(str(path), frame, value, title=path.stem, row_offset=2)


def read_text(text: str, source: str) -> RawTable:
    """A StatBank CSV held in memory (an API response)."""
    import io

    import pandas as pd

    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    sep = "," if first.count(",") > first.count(";") else ";"
    try:
        frame = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(source, reason=f"not a readable CSV table: {str(exc).splitlines()[0]}") from None
    if frame.empty or len(frame.columns) < 3:
        raise InputError(source, reason="the response holds no table (expected area, time and value columns)")
    value = next((c for c in VALUE_COLUMNS if c in frame.columns), frame.columns[-1])
    return RawTable(source, frame, value, row_offset=2)
