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
UTF-8 with or without BOM. Row numbers count the header as row 1, as a spreadsheet shows them.
Numbers are parsed by trekant.partnerships.validate.parse_number (pandas reads every cell as
text) until a shared CSV reader lands.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trekant.errors import InputError, Issue
from trekant.textfile import file_problem, text_or_issue

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


def _recognise(name: str, columns: list[str]) -> str | None:
    if name in TABLES:
        return name
    fitting = [t for t, required in REQUIRED.items() if set(required) <= set(columns)]
    fitting.sort(key=lambda t: -len(set(TABLES[t]) & set(columns)))
    return fitting[0] if fitting else None


def _frame_rows(frame: pd.DataFrame, table: str, source: str, tables: Tables) -> None:
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in REQUIRED[table] if c not in frame.columns]
    if missing:
        tables.issues.append(Issue("error", "missing-column", source, "header",
                                   f"the {table} table needs the column(s) {', '.join(missing)}"))
        return
    for column in frame.columns:
        if column not in TABLES[table]:
            tables.issues.append(Issue("warning", "unknown-column", source, "header",
                                       f"column {column!r} is not part of the {table} table and is ignored"))
    if table in tables.rows:
        tables.issues.append(Issue("error", "duplicate-table", source, "file", f"a second {table} table"))
        return
    records = frame.to_dict("records")
    tables.rows[table] = [Row(source, i + 2, {k: v for k, v in r.items() if k in TABLES[table]})
                          for i, r in enumerate(records)
                          if any(str(v).strip() for v in r.values())]  # wholly empty rows are spreadsheet noise


def _separator(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def read_csv(path: Path, tables: Tables) -> None:
    source = str(path)
    text, problem = text_or_issue(path, "CSV", line_word="row")
    if problem:
        tables.issues.append(problem)
        return
    try:
        frame = pd.read_csv(io.StringIO(text), sep=_separator(text), dtype=str, keep_default_na=False,
                            skip_blank_lines=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        tables.issues.append(Issue("error", "csv", source, "file", str(exc).strip().splitlines()[0]))
        return
    table = _recognise(path.stem.lower(), [str(c).strip().lower() for c in frame.columns])
    if table is None:
        tables.issues.append(Issue("error", "unknown-table", source, "header",
                                   f"not a partnership table: name the file {', '.join(t + '.csv' for t in TABLES)} "
                                   "or give it their columns"))
        return
    _frame_rows(frame, table, source, tables)


def read_xlsx(path: Path, tables: Tables) -> None:
    problem = file_problem(path, "XLSX")
    if problem:
        tables.issues.append(problem)
        return
    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001 — openpyxl raises many kinds on a file that is not a workbook
        tables.issues.append(Issue("error", "xlsx", str(path), "file", f"not a readable XLSX workbook: {exc}"))
        return
    for name, frame in sheets.items():
        source = f"{path} [{name}]"
        table = _recognise(str(name).strip().lower(), [str(c).strip().lower() for c in frame.columns])
        if table is None:
            tables.issues.append(Issue("warning", "unknown-table", source, "sheet", "not a partnership table; ignored"))
            continue
        _frame_rows(frame, table, source, tables)


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
            frame.to_csv(scratch, index=False, encoding="utf-8-sig")
        written.append(str(target))
    return written


def write_xlsx(path: Path, records: dict[str, list[dict]]) -> list[str]:
    if path.is_dir():
        raise InputError(str(path), reason="--out for XLSX is a file name, not a folder")
    with _staged(path) as scratch:
        with pd.ExcelWriter(scratch, engine="openpyxl") as writer:
            for name, frame in frames(records).items():
                frame.to_excel(writer, sheet_name=name, index=False)
    return [str(path)]
