"""The register as tables: one CSV file per table (a folder) or one XLSX workbook with a sheet per table.

Tables and columns (lists in a cell are separated by '; ', shares written '0607=0.5; 0621=0.5'):
  organisations  key, name, kind, cvr, municipality, url, demo
  partnerships   key, name, description, status, themes, strengths, municipalities, shares, start, end, kpis, demo, notes
  partners       partnership, organisation, role
  funding        partnership, source, year, amount_dkk, municipality, funder, note
  results        partnership, indicator, value, unit, year, source
  sources        partnership, id, title, publisher, year, url
  contacts       partnership, name, email, phone, organisation, role   (personal data: only on request)
A CSV file is recognised by its name (funding.csv) or else by its header; ',' or ';' separated,
UTF-8 with or without BOM, read through trekant.csvfile (the number notation of each number column
is decided from all its cells). Row numbers count the header as row 1, as a spreadsheet shows them.
Exports go through trekant.sheets, so no text cell can run as a spreadsheet formula.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trekant import csvfile, sheets
from trekant.errors import InputError, Issue

TABLES: dict[str, tuple[str, ...]] = {
    "organisations": ("key", "name", "kind", "cvr", "municipality", "url", "demo"),
    "partnerships": ("key", "name", "description", "status", "themes", "strengths", "municipalities", "shares",
                     "start", "end", "kpis", "demo", "notes"),
    "partners": ("partnership", "organisation", "role"),
    "funding": ("partnership", "source", "year", "amount_dkk", "municipality", "funder", "note"),
    "results": ("partnership", "indicator", "value", "unit", "year", "source"),
    "sources": ("partnership", "id", "title", "publisher", "year", "url"),
    "contacts": ("partnership", "name", "email", "phone", "organisation", "role"),
}
REQUIRED = {
    "organisations": ("key", "name", "kind"),
    "partnerships": ("key", "name", "status", "themes"),
    "partners": ("partnership", "organisation"),
    "funding": ("partnership", "source", "amount_dkk"),
    "results": ("partnership", "indicator", "value", "unit", "year"),
    "sources": ("partnership", "id", "title", "publisher"),
    "contacts": ("partnership", "name"),
}
PERSONAL = "contacts"
LIST_SEPARATOR = "; "


@dataclass
class Row:
    source: str  # the file (and sheet) the row comes from
    number: int  # as a spreadsheet numbers it (header = 1)
    values: dict

    @property
    def where(self) -> str:
        return f"row {self.number}"


@dataclass
class Tables:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def has(self, table: str) -> bool:
        return table in self.rows


# Columns whose cells are numbers: their notation (1.234,5 or 1,234.5) is decided per column by trekant.csvfile.
NUMERIC = {"funding": ("amount_dkk", "year"), "results": ("value", "year", "source"), "sources": ("id", "year")}


def _recognise(name: str, columns: list[str]) -> str | None:
    if name in TABLES:
        return name
    fitting = [t for t, required in REQUIRED.items() if set(required) <= set(columns)]
    fitting.sort(key=lambda t: -len(set(TABLES[t]) & set(columns)))
    return fitting[0] if fitting else None


def _add(table: csvfile.Table, kind: str, tables: Tables) -> None:
    """Check the header, decide the number columns' notation, keep the rows."""
    source = table.source
    missing = [c for c in REQUIRED[kind] if c not in table.header]
    if missing:
        tables.issues.append(Issue("error", "missing-column", source, "header",
                                   f"the {kind} table needs the column(s) {', '.join(missing)}"))
        return
    for column in table.header:
        if column not in TABLES[kind]:
            tables.issues.append(Issue("warning", "unknown-column", source, "header",
                                       f"column {column!r} is not part of the {kind} table and is ignored"))
    if kind in tables.rows:
        tables.issues.append(Issue("error", "duplicate-table", source, "file", f"a second {kind} table"))
        return
    problems = csvfile.decide_numbers(table, NUMERIC.get(kind, ()))
    if problems:
        tables.issues += problems
        return
    tables.rows[kind] = [Row(source, number, {k: v for k, v in cells.items() if k in TABLES[kind]})
                         for number, cells in table.rows]


def read_csv(path: Path, tables: Tables) -> None:
    table, problems = csvfile.read_csv(path, what="CSV", lower_header=True, numeric=())
    if table is None:
        tables.issues += problems
        return
    kind = _recognise(path.stem.lower(), table.header)
    if kind is None:
        tables.issues.append(Issue("error", "unknown-table", str(path), "header",
                                   f"not a partnership table: name the file {', '.join(t + '.csv' for t in TABLES)} "
                                   "or give it their columns"))
        return
    _add(table, kind, tables)


def read_xlsx(path: Path, tables: Tables) -> None:
    sheets, problems = csvfile.read_sheets(path, lower_header=True, numeric=())
    tables.issues += problems
    for name, table in (sheets or {}).items():
        kind = _recognise(str(name).strip().lower(), table.header)
        if kind is None:
            tables.issues.append(Issue("warning", "unknown-table", table.source, "sheet",
                                       "not a partnership table; ignored"))
            continue
        _add(table, kind, tables)


def read(paths: list[Path]) -> Tables:
    """Every table in these files: CSV files, folders of them, or XLSX workbooks."""
    tables = Tables()
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".xlsx"))
            if not found:
                tables.issues.append(Issue("error", "file", str(path), "folder", "holds no .csv or .xlsx file"))
            files += found
        else:
            files.append(path)
    for path in files:
        if path.suffix.lower() == ".xlsx":
            read_xlsx(path, tables)
        elif path.suffix.lower() in (".csv", ".txt"):
            read_csv(path, tables)
        else:
            tables.issues.append(Issue("error", "file", str(path), "file", "not a .csv or .xlsx file"))
    return tables


# ---- writing -------------------------------------------------------------------------------------

@contextmanager
def _staged(path: Path) -> Iterator[Path]:
    """Write beside the target and rename when done: no half-written file, no damaged earlier one."""
    scratch = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield scratch
        os.replace(scratch, path)
    except OSError as exc:
        raise InputError(str(path), reason=f"cannot write: {exc.strerror or exc}") from None
    finally:
        with suppress(OSError):
            scratch.unlink(missing_ok=True)


def frames(records: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(rows, columns=list(TABLES[name])) for name, rows in records.items()}


def write_csv(folder: Path, records: dict[str, list[dict]]) -> list[str]:
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), reason="--out for CSV is a folder (one file per table), not a file")
    written = []
    for name, frame in frames(records).items():
        target = folder / f"{name}.csv"
        with _staged(target) as scratch:
            sheets.write_csv(frame, scratch)
        written.append(str(target))
    return written


def write_xlsx(path: Path, records: dict[str, list[dict]]) -> list[str]:
    if path.is_dir():
        raise InputError(str(path), reason="--out for XLSX is a file name, not a folder")
    with _staged(path) as scratch:
        sheets.write_xlsx(frames(records), scratch)
    return [str(path)]
