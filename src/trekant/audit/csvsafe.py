"""CSV cells that a spreadsheet cannot run: a cell starting with = + - @ (or a tab or carriage return)
is prefixed with an apostrophe (OWASP's advice against CSV injection), so it shows as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TextIO

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS_FIRST) else text


def write_rows(out: TextIO, header: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Write a header and the rows with every cell made safe; the number of rows written."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([cell(v) for v in row])
        count += 1
    return count
