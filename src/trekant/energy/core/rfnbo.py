"""Renewable hydrogen (RFNBO) under Commission Delegated Regulation (EU) 2023/1184.

Hydrogen from grid-connected electrolysis counts as renewable when its electricity is matched by
renewable generation contracted for it (a power purchase agreement), and that generation is
- additional (Art. 5): it came into operation no earlier than 36 months before the electrolyser
  (here by year: commissioned ≥ electrolyser's year − 3), without operating or investment aid;
  until 1 January 2036 electrolysers in operation before 1 January 2028 are exempt (Art. 11);
- temporally correlated (Art. 6): produced in the same calendar month until the end of 2029, in the
  same hour from 1 January 2030; an hour whose day-ahead price is at most 20 EUR/MWh or below
  0.36 × the price of an EU ETS allowance counts as matched whatever the contracts;
- geographically correlated (Art. 7): in the same bidding zone. Every plant of the model sits in
  DK1 and the grid import is DK1's, so this holds by construction.
Exceptions for the whole zone: above 90 % renewable power in the zone the previous year, grid
power counts as renewable (Art. 4(1), the rule does not bind); below 18 g CO2e/MJ emission
intensity, additionality is not required (Art. 4(2)), temporal and geographic correlation are.

In the model the rule is a constraint on the electrolyser: for every hour (hourly) or month
(monthly), its electricity outside exempt hours ≤ the generation of the eligible renewables in
the region. A storage asset charged from them (which the regulation allows) is not counted, so
the model is on the safe side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from trekant.energy.system_model import Scenario

RENEWABLES = ("onshore_wind", "offshore_wind", "solar")
ADDITIONALITY_MONTHS = 36
LOW_EMISSION_G_CO2E_PER_MJ = 18.0      # Art. 4(2)
RENEWABLE_ZONE_SHARE = 0.90            # Art. 4(1)
ETS_PRICE_FACTOR = 0.36                # Art. 6


@dataclass(frozen=True)
class RfnboSetting:
    rule: str                      # none | monthly | hourly (as given)
    binds: bool                    # whether a constraint is put on the optimisation
    eligible: tuple[str, ...]      # renewables whose generation may be matched
    exempt_hours: np.ndarray       # bool per hour: counted as matched whatever the contracts
    notes: tuple[str, ...]
    grid_counts_renewable: bool = False   # Art. 4(1): the zone is above 90 % renewable


def eligible_renewables(scenario: Scenario) -> tuple[tuple[str, ...], list[str]]:
    """The renewables that count for matching, and why (additionality, Art. 5 and 11, Art. 4(2))."""
    r = scenario.rfnbo
    notes = []
    transitional = r.electrolyser_commissioned < 2028 and r.year < 2036
    low_emission = r.zone_emission_g_co2e_per_mj is not None and r.zone_emission_g_co2e_per_mj < LOW_EMISSION_G_CO2E_PER_MJ
    if transitional:
        notes.append(f"additionality not required until 2036: the electrolyser came into operation in "
                     f"{r.electrolyser_commissioned}, before 2028 (Art. 11)")
    if low_emission:
        notes.append(f"additionality not required: the zone's emission intensity {r.zone_emission_g_co2e_per_mj:g} g CO2e/MJ "
                     f"is below {LOW_EMISSION_G_CO2E_PER_MJ:g} (Art. 4(2))")
    eligible = []
    for tech in RENEWABLES:
        cap = scenario.capacity(tech)
        if not cap.present:
            continue
        if transitional or low_emission or cap.extendable:
            eligible.append(tech)  # new build (extendable) is additional by construction
        elif cap.commissioned is not None and cap.commissioned >= r.electrolyser_commissioned - ADDITIONALITY_MONTHS // 12:
            eligible.append(tech)
        else:
            when = f"in {cap.commissioned}" if cap.commissioned else "before the electrolyser (no `commissioned` year given)"
            notes.append(f"{tech} is not additional: it came into operation {when}, more than "
                         f"{ADDITIONALITY_MONTHS} months before the electrolyser ({r.electrolyser_commissioned})")
    return tuple(eligible), notes


def exempt_hours(price_eur_per_mwh: np.ndarray, scenario: Scenario) -> np.ndarray:
    """Hours whose day-ahead price is ≤ the low-price limit or < 0.36 × the ETS price (Art. 6)."""
    r = scenario.rfnbo
    price = np.asarray(price_eur_per_mwh, dtype=float)
    exempt = price <= r.low_price_eur_per_mwh
    if r.ets_price_eur_per_t > 0:
        exempt |= price < ETS_PRICE_FACTOR * r.ets_price_eur_per_t
    return exempt


def setting(scenario: Scenario, price_eur_per_mwh: np.ndarray) -> RfnboSetting:
    r = scenario.rfnbo
    eligible, notes = eligible_renewables(scenario)
    binds = r.rule != "none"
    renewable_zone = r.zone_renewable_share is not None and r.zone_renewable_share > RENEWABLE_ZONE_SHARE
    if renewable_zone:
        notes.append(f"grid power counts as renewable: the zone's renewable share {r.zone_renewable_share:.0%} is above "
                     f"{RENEWABLE_ZONE_SHARE:.0%} (Art. 4(1)); the rule does not bind")
        binds = False
    if r.rule == "monthly" and r.year >= 2030:
        notes.append("monthly matching is allowed only until the end of 2029; from 2030 the rule is hourly (Art. 6)")
    if r.rule == "hourly" and r.year < 2030:
        notes.append("hourly matching is required from 2030; until the end of 2029 monthly suffices (Art. 6)")
    return RfnboSetting(r.rule, binds, eligible, exempt_hours(price_eur_per_mwh, scenario), tuple(notes), renewable_zone)


def matched_mwh(electrolyser_mwh: np.ndarray, eligible_mwh: np.ndarray, exempt: np.ndarray, index: pd.DatetimeIndex,
                period: str) -> float:
    """Electrolyser electricity that counts as renewable under hourly or monthly matching (MWh).

    Hourly: Σ_h [exempt ? use : min(use, eligible)]. Monthly: Σ_months [min(Σ use outside exempt hours,
    Σ eligible) + Σ use in exempt hours].
    """
    use = np.asarray(electrolyser_mwh, dtype=float)
    gen = np.asarray(eligible_mwh, dtype=float)
    if period == "hourly":
        return float(np.where(exempt, use, np.minimum(use, gen)).sum())
    index = pd.DatetimeIndex(index)
    months = index.year.to_numpy() * 12 + index.month.to_numpy()
    total = 0.0
    for month in np.unique(months):
        part = months == month
        total += min(float(use[part & ~exempt].sum()), float(gen[part].sum())) + float(use[part & exempt].sum())
    return total
