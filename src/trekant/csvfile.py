"""The one reader of the CSV (and XLSX) tables users import, and of how they write their numbers.

Every table import (energy activity, targets, measures, factors and profiles; economy and region
StatBank files) reads through here, so a file reads the same everywhere: separator `;` or `,`, one
Issue per unreadable row (cells beyond the header, a quote never closed, a column twice), and one
rule for numbers.

Numbers: Danish spreadsheets write 1.234,5 (thousands '.', decimals ','), English ones 1,234.5.
A cell such as `1.234` or `1,234` can be read both ways (1234 or 1.234), so the notation is decided
per column from all its cells (`1,5`, `1.234,5` and `1.234.567` can only be Danish; `1.5`,
`1,234.5` only English), then from the file's other number columns; a column whose cells
contradict each other, or whose ambiguous cells nothing decides, is refused with the cells named.
Decided number cells are handed on in plain form (`1234.5`), so readers parse them with `float`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from trekant.errors import Issue
from trekant.textfile import SAVE_AS_UTF8, file_problem, text_or_issue

DANISH, ENGLISH = "da", "en"
BOTH = frozenset({DANISH, ENGLISH})
EXCEL_HINT = f"{SAVE_AS_UTF8} (CSV UTF-8 in Excel)"
SEPARATORS = (";", ",")
SHOWN_CELLS = 4

Row = tuple[int, dict[str, str]]

_SIGN = r"(?P<sign>[+-]?)"
_EXPONENT = r"(?P<exp>[eE][+-]?\d+)?"
# Grouped integer parts start with a non-zero digit: '0,123' is a decimal, never a thousands group.
_DANISH = re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?" + _EXPONENT)
_ENGLISH = re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?:,\d{3})+|\d*)(?:\.(?P<frac>\d+))?" + _EXPONENT)
_SPACED = re.compile(r"[+-]?[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")


def _plain(match: re.Match | None) -> str | None:
    """The matched number written plainly ('-1234.5', '2e3'), or None when it did not match."""
    if match is None or not (match["int"] or match["frac"]):
        return None
    digits = re.sub(r"[.,]", "", match["int"]) or "0"
    frac = f".{match['frac']}" if match["frac"] else ""
    return f"{match['sign'].lstrip('+')}{digits}{frac}{match['exp'] or ''}"


_INTEGER = re.compile(r"[+-]?\d+")
_POINT = re.compile(r"[+-]?(\d*)\.(\d+)")
_MISSING = ("", "..", ".", "-")


def readings(text: str) -> dict[str, str]:
    """{notation: plain number} for each way the cell reads as a number (empty: not a number).

    '1234' → both the same; '1.234' → {'da': '1234', 'en': '1.234'}; '1,5' → {'da': '1.5'}."""
    cell = text.strip()
    if _INTEGER.fullmatch(cell):  # the common cases first: a table of 50,000 cells reads in a blink
        plain = cell.lstrip("+")
        return {DANISH: plain, ENGLISH: plain}
    point = _POINT.fullmatch(cell)
    if point and (len(point[2]) != 3 or len(point[1]) > 3 or point[1][:1] in ("", "0")):
        return {ENGLISH: cell.lstrip("+")}  # '12.5', '1234.567', '0.123': no Danish thousands group
    cell = cell.replace("\u2212", "-")
    if _SPACED.fullmatch(cell):  # 1 234,5: a space groups thousands in either notation
        cell = re.sub(r"[ \u00a0\u202f]", "", cell)
    found = {DANISH: _plain(_DANISH.fullmatch(cell)), ENGLISH: _plain(_ENGLISH.fullmatch(cell))}
    return {notation: plain for notation, plain in found.items() if plain is not None}


@dataclass
class Table:
    """A table's header and rows of text cells, each row with its number in the file (header = row 1).

    `notation` holds the notation decided for each number column; its cells are already plain."""

    source: str
    header: list[str]
    rows: list[Row]
    separator: str = ","
    notation: dict[str, str] = field(default_factory=dict)
    typed: set[tuple[int, str]] = field(default_factory=set)  # XLSX cells that were numbers, not text


def _cells_named(cells: list[tuple[int, str]]) -> str:
    shown = ", ".join(f"row {number} {text!r}" for number, text in cells[:SHOWN_CELLS])
    more = len(cells) - SHOWN_CELLS
    return shown + (f" and {more} more" if more > 0 else "")


@dataclass
class _Column:
    """What a column's cells say about their notation."""

    allowed: frozenset = BOTH                 # the notations every number cell allows
    ambiguous: list = field(default_factory=list)   # (row, text) read differently by the two notations
    only: dict = field(default_factory=lambda: {DANISH: [], ENGLISH: []})  # (row, text) one notation allows
    ways: dict = field(default_factory=dict)  # row → readings of its cell
    text_cells: int = 0                       # cells that are no number (and not a missing mark)
    simple: bool = False                      # plain numbers only: no cell needs rewriting


# A column of plain numbers ('-12', '1234.56', empty): English or undecided, nothing to rewrite.
_SIMPLE_COLUMN = re.compile(r"(?:-?\d*\.?\d+)?(?:\n(?:-?\d*\.?\d+)?)*")
_ENGLISH_ONLY = re.compile(r"^-?(?:\d{4,}|0?)\.\d+$|^-?\d+\.(?:\d{1,2}|\d{4,})$", re.M)
_POINT_AMBIGUOUS = re.compile(r"^-?[1-9]\d{0,2}\.\d{3}$", re.M)


def _simple_column(texts: list[str]) -> _Column | None:
    """The fast path for long columns of plain numbers (an hourly profile): one regex per column."""
    joined = "\n".join(t.strip() for t in texts)
    if not joined.strip() or not _SIMPLE_COLUMN.fullmatch(joined):
        return None
    english = _ENGLISH_ONLY.search(joined)
    if not english and _POINT_AMBIGUOUS.search(joined):
        return None  # '1.234' with nothing to decide it here: the cell by cell path names the rows
    found = _Column(simple=True)
    if english:
        found.allowed = frozenset({ENGLISH})
        found.only[ENGLISH].append((0, english.group()))
    return found


def _column(table: Table, column: str) -> _Column:
    if not table.typed:
        simple = _simple_column([cells.get(column, "") for _, cells in table.rows])
        if simple is not None:
            return simple
    found = _Column()
    for number, cells in table.rows:
        if (number, column) in table.typed:
            continue
        text = cells.get(column, "")
        ways = readings(text)
        if not ways:
            found.text_cells += text.strip() not in _MISSING
            continue
        found.ways[number] = ways
        if len(ways) == 1:
            found.only[next(iter(ways))].append((number, text))
        elif ways[DANISH] != ways[ENGLISH]:
            found.ambiguous.append((number, text))
        found.allowed = found.allowed & frozenset(ways)
    return found


def decide_numbers(table: Table, numeric: Collection[str] | None = None) -> list[Issue]:
    """Decide each number column's notation and write its cells plainly; Issues for what cannot be decided.

    `numeric`: the columns that hold numbers (default: every column whose cells all read as numbers)."""
    columns = [c for c in (table.header if numeric is None else numeric) if c in table.header]
    found = {c: _column(table, c) for c in columns}
    if numeric is None:  # a text column (names, sources) takes no part
        found = {c: f for c, f in found.items() if (f.ways or f.simple) and not f.text_cells}
    issues: list[Issue] = []
    decided: dict[str, str] = {}
    for column, cells in found.items():
        if not cells.allowed:
            danish, english = cells.only[DANISH][0], cells.only[ENGLISH][0]
            issues.append(Issue("error", "notation", table.source, _cells_named([danish, english]),
                                f"numbers written two ways: {danish[1]!r} is Danish notation (1.234,5) and "
                                f"{english[1]!r} English (1,234.5); write every number of the column the same way",
                                column))
        elif len(cells.allowed) == 1:
            decided[column] = next(iter(cells.allowed))
    file_wide = set(decided.values())
    for column, cells in found.items():
        if cells.allowed == BOTH and cells.ambiguous:
            if len(file_wide) == 1:
                decided[column] = next(iter(file_wide))
                continue
            first = readings(cells.ambiguous[0][1])
            issues.append(Issue("error", "notation", table.source, _cells_named(cells.ambiguous),
                                f"{cells.ambiguous[0][1]!r} reads as {first[DANISH]} in Danish notation and "
                                f"{first[ENGLISH]} in English, and nothing in the file decides: write the numbers "
                                "without a thousands separator (1234, or 1234,5 / 1234.5)", column))
    if issues:
        return issues
    for column, cells in found.items():
        notation = decided.get(column, DANISH)  # undecided: every cell reads the same either way
        table.notation[column] = notation
        for number, row in table.rows:
            if number in cells.ways:
                row[column] = cells.ways[number][notation]
    return []


def separator(first_line: str) -> str:
    """';' when the header has more semicolons than commas (the Danish spreadsheet export), else ','."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def parse_csv(text: str, source: str, *, lower_header: bool = False, short_rows: str = "pad",
              numeric: Collection[str] | None = None, sep: str | None = None) -> tuple[Table | None, list[Issue]]:
    """A CSV held in memory (a decoded file or an HTTP answer) as a Table, or the Issues that stop it.

    short_rows: "pad" fills missing trailing cells with "", "error" reports the row (a cut-off file).
    sep: the separator when the caller knows it (default: `;` or `,`, whichever the header has more of)."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return None, [Issue("error", "empty", source, "row 1", "the file is empty or has no header row")]
    sep = sep or separator(lines[0])
    reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
    header = [h.strip().lower() if lower_header else h.strip() for h in next(reader)]
    issues = _header_issues(header, source)
    rows: list[Row] = []
    try:
        for values in reader:
            number = reader.line_num
            if not any(v.strip() for v in values):
                continue
            surplus = len(values) > len(header) and any(v.strip() for v in values[len(header):])
            if surplus or (short_rows == "error" and len(values) < len(header)):
                issues.append(Issue("error", "columns", source, f"row {number}",
                                    f"{len(values)} cells but {len(header)} columns (a truncated file, a stray "
                                    f"'{sep}', or a decimal comma in a ','-file: quote the number or use ';')"))
                continue
            rows.append((number, {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}))
    except csv.Error as exc:
        issues.append(Issue("error", "format", source, f"row {reader.line_num}",
                            f"cannot read the CSV: {exc} (a truncated file or a quote that is never closed?)"))
    if issues:
        return None, issues
    table = Table(source, header, rows, sep)
    issues = decide_numbers(table, numeric)
    return (None, issues) if issues else (table, [])


def _header_issues(header: list[str], source: str) -> list[Issue]:
    issues = []
    if len(header) == 1 and any(sep in header[0] for sep in ("\t", "|")):
        issues.append(Issue("error", "separator", source, "row 1",
                            f"one column only ({header[0][:40]!r}…): separate the columns with ';' or ','"))
    seen = set()
    for column in header:
        if column and column in seen:
            issues.append(Issue("error", "columns", source, "row 1", f"column {column!r} appears twice", column))
        seen.add(column)
    return issues


def read_csv(path: Path, *, what: str = "", hint: str = EXCEL_HINT, lower_header: bool = False,
             short_rows: str = "pad", numeric: Collection[str] | None = None,
             sep: str | None = None) -> tuple[Table | None, list[Issue]]:
    """A CSV file as a Table (UTF-8 with or without BOM), or the Issues that stop it."""
    text, problem = text_or_issue(Path(path), what, line_word="row", hint=hint)
    if problem:
        return None, [problem]
    return parse_csv(text, str(path), lower_header=lower_header, short_rows=short_rows, numeric=numeric, sep=sep)


def _sheet_table(source: str, values: list, lower_header: bool,
                 numeric: Collection[str] | None) -> tuple[Table | None, list[Issue]]:
    """One sheet's cell values (header row first) as a Table; number cells stay numbers."""
    if not values or not any(values[0]):
        return None, [Issue("error", "empty", source, "row 1", "the sheet is empty or has no header row")]
    header = [str(h).strip() if h is not None else "" for h in values[0]]
    header = [h.lower() for h in header] if lower_header else header
    issues = _header_issues(header, source)
    if issues:
        return None, issues
    table = Table(source, header, [], "xlsx")
    for number, row in enumerate(values[1:], start=2):
        if not any(v not in (None, "") for v in row):
            continue
        cells = {}
        for column, value in zip(header, row):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                table.typed.add((number, column))
            cells[column] = "" if value is None else str(value).strip()
        table.rows.append((number, cells))
    issues = decide_numbers(table, numeric)
    return (None, issues) if issues else (table, [])


def _workbook_values(path: Path) -> tuple[dict[str, list] | None, list[Issue]]:
    """Every sheet's cell values by sheet name, or the Issue that says why the file cannot be read."""
    problem = file_problem(Path(path))
    if problem:
        return None, [problem]
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}, []
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        return None, [Issue("error", "format", str(path), "file", f"cannot read as XLSX: {exc}")]


def read_sheet(path: Path, *, lower_header: bool = False,
               numeric: Collection[str] | None = None) -> tuple[Table | None, list[Issue]]:
    """The first sheet of an XLSX file as a Table; number cells stay numbers, text cells follow the CSV rule."""
    sheets, issues = _workbook_values(path)
    if sheets is None:
        return None, issues
    return _sheet_table(str(path), next(iter(sheets.values()), []), lower_header, numeric)


def read_sheets(path: Path, *, lower_header: bool = False,
                numeric: Collection[str] | None = None) -> tuple[dict[str, Table] | None, list[Issue]]:
    """Every sheet of an XLSX workbook as a Table (source 'file [sheet]'); empty sheets are left out.

    With numeric=() no column's notation is decided yet: a caller that learns from the header which
    columns hold numbers calls decide_numbers itself."""
    sheets, issues = _workbook_values(path)
    if sheets is None:
        return None, issues
    tables: dict[str, Table] = {}
    for name, values in sheets.items():
        if not values or not any(values[0]):
            continue
        table, found = _sheet_table(f"{path} [{name}]", values, lower_header, numeric)
        issues += found
        if table is not None:
            tables[name] = table
    return tables, issues


def read_table(path: Path, *, lower_header: bool = False, short_rows: str = "pad",
               numeric: Collection[str] | None = None) -> tuple[Table | None, list[Issue]]:
    """A .csv/.txt or .xlsx/.xlsm file as a Table, by its extension."""
    path = Path(path)
    problem = file_problem(path)
    if problem:
        return None, [problem]
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_sheet(path, lower_header=lower_header, numeric=numeric)
    if suffix in (".csv", ".txt", ""):
        return read_csv(path, lower_header=lower_header, short_rows=short_rows, numeric=numeric)
    return None, [Issue("error", "format", str(path), "file", f"unsupported file type {suffix!r} (use .csv or .xlsx)")]
