"""Targets and reduction measures from CSV or XLSX, with per-row problems like the activity reader.

targets: municipality, base_year, base_co2e_t (may be empty: taken from the accounts), target_year,
reduction_pct, source. measures: municipality, key, name, sector, reduction_co2e_t_per_year,
start_year, ramp_years, cost_dkk_per_year, source.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from trekant.energy.io.activity import _float, _int, normalise_code
from trekant.energy.io.tables import read_rows
from trekant.energy.model import SECTORS, Measure, PoliticalTarget, Target
from trekant.errors import Issue

TARGET_COLUMNS = ("municipality", "base_year", "base_co2e_t", "target_year", "reduction_pct")
MEASURE_COLUMNS = ("municipality", "key", "name", "sector", "reduction_co2e_t_per_year", "start_year",
                   "ramp_years", "cost_dkk_per_year")


class _Row:
    """Typed access to one row's cells that records an Issue for each bad cell."""

    def __init__(self, cells: dict, source: str, number: int):
        self.cells, self.source, self.where = cells, source, f"row {number}"
        self.issues: list[Issue] = []

    def bad(self, column: str, message: str) -> None:
        self.issues.append(Issue("error", "value", self.source, self.where, message, column))

    def year(self, column: str) -> int | None:
        value = _int(self.cells[column])
        if value is None or not 1900 <= value <= 2100:
            self.bad(column, f"not a year: {self.cells[column]!r}")
        return value

    def number(self, column: str, low: float | None = None, high: float | None = None, empty_ok: bool = False) -> float | None:
        if empty_ok and not self.cells[column]:
            return None
        value = _float(self.cells[column])
        if value is None or (low is not None and value < low) or (high is not None and value > high):
            bounds = f" between {low:g} and {high:g}" if low is not None and high is not None else (f" of at least {low:g}" if low is not None else "")
            self.bad(column, f"not a number{bounds}: {self.cells[column]!r}")
        return value

    def code(self, known: Collection[str]) -> str:
        code = normalise_code(self.cells["municipality"])
        if code not in known:
            self.bad("municipality", f"unknown municipality code {self.cells['municipality']!r}")
        return code


def _check_columns(header: list[str], required: tuple[str, ...], source: str) -> list[Issue]:
    missing = [c for c in required if c not in header]
    return [Issue("error", "columns", source, "row 1", f"missing column(s): {', '.join(missing)}")] if missing else []


def read_targets(path: Path, known_codes: Collection[str], is_demo: bool = False) -> tuple[list[Target], list[Issue]]:
    header, rows, issues = read_rows(path, numeric=("base_year", "base_co2e_t", "target_year", "reduction_pct"))
    issues = issues or _check_columns(header, TARGET_COLUMNS, str(path))
    if issues:
        return [], issues
    targets = []
    for number, cells in rows:
        row = _Row(cells, str(path), number)
        target = Target(row.code(known_codes), row.year("base_year"), row.number("base_co2e_t", 0, 1e10, empty_ok=True),
                        row.year("target_year"), row.number("reduction_pct", 0, 100), cells.get("source", ""), is_demo)
        if not row.issues and target.target_year <= target.base_year:
            row.bad("target_year", f"the target year {target.target_year} must come after the base year {target.base_year}")
        issues += row.issues
        if not row.issues:
            targets.append(target)
    return targets, issues


def read_measures(path: Path, known_codes: Collection[str], is_demo: bool = False) -> tuple[list[Measure], list[Issue]]:
    header, rows, issues = read_rows(path, numeric=("reduction_co2e_t_per_year", "start_year", "ramp_years",
                                                    "cost_dkk_per_year"))
    issues = issues or _check_columns(header, MEASURE_COLUMNS, str(path))
    if issues:
        return [], issues
    measures = []
    for number, cells in rows:
        row = _Row(cells, str(path), number)
        if cells["sector"] not in SECTORS:
            row.bad("sector", f"unknown sector {cells['sector']!r} (one of {', '.join(SECTORS)})")
        if not cells["key"]:
            row.bad("key", "every measure needs a key")
        reduction = row.number("reduction_co2e_t_per_year", 0, 1e9)
        if reduction == 0:
            row.bad("reduction_co2e_t_per_year", "a measure must reduce something (got 0)")
        ramp = row.number("ramp_years", 1, 100)
        measure = Measure(cells["key"], row.code(known_codes), cells["name"] or cells["key"], cells["sector"],
                          reduction, row.year("start_year"), int(ramp or 1), row.number("cost_dkk_per_year", -1e12, 1e12),
                          cells.get("source", ""), is_demo)
        issues += row.issues
        if not row.issues:
            measures.append(measure)
    return measures, issues


POLITICAL_TARGETS = Path(__file__).resolve().parents[1] / "data" / "targets_political.csv"
POLITICAL_COLUMNS = ("year", "reduction_pct", "status", "source")


def read_political_targets(path: Path = POLITICAL_TARGETS) -> tuple[list[PoliticalTarget], list[Issue]]:
    """The newer political targets (not law), against the same base year as the Climate Act's (1990).

    A reduction above 100 % (110 % in 2050) means net-negative emissions.
    """
    header, rows, issues = read_rows(path, numeric=("year", "reduction_pct"))
    issues = issues or _check_columns(header, POLITICAL_COLUMNS, str(path))
    if issues:
        return [], issues
    targets = []
    for number, cells in rows:
        row = _Row(cells, str(path), number)
        target = PoliticalTarget(row.year("year"), row.number("reduction_pct", 0, 200), cells["status"], cells["source"])
        if not cells["source"]:
            row.bad("source", "every political target needs its source")
        issues += row.issues
        if not row.issues:
            targets.append(target)
    return targets, issues
