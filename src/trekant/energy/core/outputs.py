"""EnergyPLAN-style results computed from an hourly dispatch frame (optimised or simulated).

Definitions (also in docs/energy.md), all over the run's hours:
- balances per carrier: MWh supplied and used by each component.
- critical excess electricity: renewable power available but neither used nor exported
  (curtailed because demand, storage and the export limit are all full).
- self-sufficiency share: 1 − import ÷ electricity consumption, where consumption is demand +
  electrolyser + heat pump + battery losses (charge − discharge).
- hours of import dependence: hours with import above 0.001 MW; peak import: the largest import.
- CO2: import × grid factor + gas for the boiler and the hydrogen back-up × gas factor.
- total annual cost: capacities × annualised cost (pro rata for runs shorter than a year) +
  operating costs (import cost incl. tariff and CO2 price, minus export value, gas, variable O&M).
- hydrogen produced (t) = electrolyser hydrogen (MWh) ÷ 33.33 MWh/t; full-load hours = electrolyser
  electricity (MWh) ÷ its capacity (MW).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from trekant.energy.core.inputs import SystemInputs
from trekant.energy.system_model import H2_LHV_MWH_PER_T
from trekant.errors import TrekantError

BALANCE = {
    "electricity": (("onshore_wind", "offshore_wind", "solar", "grid_import", "battery_discharge", "shortfall_electricity"),
                    ("electricity_demand", "electrolyser_el", "heat_pump_el", "grid_export", "battery_charge")),
    "hydrogen": (("electrolyser_h2", "h2_backup", "h2_store_discharge", "shortfall_hydrogen"),
                 ("hydrogen_demand", "h2_store_charge")),
    "district_heat": (("electrolyser_heat", "heat_pump_heat", "boiler", "heat_store_discharge", "shortfall_district_heat"),
                      ("district_heat_demand", "heat_store_charge", "heat_dump")),
}
HINTS = {
    "electricity": "raise grid.import_mw or local generation",
    "hydrogen": "raise the electrolyser, the hydrogen store or h2_backup capacity",
    "district_heat": "raise the boiler, heat pump or heat store capacity",
}
SHORTFALL_TOLERANCE_MW = 1e-3


class InfeasibleScenario(TrekantError):
    """A balance could not be met: names the carrier, the hours and the largest shortfall."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))

    def lines(self) -> list[str]:
        return [f"error [infeasible] {p}" for p in self.problems]


def residual(frame: pd.DataFrame, bus: str) -> np.ndarray:
    """Supply − use per hour on a bus; zero in every hour when the balance closes."""
    supply, use = BALANCE[bus]
    return frame[list(supply)].sum(axis=1).to_numpy() - frame[list(use)].sum(axis=1).to_numpy()


def check_shortfall(frame: pd.DataFrame, scenario_name: str) -> None:
    problems = []
    for bus, hint in HINTS.items():
        short = frame[f"shortfall_{bus}"].to_numpy()
        hours = int((short > SHORTFALL_TOLERANCE_MW).sum())
        if hours:
            first = frame.index[int(np.argmax(short > SHORTFALL_TOLERANCE_MW))]
            problems.append(f"scenario {scenario_name}: the {bus} balance could not be met in {hours} of "
                            f"{len(frame)} hours (first {first:%Y-%m-%d %H:%M} UTC, largest shortfall "
                            f"{short.max():,.1f} MW); {hint}")
    if problems:
        raise InfeasibleScenario(problems)


def _sum(frame: pd.DataFrame, column: str) -> float:
    return float(frame[column].sum())


def summarise(frame: pd.DataFrame, inputs: SystemInputs, capacities: dict[str, float], method: str) -> dict:
    s = inputs.scenario
    balances = {bus: dict(supply_mwh={c: round(_sum(frame, c), 1) for c in supply},
                          use_mwh={c: round(_sum(frame, c), 1) for c in use})
                for bus, (supply, use) in BALANCE.items()}
    imported, exported = _sum(frame, "grid_import"), _sum(frame, "grid_export")
    available = sum(_sum(frame, f"{t}_available") for t in ("onshore_wind", "offshore_wind", "solar"))
    used = sum(_sum(frame, t) for t in ("onshore_wind", "offshore_wind", "solar"))
    consumption = (_sum(frame, "electricity_demand") + _sum(frame, "electrolyser_el") + _sum(frame, "heat_pump_el")
                   + _sum(frame, "battery_charge") - _sum(frame, "battery_discharge"))
    gas_mwh = _sum(frame, "boiler") / s.efficiencies.boiler + _sum(frame, "h2_backup") * s.efficiencies.smr_gas_per_h2
    co2_t = imported * s.emissions.grid_import_t_per_mwh + gas_mwh * s.emissions.gas_t_per_mwh
    cost = _costs(frame, inputs, capacities, gas_mwh)
    electrolyser_mw = capacities["electrolyser"]
    return dict(
        scenario=s.name, title=s.title, demo=s.demo, method=method, hours=inputs.hours,
        start=str(inputs.index[0]), full_year=inputs.hours >= 8759,
        price_gaps_filled=list(inputs.price_gaps_filled),
        balances_mwh=balances,
        import_mwh=round(imported, 1), export_mwh=round(exported, 1),
        critical_excess_mwh=round(available - used, 1),
        self_sufficiency_share=round(1 - imported / consumption, 4) if consumption > 0 else None,
        import_dependence_hours=int((frame["grid_import"] > 1e-3).sum()),
        peak_import_mw=round(float(frame["grid_import"].max()), 1),
        co2_t=round(co2_t, 1),
        total_cost_eur=round(cost["total_eur"], 0),
        total_cost_dkk=round(cost["total_eur"] * s.eur_to_dkk, 0),
        cost_breakdown_eur={k: round(v, 0) for k, v in cost.items() if k != "total_eur"},
        hydrogen_produced_t=round(_sum(frame, "electrolyser_h2") / H2_LHV_MWH_PER_T, 1),
        electrolyser_full_load_hours=round(_sum(frame, "electrolyser_el") / electrolyser_mw, 1) if electrolyser_mw > 0 else None,
        capacities={t: dict(size=round(v, 2), unit="MWh" if t in ("h2_store", "heat_store") else "MW",
                            optimised=s.capacity(t).extendable) for t, v in capacities.items()},
    )


def _costs(frame: pd.DataFrame, inputs: SystemInputs, capacities: dict[str, float], gas_mwh: float) -> dict[str, float]:
    capital = sum(size * inputs.annualised[t] for t, size in capacities.items()) * inputs.year_share
    grid = float((frame["grid_import"] * inputs.import_cost).sum() - (frame["grid_export"] * inputs.export_value).sum())
    gas = gas_mwh * inputs.gas_cost
    vom = sum(_sum(frame, t) * inputs.vom[t] for t in ("onshore_wind", "offshore_wind", "solar", "boiler", "h2_backup"))
    vom += _sum(frame, "heat_pump_heat") * inputs.vom["heat_pump"]
    return dict(capital_and_fixed_om_eur=capital, grid_net_eur=grid, gas_and_co2_eur=gas, variable_om_eur=vom,
                total_eur=capital + grid + gas + vom)
