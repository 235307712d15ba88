"""Activity data (municipality × year × sector × carrier, quantity and unit) from CSV or XLSX.

Columns: municipality, year, sector, carrier, quantity, unit, and optionally source. Every
problem is reported with file, row and column; any error means nothing is written.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from pathlib import Path

from trekant.energy.core.units import is_known_activity_unit
from trekant.energy.model import CARRIERS, SECTORS, Activity
from trekant.energy.io.tables import read_rows
from trekant.errors import Issue

REQUIRED = ("municipality", "year", "sector", "carrier", "quantity", "unit")
MAX_QUANTITY = 1e12  # larger than any municipality's annual use in any unit: surely a typo
YEARS = range(1900, 2101)


def read_activity(path: Path, known_codes: Collection[str], is_demo: bool = False) -> tuple[list[Activity], list[Issue]]:
    header, rows, issues = read_rows(path, numeric=("year", "quantity"))
    if issues:
        return [], issues
    source = str(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [Issue("error", "columns", source, "row 1", f"missing column(s): {', '.join(missing)}")]
    activities, seen = [], {}
    for number, cells in rows:
        activity, row_issues = _parse(cells, source, number, known_codes, is_demo)
        issues += row_issues
        if activity is None:
            continue
        key = (activity.municipality_code, activity.year, activity.sector, activity.carrier)
        if key in seen:
            issues.append(Issue("error", "duplicate", source, f"row {number}",
                                f"repeats row {seen[key]} (same municipality, year, sector and carrier)"))
            continue
        seen[key] = number
        activities.append(activity)
    return activities, issues


def _parse(cells: dict, source: str, number: int, known_codes: Collection[str], is_demo: bool):
    where = f"row {number}"
    issues = []

    def bad(column: str, message: str) -> None:
        issues.append(Issue("error", "value", source, where, message, column))

    code = normalise_code(cells["municipality"])
    if code not in known_codes:
        bad("municipality", f"unknown municipality code {cells['municipality']!r}")
    year = _int(cells["year"])
    if year not in YEARS:
        bad("year", f"not a year between 1900 and 2100: {cells['year']!r}")
    if cells["sector"] not in SECTORS:
        bad("sector", f"unknown sector {cells['sector']!r} (one of {', '.join(SECTORS)})")
    if cells["carrier"] not in CARRIERS:
        bad("carrier", f"unknown carrier {cells['carrier']!r} (one of {', '.join(CARRIERS)})")
    quantity = _float(cells["quantity"])
    if quantity is None:
        bad("quantity", f"not a number: {cells['quantity']!r}")
    elif quantity < 0:
        bad("quantity", f"negative quantity {quantity:g}")
    elif quantity > MAX_QUANTITY:
        bad("quantity", f"implausibly large quantity {quantity:g}")
    if not is_known_activity_unit(cells["unit"]):
        bad("unit", f"unknown unit {cells['unit']!r} (an energy unit such as MWh or GJ, or t CO2e)")
    if issues:
        return None, issues
    return Activity(code, year, cells["sector"], cells["carrier"], quantity, cells["unit"],
                    cells.get("source", "") or source, is_demo), []


def normalise_code(text: str) -> str:
    """'630', '0630' and '630.0' (a spreadsheet's number) are all Vejle's code '0630'."""
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text.zfill(4) if text.isdigit() else text


def _int(text: str) -> int | None:
    value = _float(text)
    return int(value) if value is not None and value.is_integer() else None


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None
