"""Targets and pathways: the target path, the projected path with measures, the gap, the MAC curve.

Definitions (also in docs/energy.md):
- target path: straight lines from (base year, base emissions) through each target
  (target year, base × (1 − reduction %)); flat after the last target.
- measure effect in year y: R × min(1, max(0, (y − start + 1) / ramp_years)), R the full annual
  reduction (t CO2e/yr).
- projected path from the latest account year y0 with emissions E0:
  E(y) = max(0, E0 − Σ_m [effect_m(y) − effect_m(y0)]) (what was already in effect at y0 is in E0).
- gap(y) = projected(y) − target(y); positive means the target is missed by that many tonnes.
- marginal abatement cost of a measure = annualised net cost (DKK/yr) ÷ full reduction (t/yr),
  the curve orders measures by it, cheapest first, with the cumulative reduction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from trekant.energy.model import Measure, Target


def target_path(targets: Sequence[Target], base_co2e_t: float, years: Sequence[int]) -> dict[int, float]:
    """Target emissions per year for one area (targets share one base year)."""
    ordered = sorted(targets, key=lambda t: t.target_year)
    base_year = ordered[0].base_year
    xs = [base_year] + [t.target_year for t in ordered]
    ys = [base_co2e_t] + [base_co2e_t * (1 - t.reduction_pct / 100) for t in ordered]
    return {y: float(np.interp(y, xs, ys)) for y in years if y >= base_year}


def measure_effect(measure: Measure, year: int) -> float:
    ramp = max(1, measure.ramp_years)
    return measure.reduction_co2e_t_per_year * min(1.0, max(0.0, (year - measure.start_year + 1) / ramp))


def projected_path(latest_year: int, latest_co2e_t: float, measures: Iterable[Measure], years: Sequence[int]) -> dict[int, float]:
    measures = list(measures)
    already = sum(measure_effect(m, latest_year) for m in measures)
    return {y: max(0.0, latest_co2e_t - (sum(measure_effect(m, y) for m in measures) - already))
            for y in years if y >= latest_year}


def gap(projected: dict[int, float], target: dict[int, float]) -> dict[int, float]:
    return {y: projected[y] - target[y] for y in projected if y in target}


def mac_curve(measures: Iterable[Measure]) -> list[dict]:
    """Measures ordered by DKK per tonne (cheapest first) with the cumulative annual reduction."""
    cumulative = 0.0
    curve = []
    for m in sorted(measures, key=lambda m: (m.cost_dkk_per_t, m.key)):
        cumulative += m.reduction_co2e_t_per_year
        curve.append(dict(key=m.key, municipality=m.municipality_code, name=m.name, sector=m.sector,
                          reduction_co2e_t_per_year=m.reduction_co2e_t_per_year,
                          cost_dkk_per_year=m.cost_dkk_per_year, cost_dkk_per_t=round(m.cost_dkk_per_t, 1),
                          cumulative_co2e_t_per_year=round(cumulative, 1), start_year=m.start_year,
                          ramp_years=m.ramp_years, demo=m.is_demo))
    return curve
