"""Read an energy table from CSV or XLSX into rows of strings (through the shared `trekant.csvfile`).

Each row keeps its row number in the file (header = row 1), so readers can report file, row and
column for every problem. Number columns come back plain (`1234.5`) whichever notation the file
used (`1.234,5` or `1,234.5`, decided per column from all its cells). A file that cannot be read
at all is one Issue, never a traceback.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from trekant.csvfile import Row, read_table
from trekant.errors import Issue


def read_rows(path: Path, numeric: Collection[str] = ()) -> tuple[list[str], list[Row], list[Issue]]:
    """(header, [(row_number, {column: text})], issues) from a CSV or XLSX file; `numeric` names the number columns."""
    table, issues = read_table(path, lower_header=True, numeric=numeric)
    if issues:
        return [], [], issues
    if not table.rows:
        return [], [], [Issue("error", "empty", str(path), "row 2", "the file has a header but no data rows")]
    return table.header, table.rows, []
