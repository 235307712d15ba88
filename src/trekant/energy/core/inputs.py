"""Everything the optimiser and the simulator need, resolved to hourly arrays for one time window.

Both dispatch methods read the same SystemInputs, so their results can be compared hour by hour.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from trekant.energy.core.costs import TechnologyCost, annualised_eur
from trekant.energy.core.profiles import Profiles, builtin_shape
from trekant.energy.system_model import Scenario
from trekant.errors import InputError

HOURS_PER_YEAR = 8760


@dataclass(frozen=True)
class SystemInputs:
    scenario: Scenario
    index: pd.DatetimeIndex
    price: np.ndarray                    # DK1 day-ahead, EUR/MWh
    capacity_factor: dict[str, np.ndarray]
    electricity_demand_mw: np.ndarray
    heat_demand_mw: np.ndarray
    hydrogen_demand_mw: np.ndarray
    annualised: dict[str, float]          # EUR per MW (or MWh) per year
    vom: dict[str, float]                 # EUR per MWh of output
    price_gaps_filled: tuple[str, ...]
    costs: dict[str, TechnologyCost]

    @property
    def hours(self) -> int:
        return len(self.index)

    @property
    def year_share(self) -> float:
        """The window as a share of a year: capital costs are charged pro rata."""
        return self.hours / HOURS_PER_YEAR

    # Marginal costs (EUR per MWh of the component's output), shared by both dispatch methods.
    @property
    def import_cost(self) -> np.ndarray:
        p = self.scenario.prices
        return self.price + p.import_tariff_eur_per_mwh + p.co2_eur_per_t * self.scenario.emissions.grid_import_t_per_mwh

    @property
    def export_value(self) -> np.ndarray:
        return self.price - self.scenario.prices.export_tariff_eur_per_mwh

    @property
    def gas_cost(self) -> float:
        """EUR per MWh of gas burnt, CO2 price included."""
        s = self.scenario
        return s.prices.gas_eur_per_mwh + s.prices.co2_eur_per_t * s.emissions.gas_t_per_mwh

    @property
    def boiler_cost(self) -> float:
        return self.gas_cost / self.scenario.efficiencies.boiler + self.vom["boiler"]

    @property
    def backup_cost(self) -> float:
        return self.gas_cost * self.scenario.efficiencies.smr_gas_per_h2 + self.vom["h2_backup"]


def battery_annualised(costs: dict[str, TechnologyCost], rate: float, hours: float) -> float:
    """EUR per MW of battery power per year, with `hours` MWh of energy per MW."""
    return annualised_eur(costs["battery_power"], rate) + hours * annualised_eur(costs["battery_energy"], rate)


def build_inputs(scenario: Scenario, profiles: Profiles, costs: dict[str, TechnologyCost],
                 start: int = 0, hours: int | None = None, heat_shape: np.ndarray | None = None) -> SystemInputs:
    """Scale demands over the whole profile year, then cut the window [start, start + hours).

    `heat_shape` is the district-heat shape over the profile year when the scenario names a file
    (read by the caller, io.profiles.heat_shape); the built-in shapes are computed here.
    """
    if not 0 <= start < profiles.hours:
        raise InputError("--start", reason=f"hour {start} is outside the profile year (0 … {profiles.hours - 1}, "
                                           f"{profiles.source})")
    hours = profiles.hours - start if hours is None else hours
    if hours < 1 or start + hours > profiles.hours:
        raise InputError("--hours", reason=f"{hours} hours from hour {start} do not fit the {profiles.hours} hours of "
                                           f"the profile year (at most {profiles.hours - start})")
    full_year = profiles.hours / HOURS_PER_YEAR
    demand = scenario.demand
    electricity = demand.electricity_mwh_per_year * full_year * profiles.load_shape
    if heat_shape is None:
        heat_shape = builtin_shape(demand.district_heat_profile, profiles.index)
    heat = demand.district_heat_mwh_per_year * full_year * heat_shape
    window = profiles.window(start, hours)
    part = slice(start, start + hours)
    rate = scenario.discount_rate
    annualised = {t: annualised_eur(c, rate) for t, c in costs.items()}
    battery = scenario.capacity("battery")
    annualised["battery"] = battery_annualised(costs, rate, battery.hours or 1.0)
    vom = {t: c.vom_eur_per_mwh for t, c in costs.items()}
    return SystemInputs(scenario, window.index, window.price_eur_per_mwh, window.capacity_factor, electricity[part],
                        heat[part], np.full(hours, scenario.hydrogen_demand_mw), annualised, vom,
                        window.price_gaps_filled, costs)
