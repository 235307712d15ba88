"""Rule-based hourly dispatch on fixed capacities, vectorised over hours and over scenarios.

No optimiser: each hour follows fixed rules, in this order (all prices EUR/MWh):
1. Renewables produce capacity × capacity factor.
2. Power for flexible consumers comes in tiers: renewable surplus beyond the export limit (free),
   surplus within the export limit (worth the export value), then grid import up to its limit
   (at the import cost). The heat pumps and the electrolyser, the more valuable first, take each
   tier whose cost is below their value: electrolyser 0.622 × back-up hydrogen cost + 0.223 ×
   the heat cost it displaces per MWh of electricity; a heat pump COP × (the heat cost it
   displaces − its own variable O&M), for heat its area still needs beside what runs anyway
   and the electrolyser's. The displaced heat cost is the area's cheapest boiler (biomass or gas).
3. Storages are greedy: charge from surplus, discharge into deficit (hydrogen store, heat stores,
   battery), starting empty. Hydrogen the demand and the store cannot take is not produced.
4. The rest: hydrogen back-up, each area's boilers cheapest first, export/import within limits;
   what still lacks is shortfall, what still spills is curtailment (critical excess) or dumped heat.
With no storage and uncongested tiers these rules pick the same hours as the least-cost optimum,
which the tests check against PyPSA.

Arrays are (S, T): S scenarios (capacity variants) × T hours. Storage is the one sequential step:
small S runs a plain Python loop per scenario; large S loops over hours on vectors of scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from trekant.energy.core.heat_dispatch import merit_order
from trekant.energy.core.inputs import SystemInputs
from trekant.energy.core.network import RENEWABLES

PYTHON_LOOP_MAX_SCENARIOS = 32
GLOBAL = ("onshore_wind", "offshore_wind", "solar", "electrolyser", "h2_store", "battery", "h2_backup")
AREA_TECHNOLOGIES = ("biomass", "boiler", "heat_pump", "heat_store")


@dataclass(frozen=True)
class Variant:
    """Fixed capacities of one simulated scenario (MW; stores in MWh; heat pumps by heat output).

    Heat-area capacities are keyed `<area>:<technology>`."""

    sizes: dict[str, float]
    import_mw: float
    export_mw: float


def variants_from_scenario(inputs: SystemInputs, overrides: list[dict[str, float]] | None = None) -> list[Variant]:
    """Variants of the scenario's fixed capacities. `heat_pump`, `heat_store` and `boiler` in an
    override change the heat area that takes the electrolyser's heat (the regional area without areas)."""
    s = inputs.scenario
    base = {t: s.capacity(t).fixed_size() for t in GLOBAL}
    for a in s.areas():
        base.update({f"{a.key}:{t}": getattr(a, t).fixed_size() for t in AREA_TECHNOLOGIES})
    target = inputs.electrolyser_heat_area or inputs.heat[0].key
    out = []
    for change in overrides or [{}]:
        change = {(f"{target}:{k}" if k in AREA_TECHNOLOGIES else k): v for k, v in change.items()}
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

    heat_key = inputs.electrolyser_heat_area
    electrolyser_value = e.electrolyser_h2 * inputs.backup_cost + (
        e.electrolyser_heat * _displaced_heat_cost(inputs, variants, heat_key) if heat_key else 0.0)
    electrolyser_cap = np.broadcast_to(_col(variants, "electrolyser"), renewable.shape).astype(float)
    # The heat pumps' need, assuming the electrolyser runs wherever it would alone (an upper bound of its heat).
    electrolyser_alone = _take(electrolyser_cap, tiers(), electrolyser_value)
    pumps = []
    for area in inputs.heat:
        key = area.key
        if not _col(variants, f"{key}:heat_pump").any():  # no heat pump in any variant: nothing to draw
            flows[f"{key}:heat_pump_el"] = flows[f"{key}:heat_pump_heat"] = np.broadcast_to(0.0, renewable.shape)
            continue
        need = area.demand_mw[None, :] - area.must_run_mw
        if key == heat_key:
            need = need - electrolyser_alone * e.electrolyser_heat
        want = np.minimum(_col(variants, f"{key}:heat_pump"), np.maximum(need, 0.0)) / inputs.heat_pump_cop[None, :]
        value = inputs.heat_pump_cop * (_displaced_heat_cost(inputs, variants, key) - inputs.vom["heat_pump"])
        pumps.append((key, want, value))
    shared = tiers()
    after = {key for key, _, value in pumps if np.mean(value) < electrolyser_value}
    for key, want, value in pumps:  # the more valuable consumer draws the cheaper power first
        if key not in after:
            flows[f"{key}:heat_pump_el"] = _take(want, shared, value)
    electrolyser_el = _take(electrolyser_cap, shared, electrolyser_value)
    for key, want, value in pumps:
        if key in after:
            flows[f"{key}:heat_pump_el"] = _take(want, shared, value)
    for key, _, _ in pumps:
        flows[f"{key}:heat_pump_heat"] = flows[f"{key}:heat_pump_el"] * inputs.heat_pump_cop[None, :]
    h2, spilled_h2 = _hydrogen(flows, inputs, variants, electrolyser_el * e.electrolyser_h2)
    electrolyser_el = electrolyser_el - spilled_h2 / e.electrolyser_h2
    flows.update(electrolyser_el=electrolyser_el, electrolyser_h2=electrolyser_el * e.electrolyser_h2,
                 electrolyser_heat=electrolyser_el * e.electrolyser_heat if heat_key else np.zeros_like(electrolyser_el),
                 **h2)
    for area in inputs.heat:
        flows.update(_heat(flows, inputs, variants, area))
    flows.update(_electricity(flows, inputs, variants, renewable, demand, import_mw, export_mw))
    return flows


def _displaced_heat_cost(inputs: SystemInputs, variants: list[Variant], key: str) -> float:
    """EUR per MWh heat of the area's cheapest boiler that any variant has (gas if none)."""
    costs = [inputs.biomass_cost] if _col(variants, f"{key}:biomass").max() > 0 else []
    costs += [inputs.boiler_cost] if _col(variants, f"{key}:boiler").max() > 0 or not costs else []
    return min(costs)


def _hydrogen(flows, inputs, variants, produced):
    net = produced - inputs.hydrogen_demand_mw[None, :]
    charge, discharge = storage(net, _col(variants, "h2_store")[:, 0], None, 1.0)
    spilled = np.maximum(net, 0.0) - charge
    deficit = np.maximum(-net, 0.0) - discharge
    backup = np.minimum(deficit, _col(variants, "h2_backup"))
    return dict(h2_store_charge=charge, h2_store_discharge=discharge, h2_backup=backup,
                shortfall_hydrogen=deficit - backup,
                hydrogen_demand=np.broadcast_to(inputs.hydrogen_demand_mw, net.shape)), spilled


def _heat(flows, inputs, variants, area):
    """One area: must-run, electrolyser and heat-pump heat first, the store, then boilers in merit order.

    An area that no variant ties to electricity or to other hours, with the same boilers in every
    variant, is the same in every variant: worked out once and shown to each (a read-only view)."""
    key = area.key
    same = [_col(variants, f"{key}:{t}") for t in ("biomass", "boiler")]
    if (not area.area.electrolyser_heat and not _col(variants, f"{key}:heat_pump").any()
            and not _col(variants, f"{key}:heat_store").any() and all((c == c[0]).all() for c in same)):
        shape = (len(variants), inputs.hours)
        alone = merit_order(area, inputs, float(same[0][0, 0]), float(same[1][0, 0]))
        zero = np.broadcast_to(0.0, shape)
        return {**{c: np.broadcast_to(v, shape) for c, v in alone.items()}, f"{key}:heat_store_charge": zero,
                f"{key}:heat_store_discharge": zero, f"{key}:electrolyser_heat": zero}
    supply = flows[f"{key}:heat_pump_heat"] + (flows["electrolyser_heat"] if area.area.electrolyser_heat else 0.0)
    net = supply + area.must_run_mw - area.demand_mw[None, :]
    charge, discharge = storage(net, _col(variants, f"{key}:heat_store")[:, 0], None, 1.0)
    deficit = np.maximum(-net, 0.0) - discharge
    out = {f"{key}:heat_store_charge": charge, f"{key}:heat_store_discharge": discharge,
           f"{key}:electrolyser_heat": flows["electrolyser_heat"] if area.area.electrolyser_heat else np.zeros_like(net)}
    boilers = merit_order(area, inputs, _col(variants, f"{key}:biomass"), _col(variants, f"{key}:boiler"),
                          demand_mw=deficit + area.must_run_mw)  # all variants at once: capacities are (S, 1)
    for column in (f"{key}:biomass", f"{key}:boiler", f"{key}:shortfall"):
        out[column] = boilers[column]
    out[f"{key}:heat_dump"] = np.maximum(net, 0.0) - charge
    return out


def _electricity(flows, inputs, variants, renewable, demand, import_mw, export_mw):
    e = inputs.scenario.efficiencies
    net = renewable - demand - flows["electrolyser_el"] - sum(flows[f"{a.key}:heat_pump_el"] for a in inputs.heat)
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
    for area in inputs.heat:
        frame[f"{area.key}:demand"] = area.demand_mw
        frame[f"{area.key}:must_run"] = area.must_run_mw
    for column in ("methanolisation_h2", "methanol", "methanolisation_el", "biogenic_co2_t", "haber_bosch_h2", "ammonia",
                   "haber_bosch_el"):
        frame[column] = 0.0
    frame["price"] = inputs.price
    frame["grid_t_per_mwh"] = inputs.grid_t_per_mwh
    return frame
