"""A RawTable → indicator values, collecting every problem with its row and column.

Columns are recognised by their StatBank names (OMRÅDE/BOPKOM/…, TID, INDHOLD) or by content.
Columns with one value only (TAL = "Full-time employees") describe the table and are dropped;
other columns become the breakdown (industry, sex, age …), with their totals as "".
"""

from __future__ import annotations

import fnmatch
import math
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from trekant.economy import breakdown, periods
from trekant.economy.io.table import RawTable
from trekant.errors import Issue
from trekant.region.model import IndicatorValue
from trekant.region.periods import frequency
from trekant.region.statbank import parse_number

AREA_COLUMNS = ("område", "omrade", "omraade", "bopkom", "arbkom", "komk", "komkode", "kommune", "municipality",
                "region", "area", "area_code", "geo")
TIME_COLUMNS = ("tid", "time", "period", "quarter", "year", "måned", "month")
SKIPPED_AREAS = ("Region *", "Province *", "Landsdel *", "Outside Denmark", "Udlandet", "Uoplyst*", "Unknown*")
MAX_ABS_VALUE = 1e15


@dataclass
class Converted:
    values: list[IndicatorValue]
    issues: list[Issue]
    frequency: str = ""
    breakdown_keys: tuple[str, ...] = ()
    area_column: str = ""  # its StatBank name (BOPKOM, ARBKOM …) can say the series' basis


def _find(table: RawTable, names: tuple[str, ...]) -> str | None:
    return next((c for c in table.frame.columns if str(c).strip().lower() in names), None)


def _time_column(table: RawTable) -> str | None:
    named = _find(table, TIME_COLUMNS)
    if named:
        return named
    for column in table.frame.columns:
        if column == table.value_column:
            continue
        sample = table.frame[column].head(50)
        if len(sample) and all(_is_period(v) for v in sample):
            return column
    return None


def _is_period(text: str) -> bool:
    try:
        periods.start(text)
        return True
    except ValueError:
        return False


def _area_column(table: RawTable, lookup: dict[str, str], exclude: set[str]) -> str | None:
    named = _find(table, AREA_COLUMNS)
    if named:
        return named
    best, best_hits = None, 0
    for column in table.frame.columns:
        if column in exclude:
            continue
        cells = table.frame[column].astype(str).str.strip().str.lower()
        hits = cells.isin(list(lookup)).mean()
        if hits > best_hits:
            best, best_hits = column, hits
    return best if best_hits >= 0.5 else None


def _structure_issues(table: RawTable, area: str | None, time: str | None) -> list[Issue]:
    issues = []
    if time is None:
        issues.append(Issue("error", "missing-column", table.source, "header",
                            "no time column (TID/time, or a column of periods like 2020Q1)"))
    if area is None:
        issues.append(Issue("error", "missing-column", table.source, "header",
                            "no area column (OMRÅDE/BOPKOM/…, or a column of municipality names or codes)"))
    return issues


def _filter(table: RawTable, where: dict[str, str]) -> tuple[pd.DataFrame, list[Issue]]:
    frame, issues = table.frame, []
    for column, wanted in where.items():
        if column not in frame.columns:
            issues.append(Issue("error", "missing-column", table.source, "header", f"no column {column!r} to filter on"))
            continue
        cells = frame[column].astype(str).str.strip()
        if any(ch in wanted for ch in "*?["):  # a pattern: StatBank's labels are long ("Per capita (DKK), …")
            frame = frame[cells.map(lambda cell: fnmatch.fnmatchcase(cell, wanted))]
        else:
            frame = frame[cells == wanted]
    return frame, issues


def _dimensions(frame: pd.DataFrame, used: set[str]) -> list[str]:
    return [c for c in frame.columns if c not in used and frame[c].nunique(dropna=False) > 1]


def _resolve(table: RawTable, column: str, index, text: str, lookup: dict[str, str]) -> str | None:
    code = lookup.get(text.lower())
    if code is None and column in table.alternatives:
        code = lookup.get(str(table.alternatives[column].loc[index]).strip().lower())
    return code


def _number(text) -> float | None:
    """A StatBank cell as a number; 'nan' and 'inf' are text Python would accept but no table writes."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    value = parse_number(str(text))
    if value is not None and not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return value


def convert(table: RawTable, key: str, lookup: dict[str, str], where: dict[str, str] | None = None) -> Converted:
    """Every row that can be read becomes a value; every row that cannot becomes an Issue."""
    time = _time_column(table)
    area = _area_column(table, lookup, {time, table.value_column})
    issues = _structure_issues(table, area, time)
    frame, filter_issues = _filter(table, where or {})
    issues += filter_issues
    if issues:
        return Converted([], issues)
    dims = _dimensions(frame, {area, time, table.value_column})
    industry_column = next((d for d in dims if breakdown.dimension_key(str(d)) == "industry"), None)
    values, skipped, seen = [], Counter(), {}
    for index, row in frame.iterrows():
        where_ = table.row_label(int(index) if isinstance(index, int) else 0)
        area_text = str(row[area]).strip()
        code = _resolve(table, area, index, area_text, lookup)  # a province the store knows as a group is kept
        if code is None and any(fnmatch.fnmatch(area_text, p) for p in SKIPPED_AREAS):
            skipped[area_text] += 1
            continue
        if code is None:
            issues.append(Issue("error", "unknown-area", table.source, where_, f"unknown area {area_text!r}", str(area)))
            continue
        period = periods.normalise(str(row[time]))
        try:
            start = periods.start(period)
        except ValueError as exc:
            issues.append(Issue("error", "invalid-period", table.source, where_, str(exc), str(time)))
            continue
        try:
            value = _number(row[table.value_column])
        except ValueError:
            issues.append(Issue("error", "invalid-number", table.source, where_,
                                f"not a number: {row[table.value_column]!r}", table.value_column))
            continue
        if value is not None and abs(value) > MAX_ABS_VALUE:
            issues.append(Issue("error", "out-of-range", table.source, where_, f"implausibly large value {value:g}",
                                table.value_column))
            continue
        parts = {breakdown.dimension_key(str(d)): str(row[d]) for d in dims}
        if industry_column in table.alternatives:
            parts["industry"] = _with_code(parts["industry"], table.alternatives[industry_column].loc[index])
        slot = (code, period, breakdown.encode(parts))
        if slot in seen:
            if seen[slot] != value:
                issues.append(Issue("error", "duplicate", table.source, where_,
                                    f"{code} {period} {slot[2] or 'total'} given twice with different values "
                                    f"({seen[slot]} and {value})"))
            continue
        seen[slot] = value
        values.append(IndicatorValue(key, code, period, start, value, slot[2]))
    issues += _skip_warnings(table, skipped)
    return Converted(values, issues, *_frequency(table, values, issues), tuple(breakdown.dimension_key(str(d)) for d in dims),
                     str(area))


def _with_code(label: str, code) -> str:
    """JSON-stat keeps industry codes as ids ('2') and names as labels: join them as StatBank CSV does."""
    code = str(code).strip()
    if breakdown.is_total(label) or code.upper() == "TOT" or label.startswith(code + " "):
        return label
    return f"{code} {label}"


def _skip_warnings(table: RawTable, skipped: Counter) -> list[Issue]:
    if not skipped:
        return []
    names = ", ".join(sorted(skipped))
    return [Issue("warning", "skipped-area", table.source, "rows",
                  f"{sum(skipped.values())} row(s) for areas that are not municipalities or Denmark were skipped: {names}")]


def _frequency(table: RawTable, values: list[IndicatorValue], issues: list[Issue]) -> tuple[str]:
    kinds = Counter(frequency(v.period) for v in values)
    if len(kinds) > 1:
        issues.append(Issue("error", "mixed-frequency", table.source, "time",
                            f"periods of different kinds in one indicator: {dict(kinds)}"))
    return (kinds.most_common(1)[0][0] if kinds else "",)
