"""The shipped technology-cost table (DEA technology data, with sources) as TechnologyCost records."""

from __future__ import annotations

import csv
from pathlib import Path

from trekant.energy.core.costs import TechnologyCost

COSTS_FILE = Path(__file__).resolve().parents[1] / "data" / "technology_costs.csv"
KW_UNITS = ("EUR/kW_e", "EUR/kW_th", "EUR/kW_H2", "EUR/kWh", "EUR/kW_MeOH", "EUR/kW_NH3")


def read_costs(path: Path = COSTS_FILE) -> dict[str, TechnologyCost]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    costs = {}
    for row in rows:
        if row["investment_unit"] not in KW_UNITS:
            raise ValueError(f"{path}: unexpected unit {row['investment_unit']!r} for {row['technology']}")
        costs[row["technology"]] = TechnologyCost(
            row["technology"], float(row["investment"]) * 1000, row["investment_unit"].replace("kW", "MW"),
            float(row["fom_pct_per_year"]), float(row["vom_eur_per_mwh"]), int(row["lifetime_years"]), row["source"])
    return costs
