"""Everything the optimiser and the simulator need, resolved to hourly arrays for one time window.

Both dispatch methods read the same SystemInputs, so their results can be compared hour by hour.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from trekant.energy.core.costs import TechnologyCost, annualised_eur
from trekant.energy.core.profiles import Profiles, builtin_shape
from trekant.energy.system_model import HeatArea, Scenario
from trekant.errors import InputError

HOURS_PER_YEAR = 8760
# kg CO2 per MWh heat of the supplies that run every hour (surplus heat, waste incineration): from
# data/heat_areas.yaml unless the caller gives its own.
DEFAULT_MUST_RUN_KG_PER_MWH = dict(surplus_heat=0.0, waste_heat=121.0)


@dataclass(frozen=True)
class AreaInputs:
    """One heat area over the window: demand and the supplies that run every hour (MW heat)."""

    area: HeatArea
    demand_mw: np.ndarray
    must_run_mw: float                 # surplus heat + waste heat, available every hour at no marginal cost
    must_run_t_per_h: float            # their emissions per hour

    @property
    def key(self) -> str:
        return self.area.key


@dataclass(frozen=True)
class SystemInputs:
    scenario: Scenario
    index: pd.DatetimeIndex
    price: np.ndarray                    # DK1 day-ahead, EUR/MWh
    capacity_factor: dict[str, np.ndarray]
    electricity_demand_mw: np.ndarray
    hydrogen_demand_mw: np.ndarray
    annualised: dict[str, float]          # EUR per MW (or MWh) per year
    vom: dict[str, float]                 # EUR per MWh of output
    price_gaps_filled: tuple[str, ...]
    costs: dict[str, TechnologyCost]
    grid_t_per_mwh: np.ndarray            # emissions of imported power in each hour
    grid_intensity: str                   # where those come from
    heat: tuple[AreaInputs, ...]
    heat_pump_cop: np.ndarray             # per hour; constant unless a source-temperature series is given
    cop_varies: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def hours(self) -> int:
        return len(self.index)

    @property
    def year_share(self) -> float:
        """The window as a share of a year: capital costs are charged pro rata."""
        return self.hours / HOURS_PER_YEAR

    @property
    def heat_demand_mw(self) -> np.ndarray:
        """District-heat demand of the whole region (the sum of the areas)."""
        return sum((a.demand_mw for a in self.heat), np.zeros(self.hours))

    # Marginal costs (EUR per MWh of the component's output), shared by both dispatch methods.
    @property
    def import_cost(self) -> np.ndarray:
        p = self.scenario.prices
        return self.price + p.import_tariff_eur_per_mwh + p.co2_eur_per_t * self.grid_t_per_mwh

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
    def biomass_cost(self) -> float:
        """EUR per MWh heat from biomass: fuel ÷ efficiency + variable O&M (biogenic CO2 is not priced)."""
        s = self.scenario
        return s.prices.biomass_eur_per_mwh / s.efficiencies.biomass_heat + self.vom["biomass_heat"]

    @property
    def backup_cost(self) -> float:
        return self.gas_cost * self.scenario.efficiencies.smr_gas_per_h2 + self.vom["h2_backup"]

    def area(self, key: str) -> AreaInputs:
        return next(a for a in self.heat if a.key == key)

    @property
    def electrolyser_heat_area(self) -> str | None:
        return next((a.key for a in self.heat if a.area.electrolyser_heat), None)


def battery_annualised(costs: dict[str, TechnologyCost], rate: float, hours: float) -> float:
    """EUR per MW of battery power per year, with `hours` MWh of energy per MW."""
    return annualised_eur(costs["battery_power"], rate) + hours * annualised_eur(costs["battery_energy"], rate)


def heat_pump_cop(scenario: Scenario, source_c: np.ndarray | None, hours: int) -> np.ndarray:
    """COP per hour: fixed at `heat_pump_cop`, or scaled by the Carnot lift from a source temperature.

    COP(T) = COP_ref × [T_sink ÷ (T_sink − T)] ÷ [T_sink ÷ (T_sink − T_ref)] (temperatures in K),
    so COP(T_ref) = COP_ref (the DEA figure), a warmer source gives more heat per MWh; bounded to
    1 … 10. T_sink is the district-heating forward temperature.
    """
    e = scenario.efficiencies
    if source_c is None:
        return np.full(hours, e.heat_pump_cop)
    sink = e.district_heat_supply_c + 273.15
    reference = sink / (sink - (e.heat_pump_reference_source_c + 273.15))
    lift = np.maximum(sink - (np.asarray(source_c, dtype=float) + 273.15), 1.0)
    return np.clip(e.heat_pump_cop * (sink / lift) / reference, 1.0, 10.0)


def build_inputs(scenario: Scenario, profiles: Profiles, costs: dict[str, TechnologyCost],
                 start: int = 0, hours: int | None = None, heat_shape: np.ndarray | None = None,
                 heat_shapes: dict[str, np.ndarray] | None = None, grid_g_per_kwh: np.ndarray | None = None,
                 grid_intensity: str = "", source_temperature_c: np.ndarray | None = None,
                 must_run_kg_per_mwh: dict[str, float] | None = None) -> SystemInputs:
    """Scale demands over the whole profile year, then cut the window [start, start + hours).

    Series read from files by the caller (io) come over the whole profile year: `heat_shapes` per
    heat area (or `heat_shape` for a scenario without areas) when an area names a file,
    `grid_g_per_kwh` the hourly grid intensity laid on the weather year, `source_temperature_c` the
    heat pumps' source temperature. The built-in heat shapes are computed here.
    """
    if not 0 <= start < profiles.hours:
        raise InputError("--start", reason=f"hour {start} is outside the profile year (0 … {profiles.hours - 1}, "
                                           f"{profiles.source})")
    hours = profiles.hours - start if hours is None else hours
    if hours < 1 or start + hours > profiles.hours:
        raise InputError("--hours", reason=f"{hours} hours from hour {start} do not fit the {profiles.hours} hours of "
                                           f"the profile year (at most {profiles.hours - start})")
    full_year = profiles.hours / HOURS_PER_YEAR
    electricity = scenario.demand.electricity_mwh_per_year * full_year * profiles.load_shape
    window = profiles.window(start, hours)
    part = slice(start, start + hours)
    rate = scenario.discount_rate
    annualised = {t: annualised_eur(c, rate) for t, c in costs.items()}
    battery = scenario.capacity("battery")
    annualised["battery"] = battery_annualised(costs, rate, battery.hours or 1.0)
    vom = {t: c.vom_eur_per_mwh for t, c in costs.items()}
    shapes = dict(heat_shapes or {})
    if heat_shape is not None and scenario.heat_areas is None:
        shapes["region"] = heat_shape
    factors = {**DEFAULT_MUST_RUN_KG_PER_MWH, **(must_run_kg_per_mwh or {})}
    heat = []
    for area in scenario.areas():
        shape = shapes.get(area.key)
        shape = builtin_shape(area.profile, profiles.index) if shape is None else shape
        demand = area.demand_mwh_per_year * full_year * shape
        emitted = (area.surplus_heat_mw * factors["surplus_heat"] + area.waste_heat_mw * factors["waste_heat"]) / 1000
        heat.append(AreaInputs(area, demand[part], area.surplus_heat_mw + area.waste_heat_mw, emitted))
    if grid_g_per_kwh is not None:
        grid = np.asarray(grid_g_per_kwh, dtype=float)[part] / 1000.0
    else:
        grid = np.full(hours, scenario.emissions.grid_import_t_per_mwh)
        grid_intensity = grid_intensity or f"flat {scenario.emissions.grid_import_t_per_mwh:g} t/MWh (emissions.grid_import_t_per_mwh)"
    temperature = None if source_temperature_c is None else np.asarray(source_temperature_c, dtype=float)[part]
    notes = () if temperature is not None else (
        f"heat-pump COP fixed at {scenario.efficiencies.heat_pump_cop:g} in every hour (no source-temperature series given)",)
    return SystemInputs(scenario, window.index, window.price_eur_per_mwh, window.capacity_factor, electricity[part],
                        np.full(hours, scenario.hydrogen_demand_mw), annualised, vom, window.price_gaps_filled, costs,
                        grid, grid_intensity, tuple(heat), heat_pump_cop(scenario, temperature, hours),
                        temperature is not None, notes)
