"""Emission-factor tables as CSV files: one header block of metadata, then one row per factor.

Format (UTF-8 CSV): columns name, version, carrier, year, value, unit, source, illustrative
(year empty = valid for every year; illustrative = yes/no). All rows share one name and version.
"""

from __future__ import annotations

from pathlib import Path

from trekant.energy.core.units import UnitError, factor_t_per_base
from trekant.energy.io.activity import _float, _int
from trekant.energy.io.tables import read_rows
from trekant.energy.model import CARRIERS, EmissionFactor, FactorTable
from trekant.errors import Issue

REQUIRED = ("name", "version", "carrier", "year", "value", "unit", "source")
TRUE = {"yes", "true", "1", "ja"}
# Lignite, the dirtiest fuel, emits about 0.4 t CO2 per MWh; a direct-CO2e factor is 1 t per t.
# Anything tenfold beyond is a wrong unit (kg for t, kWh for MWh), not a fuel.
MAX_T_PER_BASE = {"mwh": 5.0, "t co2e": 10.0}


def read_factor_table(path: Path) -> tuple[FactorTable | None, list[Issue]]:
    header, rows, issues = read_rows(path, numeric=("year", "value"))
    if issues:
        return None, issues
    source = str(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return None, [Issue("error", "columns", source, "row 1", f"missing column(s): {', '.join(missing)}")]
    names = {(c["name"], c["version"]) for _, c in rows}
    if len(names) != 1 or not all(all(n) for n in names):
        return None, [Issue("error", "value", source, "name/version",
                            f"every row needs the same non-empty name and version, found {sorted(names)}")]
    factors, seen = [], {}
    for number, cells in rows:
        factor, row_issues = _parse(cells, source, number)
        issues += row_issues
        if factor is None:
            continue
        key = (factor.carrier, factor.year)
        if key in seen:
            issues.append(Issue("error", "duplicate", source, f"row {number}", f"repeats row {seen[key]} (same carrier and year)"))
            continue
        seen[key] = number
        factors.append(factor)
    name, version = names.pop()
    return FactorTable(name, version, tuple(factors)), issues


def _parse(cells: dict, source: str, number: int):
    where = f"row {number}"
    issues = []
    if cells["carrier"] not in CARRIERS:
        issues.append(Issue("error", "value", source, where, f"unknown carrier {cells['carrier']!r} (one of {', '.join(CARRIERS)})", "carrier"))
    year = None
    if cells["year"]:
        year = _int(cells["year"])
        if year is None or not 1900 <= year <= 2100:
            issues.append(Issue("error", "value", source, where, f"not a year: {cells['year']!r}", "year"))
    value = _float(cells["value"])
    if value is None or value < 0:
        issues.append(Issue("error", "value", source, where, f"not a non-negative number: {cells['value']!r}", "value"))
    try:
        per_base, base = factor_t_per_base(cells["unit"])
    except UnitError as exc:
        issues.append(Issue("error", "unit", source, where, str(exc), "unit"))
    else:
        if value is not None and value * per_base > MAX_T_PER_BASE[base]:
            issues.append(Issue("error", "value", source, where, f"implausibly large factor {value:g} {cells['unit']} "
                                f"(over {MAX_T_PER_BASE[base]:g} t per {base}: check the unit)", "value"))
    if not cells["source"]:
        issues.append(Issue("error", "value", source, where, "every factor needs its source", "source"))
    if issues:
        return None, issues
    illustrative = cells.get("illustrative", "").strip().lower() in TRUE
    return EmissionFactor(cells["carrier"], year, value, cells["unit"], cells["source"], illustrative), []
