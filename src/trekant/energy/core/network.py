"""The regional energy system as a PyPSA network, optimised with HiGHS.

Buses: electricity, hydrogen, district heat. Every bus has a shortfall generator at a very high
price (scenario.prices.shortfall_eur_per_mwh): the LP is then always feasible, and any use of a
shortfall generator tells exactly which balance could not be met, in which hours.
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

from trekant.energy.core.inputs import SystemInputs
from trekant.energy.system_model import Capacity

BUSES = ("electricity", "hydrogen", "district_heat")
RENEWABLES = ("onshore_wind", "offshore_wind", "solar")


class SolverFailed(RuntimeError):
    """HiGHS ended without an optimal solution (status and condition in the message)."""


@dataclass(frozen=True)
class Solved:
    network: object                 # pypsa.Network with results
    build_s: float                  # pandas → PyPSA → linopy model
    solve_s: float                  # HiGHS
    objective_eur: float


def _quiet_pypsa():
    import pypsa

    for name in ("pypsa", "linopy", "highspy"):
        logging.getLogger(name).setLevel(logging.ERROR)
    pypsa.options.api.legacy_string_dtype = True
    return pypsa


def _extendable(cap: Capacity, annual_eur: float, share: float, energy: bool = False) -> dict:
    """PyPSA attributes of a fixed or optimised capacity (nominal in the component's own unit)."""
    key = "e" if energy else "p"
    if not cap.extendable:
        return {f"{key}_nom": cap.fixed_size()}
    low, high = (cap.min_mwh, cap.max_mwh) if energy else (cap.min_mw, cap.max_mw)
    return {f"{key}_nom_extendable": True, f"{key}_nom_min": low, f"{key}_nom_max": np.inf if high is None else high,
            "capital_cost": annual_eur * share}


def build_network(inputs: SystemInputs):
    """The PyPSA network of the scenario: three buses, their supplies, conversions, stores and slacks."""
    pypsa = _quiet_pypsa()
    n = pypsa.Network()
    n.set_snapshots(inputs.index.tz_localize(None))
    for bus, carrier in zip(BUSES, ("AC", "H2", "heat")):
        n.add("Carrier", carrier)
        n.add("Bus", bus, carrier=carrier)
    _add_electricity(n, inputs)
    _add_conversions(n, inputs)
    _add_hydrogen_and_heat(n, inputs)
    for bus in BUSES:
        n.add("Generator", f"shortfall_{bus}", bus=bus, p_nom=_peak(inputs) * 2,
              marginal_cost=inputs.scenario.prices.shortfall_eur_per_mwh)
    return n


def _add_electricity(n, inputs: SystemInputs) -> None:
    """Renewables, the grid connection (import and export limits at the day-ahead price), demand, battery."""
    s, share = inputs.scenario, inputs.year_share
    for tech in RENEWABLES:
        n.add("Carrier", tech)
        n.add("Generator", tech, bus="electricity", carrier=tech, p_max_pu=inputs.capacity_factor[tech],
              marginal_cost=inputs.vom[tech], **_extendable(s.capacity(tech), inputs.annualised[tech], share))
    n.add("Generator", "grid_import", bus="electricity", p_nom=s.grid.import_mw, marginal_cost=inputs.import_cost)
    n.add("Generator", "grid_export", bus="electricity", p_nom=s.grid.export_mw, p_min_pu=-1.0, p_max_pu=0.0,
          marginal_cost=inputs.export_value)
    n.add("Load", "electricity_demand", bus="electricity", p_set=inputs.electricity_demand_mw)
    battery, e = s.capacity("battery"), s.efficiencies
    n.add("StorageUnit", "battery", bus="electricity", max_hours=battery.hours or 1.0, cyclic_state_of_charge=True,
          efficiency_store=e.battery_one_way, efficiency_dispatch=e.battery_one_way,
          **_extendable(battery, inputs.annualised["battery"], share))


def _add_conversions(n, inputs: SystemInputs) -> None:
    """The electrolyser (hydrogen plus recoverable heat) and the large heat pump."""
    s, share, e = inputs.scenario, inputs.year_share, inputs.scenario.efficiencies
    n.add("Link", "electrolyser", bus0="electricity", bus1="hydrogen", bus2="district_heat",
          efficiency=e.electrolyser_h2, efficiency2=e.electrolyser_heat,
          **_extendable(s.capacity("electrolyser"), inputs.annualised["electrolyser"], share))
    hp = s.capacity("heat_pump")  # sized by heat output; the Link's nominal power is its electric input
    hp_el = Capacity(mw=hp.fixed_size() / e.heat_pump_cop, extendable=hp.extendable, min_mw=hp.min_mw / e.heat_pump_cop,
                     max_mw=None if hp.max_mw is None else hp.max_mw / e.heat_pump_cop)
    n.add("Link", "heat_pump", bus0="electricity", bus1="district_heat", efficiency=e.heat_pump_cop,
          marginal_cost=inputs.vom["heat_pump"] * e.heat_pump_cop,
          **_extendable(hp_el, inputs.annualised["heat_pump"] * e.heat_pump_cop, share))


def _add_hydrogen_and_heat(n, inputs: SystemInputs) -> None:
    """Hydrogen back-up, store and demand; boiler, heat store, heat dump and district-heat demand."""
    s, share = inputs.scenario, inputs.year_share
    n.add("Generator", "h2_backup", bus="hydrogen", marginal_cost=inputs.backup_cost,
          **_extendable(s.capacity("h2_backup"), inputs.annualised["h2_backup"], share))
    n.add("Store", "h2_store", bus="hydrogen", e_cyclic=True,
          **_extendable(s.capacity("h2_store"), inputs.annualised["h2_store"], share, energy=True))
    n.add("Load", "hydrogen_demand", bus="hydrogen", p_set=inputs.hydrogen_demand_mw)
    n.add("Generator", "boiler", bus="district_heat", marginal_cost=inputs.boiler_cost,
          **_extendable(s.capacity("boiler"), inputs.annualised["boiler"], share))
    n.add("Store", "heat_store", bus="district_heat", e_cyclic=True,
          **_extendable(s.capacity("heat_store"), inputs.annualised["heat_store"], share, energy=True))
    n.add("Generator", "heat_dump", bus="district_heat", p_nom=_peak(inputs) * 2, p_min_pu=-1.0, p_max_pu=0.0)
    n.add("Load", "district_heat_demand", bus="district_heat", p_set=inputs.heat_demand_mw)


def _peak(inputs: SystemInputs) -> float:
    """A bound for slack and dump generators: larger than any flow the region can have."""
    s = inputs.scenario
    sizes = [c.max_mw or c.fixed_size() for c in s.capacities.values()] + [s.grid.import_mw, s.grid.export_mw]
    demand = float(inputs.electricity_demand_mw.max() + inputs.heat_demand_mw.max() + inputs.hydrogen_demand_mw.max())
    return 10 * max(max(sizes, default=0.0), demand, 1.0)


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


def solve(inputs: SystemInputs, threads: int = 1) -> Solved:
    """Build the PyPSA/linopy model and solve it; the two steps are timed separately.

    The solve step includes handing the model to HiGHS through its direct API (no LP file).
    """
    _quiet_pypsa()  # the first import of PyPSA is not model building: keep it out of the timing
    started = time.perf_counter()
    n = build_network(inputs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n.optimize.create_model(include_objective_constant=False)
        built = time.perf_counter()
        with _solver_quiet():
            status, condition = n.optimize.solve_model(
                solver_name="highs", io_api="direct", progress=False,
                solver_options=dict(output_flag=False, log_to_console=False, threads=threads))
    solved = time.perf_counter()
    if status != "ok":
        raise SolverFailed(f"HiGHS ended with status {status!r} ({condition})")
    return Solved(n, built - started, solved - built, float(n.objective))


def dispatch_frame(n, inputs: SystemInputs) -> pd.DataFrame:
    """Hourly flows (MW) of a solved network in the columns shared with the simulator."""
    g, links, su, st = n.generators_t.p, n.links_t, n.storage_units_t, n.stores_t.p
    frame = pd.DataFrame(index=inputs.index)
    for tech in RENEWABLES:
        frame[tech] = g[tech].to_numpy()
        frame[f"{tech}_available"] = n.generators.at[tech, "p_nom_opt"] * inputs.capacity_factor[tech]
    frame["grid_import"] = g["grid_import"].to_numpy()
    frame["grid_export"] = -g["grid_export"].to_numpy()
    frame["electricity_demand"] = inputs.electricity_demand_mw
    frame["electrolyser_el"] = links.p0["electrolyser"].to_numpy()
    frame["electrolyser_h2"] = -links.p1["electrolyser"].to_numpy()
    frame["electrolyser_heat"] = -links.p2["electrolyser"].to_numpy()
    frame["heat_pump_el"] = links.p0["heat_pump"].to_numpy()
    frame["heat_pump_heat"] = -links.p1["heat_pump"].to_numpy()
    frame["battery_charge"] = su.p_store["battery"].to_numpy()
    frame["battery_discharge"] = su.p_dispatch["battery"].to_numpy()
    frame["h2_backup"] = g["h2_backup"].to_numpy()
    frame["h2_store_discharge"] = st["h2_store"].clip(lower=0).to_numpy()
    frame["h2_store_charge"] = (-st["h2_store"]).clip(lower=0).to_numpy()
    frame["hydrogen_demand"] = inputs.hydrogen_demand_mw
    frame["boiler"] = g["boiler"].to_numpy()
    frame["heat_store_discharge"] = st["heat_store"].clip(lower=0).to_numpy()
    frame["heat_store_charge"] = (-st["heat_store"]).clip(lower=0).to_numpy()
    frame["heat_dump"] = -g["heat_dump"].to_numpy()
    frame["district_heat_demand"] = inputs.heat_demand_mw
    for bus in BUSES:
        frame[f"shortfall_{bus}"] = g[f"shortfall_{bus}"].to_numpy()
    frame["price"] = inputs.price
    return frame


def optimised_capacities(n, inputs: SystemInputs) -> dict[str, float]:
    """Capacities after optimisation in the scenario's units (heat pump by heat output)."""
    cop = inputs.scenario.efficiencies.heat_pump_cop
    return dict(
        onshore_wind=float(n.generators.at["onshore_wind", "p_nom_opt"]),
        offshore_wind=float(n.generators.at["offshore_wind", "p_nom_opt"]),
        solar=float(n.generators.at["solar", "p_nom_opt"]),
        electrolyser=float(n.links.at["electrolyser", "p_nom_opt"]),
        heat_pump=float(n.links.at["heat_pump", "p_nom_opt"]) * cop,
        battery=float(n.storage_units.at["battery", "p_nom_opt"]),
        h2_backup=float(n.generators.at["h2_backup", "p_nom_opt"]),
        boiler=float(n.generators.at["boiler", "p_nom_opt"]),
        h2_store=float(n.stores.at["h2_store", "e_nom_opt"]),
        heat_store=float(n.stores.at["heat_store", "e_nom_opt"]),
    )
