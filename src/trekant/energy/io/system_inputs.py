"""Read every file a scenario names and resolve it to SystemInputs for one time window.

The scenario (YAML), the weather-and-price year (profiles), heat-demand shapes per heat area,
the hourly grid-emission declaration laid on the weather year, a heat-pump source-temperature
series, the technology costs and the per-source heat emission factors of data/heat_areas.yaml.
"""

from __future__ import annotations

from trekant.energy.core.emission_series import on_hours
from trekant.energy.core.inputs import SystemInputs, build_inputs
from trekant.energy.io.costs import read_costs
from trekant.energy.io.emission_series import load_series
from trekant.energy.io.heat_areas import read_heat_areas
from trekant.energy.io.profiles import BUILTIN_SHAPES, heat_shape, load_profiles, user_series
from trekant.energy.io.scenario import load_scenario
from trekant.energy.system_model import Scenario
from trekant.errors import InputError

MUST_RUN_SOURCES = dict(surplus_heat="industrial_surplus_heat", waste_heat="waste_incineration")


def load_inputs(scenario: Scenario | str, hours: int | None = None, start: int = 0,
                profiles_spec: str | None = None) -> SystemInputs:
    """`profiles_spec` replaces the scenario's weather year (for runs over several weather years)."""
    if isinstance(scenario, str):
        scenario = load_scenario(scenario)
    profiles = load_profiles(profiles_spec or scenario.profiles)
    shapes = {}
    for i, area in enumerate(scenario.areas()):
        if area.profile not in BUILTIN_SHAPES:
            field = f"heat_areas.{i}.profile" if scenario.heat_areas is not None else "demand.district_heat_profile"
            shapes[area.key] = heat_shape(area.profile, profiles.hours, profiles.index, field)
    grid, described = None, ""
    e = scenario.emissions
    if e.grid_hourly:
        series = load_series(e.grid_hourly)
        try:
            grid = on_hours(series, e.grid_hourly_year, profiles.index)
        except ValueError as exc:
            raise InputError("scenario", "emissions.grid_hourly_year", str(exc)) from None
        described = f"hourly: {series.description()}, year {e.grid_hourly_year} laid on the weather year by date and hour"
    temperature = None
    if scenario.efficiencies.heat_pump_source_temperature:
        temperature = user_series(scenario.efficiencies.heat_pump_source_temperature, profiles.hours,
                                  "efficiencies.heat_pump_source_temperature", low=-60.0, high=80.0)
    _, factors = read_heat_areas()
    must_run = {k: factors[source].value_kg_per_mwh for k, source in MUST_RUN_SOURCES.items() if source in factors}
    return build_inputs(scenario, profiles, read_costs(), start, hours, heat_shapes=shapes, grid_g_per_kwh=grid,
                        grid_intensity=described, source_temperature_c=temperature, must_run_kg_per_mwh=must_run)
