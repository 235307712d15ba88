"""Emission-factor tables as CSV files: one header block of metadata, then one row per factor.

Format (UTF-8 CSV): columns name, version, carrier, year, value, unit, source, and optionally
illustrative (yes/no), municipality (a code: the factor holds there only, e.g. district heat by
heat area; empty = every municipality) and grid_loss (included/excluded, on electricity rows).
Year empty = valid for every year. All rows share one name and version.

One unit per table: every energy factor counts the same gas (CO2 or CO2e; `direct_co2e` rows
pass measured CO2e through and are exempt), and every electricity row that states grid loss
states the same. The table's description says which (e.g. "CO2; electricity with grid loss").
"""

from __future__ import annotations

from pathlib import Path

from trekant.energy.core.units import UnitError, factor_gas, factor_t_per_base
from trekant.energy.io.activity import _float, _int, normalise_code
from trekant.energy.io.tables import read_rows
from trekant.energy.model import CARRIERS, EmissionFactor, FactorTable
from trekant.errors import Issue

REQUIRED = ("name", "version", "carrier", "year", "value", "unit", "source")
TRUE = {"yes", "true", "1", "ja"}
GRID_LOSS = ("included", "excluded")
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
        key = (factor.carrier, factor.year, factor.municipality_code)
        if key in seen:
            issues.append(Issue("error", "duplicate", source, f"row {number}",
                                f"repeats row {seen[key]} (same carrier, year and municipality)"))
            continue
        seen[key] = number
        factors.append((number, factor, cells.get("grid_loss", "").strip().lower()))
    statement, basis_issues = _one_unit(factors, source)
    issues += basis_issues
    name, version = names.pop()
    return FactorTable(name, version, tuple(f for _, f, _ in factors), statement), issues


def _one_unit(rows: list, source: str) -> tuple[str, list[Issue]]:
    """The table's unit statement, or an Issue for each row that breaks the table's one gas / grid loss."""
    issues = []
    gases = [(n, factor_gas(f.unit)) for n, f, _ in rows if f.carrier != "direct_co2e"]
    gas = gases[0][1] if gases else "CO2e"
    for number, other in gases:
        if other != gas:
            issues.append(Issue("error", "unit", source, f"row {number}", f"counts {other}, but the table counts {gas} "
                                f"(row {gases[0][0]}): one gas per table, give the other in its own table", "unit"))
    losses = [(n, loss) for n, f, loss in rows if f.carrier == "electricity" and loss]
    for number, loss in losses:
        if loss not in GRID_LOSS:
            issues.append(Issue("error", "value", source, f"row {number}", f"grid_loss is included or excluded, not {loss!r}",
                                "grid_loss"))
        elif loss != losses[0][1]:
            issues.append(Issue("error", "value", source, f"row {number}", f"grid loss {loss}, but row {losses[0][0]} says "
                                f"{losses[0][1]}: one grid-loss basis per table", "grid_loss"))
    loss_text = f"electricity {'with' if losses[0][1] == 'included' else 'without'} grid loss" if losses \
        else "electricity grid loss not stated"
    return f"{gas}; {loss_text}", issues


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
    municipality = cells.get("municipality", "").strip()
    if municipality and not normalise_code(municipality).isdigit():
        issues.append(Issue("error", "value", source, where, f"not a municipality code: {municipality!r}", "municipality"))
    if issues:
        return None, issues
    illustrative = cells.get("illustrative", "").strip().lower() in TRUE
    municipality = normalise_code(cells.get("municipality", "")) if cells.get("municipality", "").strip() else ""
    return EmissionFactor(cells["carrier"], year, value, cells["unit"], cells["source"], illustrative, municipality), []
