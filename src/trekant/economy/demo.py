"""Demo employment by industry (DB07 10-grouping) for every municipality: synthetic, deterministic.

Real totals, invented split: each municipality's real full-time employees (LBESK69, fourth
quarter of each year) are divided among the ten industry groups by shares drawn from a seeded
random generator around a rough national structure, with a small drift per year. Nothing here
is a fact about any municipality's industries; it exists so the analyses can be tried until real
RAS/ERHV extracts are imported, and every output says "demo".
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from trekant.economy import breakdown
from trekant.economy.periods import start
from trekant.region.model import IndicatorValue

KEY = "employment_by_industry"
SEED = 20_240_601
# Rough shares of employment by DB07 10-group, an assumption for the demo, not a statistic.
BASE_SHARES = {"1": 0.025, "2": 0.125, "3": 0.065, "4": 0.23, "5": 0.04, "6": 0.03, "7": 0.015,
               "8": 0.11, "9": 0.31, "10": 0.045, "11": 0.005}
SPREAD = 0.25  # log-normal spread of a municipality's shares around the base
DRIFT_PER_YEAR = 0.01  # log-normal spread of each industry's yearly drift


def _shares(code: str, years: list[int]) -> dict[int, np.ndarray]:
    rng = np.random.default_rng(SEED + int(code))
    base = np.array(list(BASE_SHARES.values())) * np.exp(rng.normal(0, SPREAD, len(BASE_SHARES)))
    drift = rng.normal(0, DRIFT_PER_YEAR, len(BASE_SHARES))
    out = {}
    for year in years:
        raw = base * np.exp(drift * (year - years[0]))
        out[year] = raw / raw.sum()
    return out


def employment(totals: Mapping[tuple[str, int], float]) -> list[IndicatorValue]:
    """Values per (municipality code, year) total, split into the ten industry groups (+ not stated)."""
    years = sorted({year for _, year in totals})
    values = []
    for code in sorted({c for c, _ in totals}):
        shares = _shares(code, years)
        for year in years:
            total = totals.get((code, year))
            if total is None:
                continue
            for industry, share in zip(BASE_SHARES, shares[year]):
                values.append(IndicatorValue(KEY, code, str(year), start(str(year)),
                                             float(round(total * share)), breakdown.industry(industry)))
    return values
