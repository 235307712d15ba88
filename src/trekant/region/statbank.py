"""Read an indicator out of a Statistics Denmark StatBank CSV (`;`, decimal comma, `..` missing, BOM).

Areas may be given by name (Danish or StatBank English) or by code; "All Denmark"/"Hele landet"
become the area code DK. Every problem is reported with file, row and column.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from pathlib import Path

from trekant.csvfile import Table, read_csv
from trekant.errors import InputError, Issue
from trekant.region.model import DENMARK, IndicatorFile, IndicatorSpec, IndicatorValue
from trekant.region.periods import period_start
from trekant.textfile import raise_issue

DENMARK_NAMES = {"all denmark", "hele landet", "danmark", "denmark", "000", "dk"}


def area_resolver(names: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Lower-cased name or code → area code, for every way StatBank writes a municipality."""
    lookup = {alias: DENMARK for alias in DENMARK_NAMES}
    for code, (name, statbank_name) in names.items():
        for alias in (code, code.lstrip("0"), name, statbank_name):
            lookup[alias.lower()] = code
    return lookup


def read_csv_table(path, sep: str = ";", numeric: tuple[str, ...] = ()) -> Table:
    """The raw table as text through the shared CSV reader (the `numeric` columns' notation decided
    from all their cells); values are converted later, so bad cells can be reported by row."""
    table, issues = read_csv(Path(path), what="StatBank CSV", hint="StatBank CSV is UTF-8 with BOM",
                             short_rows="error", numeric=numeric, sep=sep)
    if len(issues) == 1:
        raise_issue(issues[0])
    if issues:
        raise InputError.from_issues(str(path), issues)
    return table


def parse_number(text: str) -> float | None:
    """StatBank number: '..' or '' is missing; decimal comma; thousands spaces/dots are not used."""
    cleaned = text.strip()
    if cleaned in ("", "..", "."):
        return None
    return float(cleaned.replace(",", "."))


def _filter(table: Table, spec: IndicatorFile) -> list:
    return [(number, row) for number, row in table.rows
            if all(row[column] == wanted for column, wanted in spec.where.items())]


def _missing_columns(table: Table, spec: IndicatorFile) -> list[str]:
    needed = [spec.area_column, spec.period_column, spec.value_column, *spec.where]
    return [c for c in needed if c not in table.header]


def _row_value(key: str, spec: IndicatorFile, lookup, row_no: int, row) -> tuple[IndicatorValue | None, Issue | None]:
    source = str(spec.path)
    where = f"row {row_no}"
    area_text = row[spec.area_column].strip()
    if any(fnmatch.fnmatch(area_text, pattern) for pattern in spec.skip_areas):
        return None, None
    area = lookup.get(area_text.lower())
    if area is None:
        return None, Issue("error", "unknown-area", source, where, f"unknown area {area_text!r}", spec.area_column)
    period = row[spec.period_column].strip()
    try:
        start = period_start(period)
    except ValueError as exc:
        return None, Issue("error", "invalid-period", source, where, str(exc), spec.period_column)
    try:
        value = parse_number(row[spec.value_column])
    except ValueError:
        return None, Issue("error", "invalid-number", source, where, f"not a number: {row[spec.value_column]!r}", spec.value_column)
    return IndicatorValue(key, area, period, start, value), None


def read_indicator_file(key: str, spec: IndicatorFile, lookup: dict[str, str]) -> tuple[list[IndicatorValue], list[Issue]]:
    table = read_csv_table(spec.path, spec.sep, (spec.value_column,))
    missing = _missing_columns(table, spec)
    if missing:
        issue = Issue("error", "missing-column", str(spec.path), "header", f"missing column(s): {', '.join(missing)}")
        return [], [issue]
    values, issues = [], []
    for number, row in _filter(table, spec):
        value, issue = _row_value(key, spec, lookup, number, row)
        if value:
            values.append(value)
        if issue:
            issues.append(issue)
    return values, issues


def merge_values(spec: IndicatorSpec, parts: Iterable[IndicatorValue]) -> tuple[list[IndicatorValue], list[Issue]]:
    """One value per (area, period, breakdown); files that agree are merged, conflicts reported."""
    merged: dict[tuple, IndicatorValue] = {}
    issues = []
    for value in parts:
        slot = (value.area_code, value.period, value.breakdown)
        previous = merged.get(slot)
        if previous is not None and previous.value != value.value:
            issues.append(Issue("error", "conflicting-value", spec.key, f"{value.area_code} {value.period}",
                                f"files disagree: {previous.value} vs {value.value}"))
        merged[slot] = value
    return list(merged.values()), issues


def read_indicator(spec: IndicatorSpec, lookup: dict[str, str]) -> tuple[list[IndicatorValue], list[Issue]]:
    """All files of one indicator, merged; returns values and every issue found."""
    values, issues = [], []
    for file_spec in spec.files:
        file_values, file_issues = read_indicator_file(spec.key, file_spec, lookup)
        values += file_values
        issues += file_issues
    merged, conflicts = merge_values(spec, values)
    return merged, issues + conflicts
