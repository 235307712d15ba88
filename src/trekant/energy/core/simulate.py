"""Rule-based hourly dispatch on fixed capacities, vectorised over hours and over scenarios.

No optimiser: each hour follows fixed rules, in this order (all prices EUR/MWh):
1. Renewables produce capacity × capacity factor.
2. Power for flexible consumers comes in tiers: renewable surplus beyond the export limit (free),
   surplus within the export limit (worth the export value), then grid import up to its limit
   (at the import cost). The heat pump and the electrolyser, the more valuable first, take each
   tier whose cost is below their value: electrolyser 0.622 × back-up hydrogen cost + 0.223 ×
   boiler heat cost per MWh of electricity; heat pump COP × (boiler heat cost − its own variable
   O&M), for heat still
   needed beside the electrolyser's.
3. Storages are greedy: charge from surplus, discharge into deficit (hydrogen store, heat store,
   battery), starting empty. Hydrogen the demand and the store cannot take is not produced.
4. The rest: hydrogen back-up, boiler, export/import within limits; what still lacks is shortfall,
   what still spills is curtailment (critical excess) or dumped heat.
With no storage and uncongested tiers these rules pick the same hours as the least-cost optimum,
which the tests check against PyPSA.

Arrays are (S, T): S scenarios (capacity variants) × T hours. Storage is the one sequential step:
small S runs a plain Python loop per scenario; large S loops over hours on vectors of scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from trekant.energy.core.inputs import SystemInputs
from trekant.energy.core.network import BUSES, RENEWABLES

PYTHON_LOOP_MAX_SCENARIOS = 32


@dataclass(frozen=True)
class Variant:
    """Fixed capacities of one simulated scenario (MW; stores in MWh; heat pump by heat output)."""

    sizes: dict[str, float]
    import_mw: float
    export_mw: float


def variants_from_scenario(inputs: SystemInputs, overrides: list[dict[str, float]] | None = None) -> list[Variant]:
    s = inputs.scenario
    base = {t: s.capacity(t).fixed_size() for t in ("onshore_wind", "offshore_wind", "solar", "electrolyser", "h2_store",
                                                     "battery", "heat_pump", "heat_store", "boiler", "h2_backup")}
    out = []
    for change in overrides or [{}]:
        sizes = {**base, **{k: v for k, v in change.items() if k in base}}
        out.append(Variant(sizes, change.get("grid_import", s.grid.import_mw), change.get("grid_export", s.grid.export_mw)))
    return out


def _col(variants: list[Variant], key: str) -> np.ndarray:
    if key == "grid_import":
        return np.array([v.import_mw for v in variants])[:, None]
    if key == "grid_export":
        return np.array([v.export_mw for v in variants])[:, None]
    return np.array([v.sizes[key] for v in variants])[:, None]


def _take(want: np.ndarray, tiers: list[list], value: float) -> np.ndarray:
    """Draw up to `want` from cost tiers cheaper than `value`; the tiers' amounts shrink in place."""
    taken = np.zeros_like(want)
    for tier in tiers:
        cost, amount = tier
        use = np.where(cost < value, np.minimum(want - taken, amount), 0.0)
        tier[1] = amount - use
        taken += use
    return taken


def simulate(inputs: SystemInputs, variants: list[Variant]) -> dict[str, np.ndarray]:
    """Hourly flows (S, T) for every variant, keyed like the optimiser's dispatch frame."""
    e = inputs.scenario.efficiencies
    flows: dict[str, np.ndarray] = {}
    for tech in RENEWABLES:
        flows[f"{tech}_available"] = _col(variants, tech) * inputs.capacity_factor[tech][None, :]
    renewable = sum(flows[f"{t}_available"] for t in RENEWABLES)
    demand = inputs.electricity_demand_mw[None, :]
    export_mw, import_mw = _col(variants, "grid_export"), _col(variants, "grid_import")
    surplus = np.maximum(renewable - demand, 0.0)
    deficit = np.maximum(demand - renewable, 0.0)

    def tiers() -> list[list]:
        return [[np.zeros(inputs.hours), np.maximum(surplus - export_mw, 0.0)],
                [inputs.export_value, np.minimum(surplus, export_mw)],
                [inputs.import_cost, np.maximum(import_mw - deficit, 0.0)]]

    electrolyser_value = e.electrolyser_h2 * inputs.backup_cost + e.electrolyser_heat * inputs.boiler_cost
    heat_pump_value = e.heat_pump_cop * (inputs.boiler_cost - inputs.vom["heat_pump"])
    electrolyser_cap = np.broadcast_to(_col(variants, "electrolyser"), renewable.shape).astype(float)
    # The heat pump's need, assuming the electrolyser runs wherever it would alone (an upper bound of its heat).
    electrolyser_alone = _take(electrolyser_cap, tiers(), electrolyser_value)
    heat_need = np.maximum(inputs.heat_demand_mw[None, :] - electrolyser_alone * e.electrolyser_heat, 0.0)
    hp_want = np.minimum(_col(variants, "heat_pump"), heat_need) / e.heat_pump_cop
    shared = tiers()
    if heat_pump_value >= electrolyser_value:  # the more valuable consumer draws the cheaper power first
        heat_pump_el = _take(hp_want, shared, heat_pump_value)
        electrolyser_el = _take(electrolyser_cap, shared, electrolyser_value)
    else:
        electrolyser_el = _take(electrolyser_cap, shared, electrolyser_value)
        heat_pump_el = _take(hp_want, shared, heat_pump_value)
    h2, spilled_h2 = _hydrogen(flows, inputs, variants, electrolyser_el * e.electrolyser_h2)
    electrolyser_el = electrolyser_el - spilled_h2 / e.electrolyser_h2
    flows.update(electrolyser_el=electrolyser_el, electrolyser_h2=electrolyser_el * e.electrolyser_h2,
                 electrolyser_heat=electrolyser_el * e.electrolyser_heat, **h2)
    flows.update(heat_pump_el=heat_pump_el, heat_pump_heat=heat_pump_el * e.heat_pump_cop)
    flows.update(_heat(flows, inputs, variants))
    flows.update(_electricity(flows, inputs, variants, renewable, demand, import_mw, export_mw))
    return flows


def _hydrogen(flows, inputs, variants, produced):
    net = produced - inputs.hydrogen_demand_mw[None, :]
    charge, discharge = storage(net, _col(variants, "h2_store")[:, 0], None, 1.0)
    spilled = np.maximum(net, 0.0) - charge
    deficit = np.maximum(-net, 0.0) - discharge
    backup = np.minimum(deficit, _col(variants, "h2_backup"))
    return dict(h2_store_charge=charge, h2_store_discharge=discharge, h2_backup=backup,
                shortfall_hydrogen=deficit - backup,
                hydrogen_demand=np.broadcast_to(inputs.hydrogen_demand_mw, net.shape)), spilled


def _heat(flows, inputs, variants):
    supply = flows["electrolyser_heat"] + flows["heat_pump_heat"]
    net = supply - inputs.heat_demand_mw[None, :]
    charge, discharge = storage(net, _col(variants, "heat_store")[:, 0], None, 1.0)
    deficit = np.maximum(-net, 0.0) - discharge
    boiler = np.minimum(deficit, _col(variants, "boiler"))
    return dict(heat_store_charge=charge, heat_store_discharge=discharge, boiler=boiler,
                shortfall_district_heat=deficit - boiler, heat_dump=np.maximum(net, 0.0) - charge,
                district_heat_demand=np.broadcast_to(inputs.heat_demand_mw, net.shape))


def _electricity(flows, inputs, variants, renewable, demand, import_mw, export_mw):
    e = inputs.scenario.efficiencies
    net = renewable - demand - flows["electrolyser_el"] - flows["heat_pump_el"]
    battery_mw = _col(variants, "battery")[:, 0]
    hours = inputs.scenario.capacity("battery").hours or 1.0
    charge, discharge = storage(net, battery_mw * hours, battery_mw, e.battery_one_way)
    net = net - charge + discharge
    # Exporting at a negative value costs money: renewables are curtailed instead (as the optimiser does).
    export = np.where(inputs.export_value >= 0, np.minimum(np.maximum(net, 0.0), export_mw), 0.0)
    curtailed = np.maximum(net, 0.0) - export
    imported = np.minimum(np.maximum(-net, 0.0), import_mw)
    out = dict(battery_charge=charge, battery_discharge=discharge, grid_export=export, grid_import=imported,
               shortfall_electricity=np.maximum(-net, 0.0) - imported,
               electricity_demand=np.broadcast_to(demand, net.shape))
    share = np.divide(renewable - curtailed, renewable, out=np.zeros_like(renewable), where=renewable > 0)
    for tech in RENEWABLES:
        out[tech] = flows[f"{tech}_available"] * share
    return out


def storage(net: np.ndarray, energy_mwh: np.ndarray, power_mw: np.ndarray | None, efficiency: float):
    """Greedy store: charge (input MW) from surplus, discharge (output MW) into deficit, from empty."""
    charge = np.zeros_like(net)
    discharge = np.zeros_like(net)
    active = np.flatnonzero(energy_mwh > 0)
    if active.size == 0:
        return charge, discharge
    power = np.full(net.shape[0], np.inf) if power_mw is None else power_mw
    if active.size <= PYTHON_LOOP_MAX_SCENARIOS:
        for s in active:
            charge[s], discharge[s] = _store_loop(net[s].tolist(), float(energy_mwh[s]), float(power[s]), efficiency)
    else:
        charge[active], discharge[active] = _store_vector(net[active], energy_mwh[active], power[active], efficiency)
    return charge, discharge


def _store_loop(net: list[float], energy: float, power: float, eff: float):
    level = 0.0
    charge, discharge = [0.0] * len(net), [0.0] * len(net)
    for t, x in enumerate(net):
        if x > 0:
            c = min(x, power, (energy - level) / eff)
            charge[t] = c
            level += c * eff
        elif x < 0:
            d = min(-x, power, level * eff)
            discharge[t] = d
            level -= d / eff
    return charge, discharge


def _store_vector(net: np.ndarray, energy: np.ndarray, power: np.ndarray, eff: float):
    level = np.zeros(net.shape[0])
    charge, discharge = np.zeros_like(net), np.zeros_like(net)
    for t in range(net.shape[1]):
        x = net[:, t]
        c = np.minimum(np.minimum(np.maximum(x, 0.0), power), (energy - level) / eff)
        d = np.minimum(np.minimum(np.maximum(-x, 0.0), power), level * eff)
        charge[:, t], discharge[:, t] = c, d
        level += c * eff - d / eff
    return charge, discharge


def frame_of(flows: dict[str, np.ndarray], inputs: SystemInputs, s: int) -> pd.DataFrame:
    """The dispatch frame of variant s, in the optimiser's columns."""
    frame = pd.DataFrame({k: np.asarray(v)[s] if np.ndim(v) == 2 else v for k, v in flows.items()}, index=inputs.index)
    for bus in BUSES:
        frame[f"shortfall_{bus}"] = frame.get(f"shortfall_{bus}", 0.0)
    frame["price"] = inputs.price
    return frame
