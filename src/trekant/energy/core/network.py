"""The regional energy system as a PyPSA network, optimised with HiGHS.

Buses: electricity, hydrogen, one heat bus per heat area that is tied to the rest (a heat pump, a
heat store or the electrolyser's heat), and methanol, ammonia and CO2 when those steps are on.
Areas tied to nothing else are dispatched by merit order outside the optimiser (heat_dispatch.py).

Electricity demand the grid connection and local supply cannot meet is unserved energy, priced at
`prices.shortfall_eur_per_mwh` and reported (security of supply); hydrogen or heat not met is an
error naming the balance, the hours and the largest shortfall. No bus has such a slack in the first
solve, which keeps the model small: if the first solve is feasible, no slack would have been used
at that price (no supply costs more), and if it is infeasible, it is solved again with a slack on
every bus. Likewise only areas with heat that runs anyway (surplus heat, waste, the electrolyser's)
get a heat dump.

Emissions enter the optimisation through carriers: PyPSA counts a generator's emissions as
output ÷ efficiency × its carrier's `co2_emissions`. Gas boilers (efficiency 1.04) and hydrogen
back-up (efficiency 1/1.483) carry natural gas's factor; the grid import carries 1 t/MWh with
an hourly efficiency of 1 ÷ the hour's grid intensity, so its emissions are import × intensity of
that hour. A CO2 limit is then PyPSA's own primary-energy global constraint over those carriers,
and its shadow price is the CO2 price at which the limit is reached.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd

from trekant.energy.core import rfnbo
from trekant.energy.core.heat_dispatch import merit_order
from trekant.energy.core.inputs import AreaInputs, SystemInputs
from trekant.energy.system_model import Capacity

RENEWABLES = ("onshore_wind", "offshore_wind", "solar")
CO2_LIMIT = "co2_limit"
MIN_INTENSITY_T_PER_MWH = 1e-6  # an hour declared at 0 g/kWh: keep the efficiency 1 ÷ intensity finite


class SolverFailed(RuntimeError):
    """HiGHS ended without an optimal solution (status and condition in the message)."""


@dataclass(frozen=True)
class Solved:
    network: object                 # pypsa.Network with results
    build_s: float                  # pandas → PyPSA → linopy model (wall clock)
    solve_s: float                  # HiGHS (wall clock)
    objective_eur: float
    rfnbo: rfnbo.RfnboSetting
    lp_areas: tuple[str, ...]       # heat areas optimised (the rest by merit order)
    slack: bool                     # solved again with slack on every bus (the first solve was infeasible)
    co2_price_eur_per_t: float | None
    build_cpu_s: float = 0.0        # the same two steps in CPU time of this process: on a shared machine
    solve_cpu_s: float = 0.0        # the wall clock also counts other people's work

def _quiet_pypsa():
    import pypsa

    for name in ("pypsa", "linopy", "highspy"):
        logging.getLogger(name).setLevel(logging.ERROR)
    pypsa.options.api.legacy_string_dtype = True
    return pypsa


def _extendable(cap: Capacity, annual_eur: float, share: float, energy: bool = False, scale: float = 1.0) -> dict:
    """PyPSA attributes of a fixed or optimised capacity; `scale` converts the scenario's unit to
    the component's (a heat pump given in heat output is a link sized by electric input)."""
    key = "e" if energy else "p"
    if not cap.extendable:
        return {f"{key}_nom": cap.fixed_size() * scale}
    low, high = (cap.min_mwh, cap.max_mwh) if energy else (cap.min_mw, cap.max_mw)
    return {f"{key}_nom_extendable": True, f"{key}_nom_min": low * scale,
            f"{key}_nom_max": np.inf if high is None else high * scale, "capital_cost": annual_eur * share / scale}


def lp_areas(inputs: SystemInputs) -> tuple[AreaInputs, ...]:
    """Heat areas that need the optimiser: tied to electricity or to other hours, or every area under a CO2 limit."""
    if inputs.scenario.co2_limit_t is not None:
        return inputs.heat
    return tuple(a for a in inputs.heat if a.area.coupled)


def build_network(inputs: SystemInputs, slack: bool = False):
    """The PyPSA network of the scenario (without the RFNBO rule, which is a linopy constraint)."""
    pypsa = _quiet_pypsa()
    n = pypsa.Network(ignore_standard_types=True)  # no lines or transformers: skip reading their type tables
    n.set_snapshots(inputs.index.tz_localize(None))
    s = inputs.scenario
    n.add("Carrier", "AC")
    n.add("Carrier", "H2")
    n.add("Carrier", "heat")
    n.add("Carrier", "grid", co2_emissions=1.0)
    n.add("Carrier", "gas", co2_emissions=s.emissions.gas_t_per_mwh)
    n.add("Carrier", "biomass", co2_emissions=0.0)
    n.add("Bus", "electricity", carrier="AC")
    n.add("Bus", "hydrogen", carrier="H2")
    areas = lp_areas(inputs)
    for area in areas:
        n.add("Bus", f"heat:{area.key}", carrier="heat")
    _add_electricity(n, inputs)
    _add_hydrogen(n, inputs, {a.key for a in areas})
    for area in areas:
        _add_heat_area(n, inputs, area)
    _add_downstream(n, inputs)
    if slack:
        n.add("Generator", "unserved_electricity", bus="electricity", p_nom=_peak(inputs) * 2,
              marginal_cost=s.prices.shortfall_eur_per_mwh)
        for bus in n.buses.index:
            if bus != "electricity":
                n.add("Generator", f"shortfall:{bus}", bus=bus, p_nom=_peak(inputs) * 2,
                      marginal_cost=s.prices.shortfall_eur_per_mwh)
    if s.co2_limit_t is not None:
        outside = sum(a.must_run_t_per_h for a in inputs.heat) * inputs.hours  # constant: not in the model
        n.add("GlobalConstraint", CO2_LIMIT, type="primary_energy", carrier_attribute="co2_emissions", sense="<=",
              constant=s.co2_limit_t - outside)
    return n


def _add_electricity(n, inputs: SystemInputs) -> None:
    """Renewables, the grid connection (import and export limits at the day-ahead price), demand, battery."""
    s, share = inputs.scenario, inputs.year_share
    for tech in RENEWABLES:
        n.add("Carrier", tech)
        n.add("Generator", tech, bus="electricity", carrier=tech, p_max_pu=inputs.capacity_factor[tech],
              marginal_cost=inputs.vom[tech], **_extendable(s.capacity(tech), inputs.annualised[tech], share))
    intensity = np.maximum(inputs.grid_t_per_mwh, MIN_INTENSITY_T_PER_MWH)
    n.add("Generator", "grid_import", bus="electricity", carrier="grid", p_nom=s.grid.import_mw,
          marginal_cost=inputs.import_cost, efficiency=pd.Series(1.0 / intensity, index=n.snapshots))
    n.add("Generator", "grid_export", bus="electricity", p_nom=s.grid.export_mw, p_min_pu=-1.0, p_max_pu=0.0,
          marginal_cost=inputs.export_value)
    n.add("Load", "electricity_demand", bus="electricity", p_set=inputs.electricity_demand_mw)
    battery, e = s.capacity("battery"), s.efficiencies
    if battery.present:
        n.add("StorageUnit", "battery", bus="electricity", max_hours=battery.hours or 1.0, cyclic_state_of_charge=True,
              efficiency_store=e.battery_one_way, efficiency_dispatch=e.battery_one_way,
              **_extendable(battery, inputs.annualised["battery"], share))


def _add_hydrogen(n, inputs: SystemInputs, heat_buses: set[str]) -> None:
    """Electrolyser (hydrogen plus recoverable heat into its heat area), back-up, store and demand."""
    s, share, e = inputs.scenario, inputs.year_share, inputs.scenario.efficiencies
    heat_area = inputs.electrolyser_heat_area
    heat = dict(bus2=f"heat:{heat_area}", efficiency2=e.electrolyser_heat) if heat_area in heat_buses else {}
    n.add("Link", "electrolyser", bus0="electricity", bus1="hydrogen", efficiency=e.electrolyser_h2,
          **heat, **_extendable(s.capacity("electrolyser"), inputs.annualised["electrolyser"], share))
    if s.capacity("h2_backup").present:
        n.add("Generator", "h2_backup", bus="hydrogen", carrier="gas", marginal_cost=inputs.backup_cost,
              efficiency=1.0 / e.smr_gas_per_h2, **_extendable(s.capacity("h2_backup"), inputs.annualised["h2_backup"], share))
    if s.capacity("h2_store").present:
        n.add("Store", "h2_store", bus="hydrogen", e_cyclic=True,
              **_extendable(s.capacity("h2_store"), inputs.annualised["h2_store"], share, energy=True))
    if inputs.hydrogen_demand_mw.any():
        n.add("Load", "hydrogen_demand", bus="hydrogen", p_set=inputs.hydrogen_demand_mw)


def _add_heat_area(n, inputs: SystemInputs, area: AreaInputs) -> None:
    """One heat bus: demand net of what runs anyway, biomass, gas boiler, heat pump, store and cooling."""
    s, share, e, a = inputs.scenario, inputs.year_share, inputs.scenario.efficiencies, area.area
    bus, key = f"heat:{area.key}", area.key
    n.add("Load", f"{key}:demand", bus=bus, p_set=area.demand_mw - area.must_run_mw)
    if a.biomass.present:
        n.add("Generator", f"{key}:biomass", bus=bus, carrier="biomass", marginal_cost=inputs.biomass_cost,
              **_extendable(a.biomass, inputs.annualised["biomass_heat"], share))
    if a.boiler.present:
        n.add("Generator", f"{key}:boiler", bus=bus, carrier="gas", marginal_cost=inputs.boiler_cost,
              efficiency=e.boiler, **_extendable(a.boiler, inputs.annualised["boiler"], share))
    if a.heat_pump.present:
        cop = e.heat_pump_cop  # the nominal size is electric input at the reference COP
        n.add("Link", f"{key}:heat_pump", bus0="electricity", bus1=bus,
              efficiency=pd.Series(inputs.heat_pump_cop, index=n.snapshots) if inputs.cop_varies else cop,
              marginal_cost=inputs.vom["heat_pump"] * cop,
              **_extendable(a.heat_pump, inputs.annualised["heat_pump"], share, scale=1.0 / cop))
    if a.heat_store.present:
        n.add("Store", f"{key}:heat_store", bus=bus, e_cyclic=True,
              **_extendable(a.heat_store, inputs.annualised["heat_store"], share, energy=True))
    if area.must_run_mw > 0 or a.electrolyser_heat:  # otherwise every supply is dispatchable: nothing to cool off
        n.add("Generator", f"{key}:heat_dump", bus=bus, p_nom=_peak(inputs) * 2, p_min_pu=-1.0, p_max_pu=0.0)


def _add_downstream(n, inputs: SystemInputs) -> None:
    """Methanol (hydrogen + electricity + biogenic CO2) and ammonia (hydrogen + electricity), when asked for."""
    d, share = inputs.scenario.downstream, inputs.year_share
    if d.methanol_mw > 0 or d.methanol_plant.present:
        n.add("Carrier", "co2")
        n.add("Bus", "methanol", carrier="methanol")
        n.add("Bus", "co2", carrier="co2")
        n.add("Generator", "biogenic_co2", bus="co2", p_nom=d.biogenic_co2_t_per_h, marginal_cost=d.biogenic_co2_eur_per_t)
        h2 = d.methanol_h2_per_output
        n.add("Link", "methanolisation", bus0="hydrogen", bus1="methanol", bus2="electricity", bus3="co2",
              efficiency=1.0 / h2, efficiency2=-d.methanol_el_per_output / h2, efficiency3=-d.methanol_co2_t_per_mwh / h2,
              **_extendable(d.methanol_plant, inputs.annualised["methanolisation"], share, scale=h2))
        n.add("Load", "methanol_demand", bus="methanol", p_set=np.full(inputs.hours, d.methanol_mw))
    if d.ammonia_mw > 0 or d.ammonia_plant.present:
        n.add("Bus", "ammonia", carrier="ammonia")
        h2 = d.ammonia_h2_per_output
        n.add("Link", "haber_bosch", bus0="hydrogen", bus1="ammonia", bus2="electricity",
              efficiency=1.0 / h2, efficiency2=-d.ammonia_el_per_output / h2,
              marginal_cost=inputs.vom["haber_bosch"] / h2,
              **_extendable(d.ammonia_plant, inputs.annualised["haber_bosch"], share, scale=h2))
        n.add("Load", "ammonia_demand", bus="ammonia", p_set=np.full(inputs.hours, d.ammonia_mw))


def _peak(inputs: SystemInputs) -> float:
    """A bound for slack and dump generators: larger than any flow the region can have."""
    s = inputs.scenario
    sizes = [c.max_mw or c.fixed_size() for c in s.capacities.values()] + [s.grid.import_mw, s.grid.export_mw]
    for a in s.areas():
        sizes += [c.max_mw or c.fixed_size() for c in (a.biomass, a.boiler, a.heat_pump)] + [a.surplus_heat_mw + a.waste_heat_mw]
    demand = float(inputs.electricity_demand_mw.max() + inputs.heat_demand_mw.max() + inputs.hydrogen_demand_mw.max())
    return 10 * max(max(sizes, default=0.0), demand, 1.0)


def add_rfnbo(n, inputs: SystemInputs, setting: rfnbo.RfnboSetting) -> None:
    """Electrolyser electricity outside exempt hours ≤ eligible renewable generation, per hour or month."""
    import xarray as xr

    m = n.model
    electrolyser = m.variables["Link-p"].sel(name="electrolyser")
    counted = ~setting.exempt_hours
    weight = xr.DataArray(counted.astype(float), coords={"snapshot": n.snapshots}, dims="snapshot")
    use = electrolyser * weight if setting.rule == "monthly" else 1.0 * electrolyser
    if setting.eligible:
        use = use - m.variables["Generator-p"].sel(name=list(setting.eligible)).sum("name")
    if setting.rule == "hourly":
        hours = n.snapshots[counted]
        if len(hours):
            m.add_constraints(use.sel(snapshot=hours) <= 0, name="rfnbo_hourly")
        return
    month = xr.DataArray(n.snapshots.to_period("M").astype(str), coords={"snapshot": n.snapshots}, dims="snapshot",
                         name="month")
    m.add_constraints(use.groupby(month).sum() <= 0, name="rfnbo_monthly")


@contextmanager
def _solver_quiet():
    """HiGHS prints its banner from C++ straight to file descriptor 1; keep stdout clean for --json."""
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _run(inputs: SystemInputs, setting: rfnbo.RfnboSetting, slack: bool, threads: int):
    started, started_cpu = time.perf_counter(), time.process_time()
    n = build_network(inputs, slack)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n.optimize.create_model(include_objective_constant=False)
        if setting.binds:
            add_rfnbo(n, inputs, setting)
        built, built_cpu = time.perf_counter(), time.process_time()
        with _solver_quiet():
            status, condition = n.optimize.solve_model(
                solver_name="highs", io_api="direct", progress=False,
                solver_options=dict(output_flag=False, log_to_console=False, threads=threads))
    return n, status, condition, (built - started, time.perf_counter() - built,
                                  built_cpu - started_cpu, time.process_time() - built_cpu)


def solve(inputs: SystemInputs, threads: int = 1) -> Solved:
    """Build the PyPSA/linopy model and solve it; the two steps are timed separately.

    The solve step includes handing the model to HiGHS through its direct API (no LP file). An
    infeasible first solve is repeated with slack on every bus, so the shortfall can be reported.
    """
    _quiet_pypsa()  # the first import of PyPSA is not model building: keep it out of the timing
    setting = rfnbo.setting(inputs.scenario, inputs.price)
    n, status, condition, times = _run(inputs, setting, False, threads)
    slack = status != "ok" and "infeasible" in str(condition).lower()
    if slack:
        n, status, condition, more = _run(inputs, setting, True, threads)
        times = tuple(a + b for a, b in zip(times, more))
    if status != "ok":
        raise SolverFailed(f"HiGHS ended with status {status!r} ({condition})")
    price = None
    if inputs.scenario.co2_limit_t is not None:
        price = -float(n.global_constraints.at[CO2_LIMIT, "mu"])
    build_s, solve_s, build_cpu, solve_cpu = times
    return Solved(n, build_s, solve_s, float(n.objective), setting, tuple(a.key for a in lp_areas(inputs)), slack, price,
                  build_cpu, solve_cpu)


def _col(table: pd.DataFrame, name: str, index) -> np.ndarray:
    return table[name].to_numpy() if name in table.columns else np.zeros(len(index))


def dispatch_frame(solved: Solved, inputs: SystemInputs) -> pd.DataFrame:
    """Hourly flows (MW) of a solved network in the columns shared with the simulator."""
    n = solved.network
    g, links, st = n.generators_t.p, n.links_t, n.stores_t.p
    idx = inputs.index
    frame = pd.DataFrame(index=idx)
    for tech in RENEWABLES:
        frame[tech] = g[tech].to_numpy()
        frame[f"{tech}_available"] = n.generators.at[tech, "p_nom_opt"] * inputs.capacity_factor[tech]
    frame["grid_import"] = g["grid_import"].to_numpy()
    frame["grid_export"] = -g["grid_export"].to_numpy()
    frame["shortfall_electricity"] = _col(g, "unserved_electricity", idx)
    frame["electricity_demand"] = inputs.electricity_demand_mw
    frame["electrolyser_el"] = links.p0["electrolyser"].to_numpy()
    frame["electrolyser_h2"] = -links.p1["electrolyser"].to_numpy()
    heat_key = inputs.electrolyser_heat_area
    frame["electrolyser_heat"] = frame["electrolyser_el"] * inputs.scenario.efficiencies.electrolyser_heat if heat_key else 0.0
    su = n.storage_units_t
    frame["battery_charge"] = _col(su.p_store, "battery", idx)
    frame["battery_discharge"] = _col(su.p_dispatch, "battery", idx)
    frame["h2_backup"] = _col(g, "h2_backup", idx)
    h2_store = _col(st, "h2_store", idx)
    frame["h2_store_discharge"] = np.clip(h2_store, 0, None)
    frame["h2_store_charge"] = np.clip(-h2_store, 0, None)
    frame["hydrogen_demand"] = inputs.hydrogen_demand_mw
    frame["shortfall_hydrogen"] = _col(g, "shortfall:hydrogen", idx)
    _downstream_frame(frame, n, inputs)
    for area in inputs.heat:
        _area_frame(frame, n, inputs, area, solved.lp_areas)
    frame["price"] = inputs.price
    frame["grid_t_per_mwh"] = inputs.grid_t_per_mwh
    return frame


def _area_frame(frame: pd.DataFrame, n, inputs: SystemInputs, area: AreaInputs, optimised: tuple[str, ...]) -> None:
    key, a, idx = area.key, area.area, inputs.index
    frame[f"{key}:demand"] = area.demand_mw
    frame[f"{key}:must_run"] = area.must_run_mw
    frame[f"{key}:electrolyser_heat"] = frame["electrolyser_heat"] if a.electrolyser_heat else 0.0
    if key not in optimised:
        flows = merit_order(area, inputs, a.biomass.fixed_size(), a.boiler.fixed_size())
        for column, values in flows.items():
            frame[column] = values
        for column in ("heat_pump_el", "heat_pump_heat", "heat_store_charge", "heat_store_discharge"):
            frame[f"{key}:{column}"] = 0.0
        return
    g, links = n.generators_t.p, n.links_t
    frame[f"{key}:biomass"] = _col(g, f"{key}:biomass", idx)
    frame[f"{key}:boiler"] = _col(g, f"{key}:boiler", idx)
    frame[f"{key}:heat_pump_el"] = _col(links.p0, f"{key}:heat_pump", idx)
    frame[f"{key}:heat_pump_heat"] = -_col(links.p1, f"{key}:heat_pump", idx)
    store = _col(n.stores_t.p, f"{key}:heat_store", idx)
    frame[f"{key}:heat_store_discharge"] = np.clip(store, 0, None)
    frame[f"{key}:heat_store_charge"] = np.clip(-store, 0, None)
    frame[f"{key}:heat_dump"] = -_col(g, f"{key}:heat_dump", idx)
    frame[f"{key}:shortfall"] = _col(g, f"shortfall:heat:{key}", idx)


def _downstream_frame(frame: pd.DataFrame, n, inputs: SystemInputs) -> None:
    idx = inputs.index
    if not {"methanolisation", "haber_bosch"} & set(n.links.index):
        for column in ("methanolisation_h2", "methanol", "methanolisation_el", "biogenic_co2_t", "haber_bosch_h2",
                       "ammonia", "haber_bosch_el"):
            frame[column] = 0.0
        return
    links = n.links_t
    frame["methanolisation_h2"] = _col(links.p0, "methanolisation", idx)
    frame["methanol"] = -_col(links.p1, "methanolisation", idx)
    frame["methanolisation_el"] = _col(links.p2, "methanolisation", idx)
    frame["biogenic_co2_t"] = _col(links.p3, "methanolisation", idx) if "methanolisation" in n.links.index else 0.0
    frame["haber_bosch_h2"] = _col(links.p0, "haber_bosch", idx)
    frame["ammonia"] = -_col(links.p1, "haber_bosch", idx)
    frame["haber_bosch_el"] = _col(links.p2, "haber_bosch", idx)


def optimised_capacities(n, inputs: SystemInputs) -> dict[str, float]:
    """Capacities after optimisation in the scenario's units (heat pumps by heat output at the reference COP)."""
    cop = inputs.scenario.efficiencies.heat_pump_cop

    def size(table, name: str, column: str = "p_nom_opt", scale: float = 1.0) -> float:
        return float(table.at[name, column]) * scale if name in table.index else 0.0

    sizes = {tech: size(n.generators, tech) for tech in RENEWABLES}
    sizes.update(electrolyser=size(n.links, "electrolyser"), battery=size(n.storage_units, "battery"),
                 h2_backup=size(n.generators, "h2_backup"), h2_store=size(n.stores, "h2_store", "e_nom_opt"))
    d = inputs.scenario.downstream
    if "methanolisation" in n.links.index:
        sizes["methanol_plant"] = size(n.links, "methanolisation", scale=1.0 / d.methanol_h2_per_output)
    if "haber_bosch" in n.links.index:
        sizes["ammonia_plant"] = size(n.links, "haber_bosch", scale=1.0 / d.ammonia_h2_per_output)
    for area in inputs.heat:
        key, a = area.key, area.area
        sizes[f"{key}:biomass"] = size(n.generators, f"{key}:biomass") if f"{key}:biomass" in n.generators.index else a.biomass.fixed_size()
        sizes[f"{key}:boiler"] = size(n.generators, f"{key}:boiler") if f"{key}:boiler" in n.generators.index else a.boiler.fixed_size()
        sizes[f"{key}:heat_pump"] = size(n.links, f"{key}:heat_pump", scale=cop)
        sizes[f"{key}:heat_store"] = size(n.stores, f"{key}:heat_store", "e_nom_opt")
    return sizes
