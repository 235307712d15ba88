"""EnergyPLAN-style results computed from an hourly dispatch frame (optimised or simulated).

Definitions (also in docs/energy.md), all over the run's hours:
- balances per carrier (electricity, hydrogen, each heat area, methanol, ammonia): MWh supplied
  and used by each component.
- critical excess electricity: renewable power available but neither used nor exported.
- self-sufficiency share: 1 − import ÷ electricity consumption (demand + electrolyser + heat pumps
  + downstream plants + battery losses).
- hours of import dependence: hours with import above 0.001 MW; peak import: the largest import.
- CO2: import × the grid intensity of its hour + gas (boilers, hydrogen back-up) × gas factor +
  the supplies that run every hour in the heat areas (waste incineration) × their factor.
- CO2 by consumer: each hour's regional electricity carries the intensity import × grid intensity
  ÷ (local generation + import + battery discharge); every use of electricity in that hour
  (demand, electrolyser, heat pumps, downstream plants, battery charge, export) is charged it, so
  an electrolyser running at night is charged the night's emissions. The charges sum to the
  import's emissions.
- district-heat factor of an area = (its gas and waste emissions + its heat pumps' charged
  emissions) ÷ heat delivered; the electrolyser's heat is a by-product (its power is charged to
  the hydrogen).
- total annual cost: capacities × annualised cost (pro rata for runs shorter than a year) +
  operating costs (import incl. tariff and CO2 price, minus export value, gas, biomass, biogenic
  CO2, variable O&M).
- security of supply: hours the import limit binds, unserved electricity (MWh, hours, peak MW) and
  the extra connection capacity that removes it (the peak unserved MW: with it every hour's
  unserved power can be imported; storage might do with less).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from trekant.energy.core import rfnbo as rfnbo_rules
from trekant.energy.core.inputs import SystemInputs
from trekant.energy.system_model import AMMONIA_LHV_MWH_PER_T, H2_LHV_MWH_PER_T, METHANOL_LHV_MWH_PER_T
from trekant.errors import TrekantError

RENEWABLES = ("onshore_wind", "offshore_wind", "solar")
SHORTFALL_TOLERANCE_MW = 1e-3
BINDING_TOLERANCE_MW = 1e-3


class InfeasibleScenario(TrekantError):
    """A balance could not be met: names the carrier, the hours and the largest shortfall."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))

    def lines(self) -> list[str]:
        return [f"error [infeasible] {p}" for p in self.problems]


def heat_pump_columns(inputs: SystemInputs, side: str) -> list[str]:
    return [f"{a.key}:heat_pump_{side}" for a in inputs.heat]


def balance(inputs: SystemInputs) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """(supply columns, use columns) per bus of the frame."""
    uses = ("electricity_demand", "electrolyser_el", *heat_pump_columns(inputs, "el"), "methanolisation_el",
            "haber_bosch_el", "grid_export", "battery_charge")
    buses = {
        "electricity": (("onshore_wind", "offshore_wind", "solar", "grid_import", "battery_discharge",
                         "shortfall_electricity"), uses),
        "hydrogen": (("electrolyser_h2", "h2_backup", "h2_store_discharge", "shortfall_hydrogen"),
                     ("hydrogen_demand", "h2_store_charge", "methanolisation_h2", "haber_bosch_h2")),
    }
    for a in inputs.heat:
        k = a.key
        buses[f"heat:{k}"] = ((f"{k}:must_run", f"{k}:electrolyser_heat", f"{k}:heat_pump_heat", f"{k}:biomass",
                               f"{k}:boiler", f"{k}:heat_store_discharge", f"{k}:shortfall"),
                              (f"{k}:demand", f"{k}:heat_store_charge", f"{k}:heat_dump"))
    return buses


def residual(frame: pd.DataFrame, inputs: SystemInputs, bus: str) -> np.ndarray:
    """Supply − use per hour on a bus; zero in every hour when the balance closes."""
    supply, use = balance(inputs)[bus]
    return frame[list(supply)].sum(axis=1).to_numpy() - frame[list(use)].sum(axis=1).to_numpy()


HINTS = {"hydrogen": "raise the electrolyser, the hydrogen store or h2_backup capacity",
         "heat": "raise the area's biomass, boiler, heat pump or heat store capacity"}


def check_shortfall(frame: pd.DataFrame, inputs: SystemInputs) -> None:
    """Hydrogen or district heat not met is an error; unserved electricity is a result (security of supply)."""
    problems = []
    columns = {"hydrogen": "shortfall_hydrogen", **{f"heat:{a.key}": f"{a.key}:shortfall" for a in inputs.heat}}
    for bus, column in columns.items():
        short = frame[column].to_numpy()
        hours = int((short > SHORTFALL_TOLERANCE_MW).sum())
        if hours:
            first = frame.index[int(np.argmax(short > SHORTFALL_TOLERANCE_MW))]
            what = "hydrogen" if bus == "hydrogen" else f"district heat ({bus.split(':', 1)[1]})"
            problems.append(f"scenario {inputs.scenario.name}: the {what} balance could not be met in {hours} of "
                            f"{len(frame)} hours (first {first:%Y-%m-%d %H:%M} UTC, largest shortfall "
                            f"{short.max():,.1f} MW); {HINTS['hydrogen' if bus == 'hydrogen' else 'heat']}")
    if problems:
        raise InfeasibleScenario(problems)


def _sum(frame: pd.DataFrame, column: str) -> float:
    return float(frame[column].sum()) if column in frame.columns else 0.0


def mix_intensity(frame: pd.DataFrame) -> np.ndarray:
    """t CO2 per MWh of the region's electricity in each hour (import × its intensity ÷ all supply)."""
    supply = sum(frame[t].to_numpy() for t in RENEWABLES) + frame["grid_import"].to_numpy() \
        + frame["battery_discharge"].to_numpy() + frame["shortfall_electricity"].to_numpy()
    emitted = frame["grid_import"].to_numpy() * frame["grid_t_per_mwh"].to_numpy()
    return np.divide(emitted, supply, out=np.zeros_like(emitted), where=supply > 1e-9)


def emissions(frame: pd.DataFrame, inputs: SystemInputs) -> dict:
    s = inputs.scenario
    intensity = mix_intensity(frame)
    grid_t = float((frame["grid_import"] * frame["grid_t_per_mwh"]).sum())
    backup_gas = _sum(frame, "h2_backup") * s.efficiencies.smr_gas_per_h2
    by_consumer = {c: float((frame[c].to_numpy() * intensity).sum())
                   for c in balance(inputs)["electricity"][1] if c in frame.columns}
    areas = {}
    for a in inputs.heat:
        k = a.key
        gas_t = _sum(frame, f"{k}:boiler") / s.efficiencies.boiler * s.emissions.gas_t_per_mwh
        must_t = a.must_run_t_per_h * inputs.hours
        pump_t = by_consumer.get(f"{k}:heat_pump_el", 0.0)
        delivered = _sum(frame, f"{k}:demand")
        areas[k] = dict(gas_t=gas_t, must_run_t=must_t, heat_pump_t=pump_t, delivered_mwh=delivered,
                        factor_kg_per_mwh=1000 * (gas_t + must_t + pump_t) / delivered if delivered else None)
    gas_t = backup_gas * s.emissions.gas_t_per_mwh + sum(v["gas_t"] for v in areas.values())
    must_t = sum(v["must_run_t"] for v in areas.values())
    return dict(total_t=grid_t + gas_t + must_t, grid_import_t=grid_t, gas_t=gas_t, heat_must_run_t=must_t,
                by_consumer=by_consumer, areas=areas,
                electrolyser_kg_per_kg_h2=(1000 * by_consumer.get("electrolyser_el", 0.0) / (_sum(frame, "electrolyser_h2") / H2_LHV_MWH_PER_T * 1000))
                if _sum(frame, "electrolyser_h2") > 0 else None)


def summarise(frame: pd.DataFrame, inputs: SystemInputs, capacities: dict[str, float], method: str) -> dict:
    s = inputs.scenario
    buses = balance(inputs)
    balances = {bus: dict(supply_mwh={c: round(_sum(frame, c), 1) for c in supply if c in frame.columns},
                          use_mwh={c: round(_sum(frame, c), 1) for c in use if c in frame.columns})
                for bus, (supply, use) in buses.items()}
    imported, exported = _sum(frame, "grid_import"), _sum(frame, "grid_export")
    available = sum(_sum(frame, f"{t}_available") for t in RENEWABLES)
    used = sum(_sum(frame, t) for t in RENEWABLES)
    consumption = sum(_sum(frame, c) for c in buses["electricity"][1] if c != "grid_export") - _sum(frame, "battery_discharge")
    co2 = emissions(frame, inputs)
    cost = _costs(frame, inputs, capacities)
    electrolyser_mw = capacities["electrolyser"]
    return dict(
        scenario=s.name, title=s.title, demo=s.demo, method=method, hours=inputs.hours,
        start=str(inputs.index[0]), full_year=inputs.hours >= 8759,
        price_gaps_filled=list(inputs.price_gaps_filled), notes=list(inputs.notes),
        balances_mwh=balances,
        import_mwh=round(imported, 1), export_mwh=round(exported, 1),
        critical_excess_mwh=round(available - used, 1),
        self_sufficiency_share=round(1 - imported / consumption, 4) if consumption > 0 else None,
        import_dependence_hours=int((frame["grid_import"] > 1e-3).sum()),
        peak_import_mw=round(float(frame["grid_import"].max()), 1),
        co2_t=round(co2["total_t"], 1),
        co2_by_source_t=dict(grid_import=round(co2["grid_import_t"], 1), gas=round(co2["gas_t"], 1),
                             heat_must_run=round(co2["heat_must_run_t"], 1)),
        co2_by_consumer_t={k: round(v, 1) for k, v in co2["by_consumer"].items()},
        grid_intensity=inputs.grid_intensity,
        electrolyser_kg_co2_per_kg_h2=None if co2["electrolyser_kg_per_kg_h2"] is None else round(co2["electrolyser_kg_per_kg_h2"], 3),
        total_cost_eur=round(cost["total_eur"], 0),
        total_cost_dkk=round(cost["total_eur"] * s.eur_to_dkk, 0),
        cost_breakdown_eur={k: round(v, 0) for k, v in cost.items() if k != "total_eur"},
        hydrogen_produced_t=round(_sum(frame, "electrolyser_h2") / H2_LHV_MWH_PER_T, 1),
        electrolyser_full_load_hours=round(_sum(frame, "electrolyser_el") / electrolyser_mw, 1) if electrolyser_mw > 0 else None,
        capacities={t: dict(size=round(v, 2), unit="MWh" if t.endswith(("h2_store", "heat_store")) else "MW",
                            optimised=_optimised(s, t)) for t, v in capacities.items()},
        heat_areas=heat_areas(frame, inputs, co2),
        rfnbo=rfnbo_report(frame, inputs),
        security=security(frame, inputs),
        infrastructure=infrastructure(frame, inputs, capacities),
        downstream=downstream(frame, inputs),
    )


def _optimised(s, technology: str) -> bool:
    if ":" in technology:
        key, tech = technology.split(":", 1)
        return any(getattr(a, tech).extendable for a in s.areas() if a.key == key)
    if technology in ("methanol_plant", "ammonia_plant"):
        return getattr(s.downstream, technology).extendable
    return s.capacity(technology).extendable


def heat_areas(frame: pd.DataFrame, inputs: SystemInputs, co2: dict) -> list[dict]:
    """Each area's demand, supply by source and emission factor, and the region as their sum."""
    rows = []
    for a in inputs.heat:
        k = a.key
        supply = {c.split(":", 1)[1]: round(_sum(frame, c), 1) for c in
                  (f"{k}:must_run", f"{k}:electrolyser_heat", f"{k}:heat_pump_heat", f"{k}:biomass", f"{k}:boiler")}
        e = co2["areas"][k]
        rows.append(dict(key=k, name=a.area.name or k, demand_mwh=round(_sum(frame, f"{k}:demand"), 1), supply_mwh=supply,
                         dumped_mwh=round(_sum(frame, f"{k}:heat_dump"), 1),
                         co2_t=round(e["gas_t"] + e["must_run_t"] + e["heat_pump_t"], 1),
                         factor_kg_co2_per_mwh=None if e["factor_kg_per_mwh"] is None else round(e["factor_kg_per_mwh"], 2)))
    return rows


def rfnbo_report(frame: pd.DataFrame, inputs: SystemInputs) -> dict:
    """Renewable share of the hydrogen under the rule of the scenario, and under hourly and monthly matching."""
    setting = rfnbo_rules.setting(inputs.scenario, inputs.price)
    use = frame["electrolyser_el"].to_numpy()
    eligible = sum((frame[t].to_numpy() for t in setting.eligible), np.zeros(len(frame)))
    total_el = float(use.sum())
    supplied_h2 = _sum(frame, "electrolyser_h2") + _sum(frame, "h2_backup")
    eta = inputs.scenario.efficiencies.electrolyser_h2
    shares = {}
    for period in ("hourly", "monthly"):
        matched = total_el if setting.grid_counts_renewable else \
            rfnbo_rules.matched_mwh(use, eligible, setting.exempt_hours, inputs.index, period)
        shares[period] = dict(matched_electricity_share=round(matched / total_el, 4) if total_el else None,
                              renewable_h2_share=round(matched * eta / supplied_h2, 4) if supplied_h2 else None,
                              renewable_h2_t=round(matched * eta / H2_LHV_MWH_PER_T, 1))
    rule = setting.rule if setting.rule != "none" else "hourly"
    return dict(rule=setting.rule, binds=setting.binds, eligible=list(setting.eligible),
                exempt_hours=int(setting.exempt_hours.sum()), notes=list(setting.notes),
                renewable_h2_share=shares[rule]["renewable_h2_share"], by_matching=shares)


def security(frame: pd.DataFrame, inputs: SystemInputs) -> dict:
    """How often the grid connection binds, what is left unserved, and the extra MW that removes it."""
    g = inputs.scenario.grid
    unserved = np.clip(frame["shortfall_electricity"].to_numpy(), 0.0, None)
    at_import = frame["grid_import"].to_numpy() >= g.import_mw - BINDING_TOLERANCE_MW
    at_export = frame["grid_export"].to_numpy() >= g.export_mw - BINDING_TOLERANCE_MW
    short = unserved > SHORTFALL_TOLERANCE_MW
    return dict(import_limit_mw=g.import_mw, export_limit_mw=g.export_mw,
                import_binding_hours=int((at_import & (g.import_mw > 0)).sum()),
                export_binding_hours=int((at_export & (g.export_mw > 0)).sum()),
                unserved_mwh=round(float(unserved.sum()), 1), unserved_hours=int(short.sum()),
                peak_unserved_mw=round(float(unserved.max()), 1),
                extra_connection_mw=round(float(unserved.max()), 1) if short.any() else 0.0,
                first_unserved_hour=str(frame.index[int(np.argmax(short))]) if short.any() else None)


def infrastructure(frame: pd.DataFrame, inputs: SystemInputs, capacities: dict[str, float]) -> dict:
    """What the scenario needs built: connection, electrolyser, storage, and the hydrogen leaving by pipeline."""
    h2_store = capacities.get("h2_store", 0.0)
    demand = frame["hydrogen_demand"].to_numpy()
    return dict(connection_import_mw=inputs.scenario.grid.import_mw, connection_export_mw=inputs.scenario.grid.export_mw,
                peak_import_mw=round(float(frame["grid_import"].max()), 1),
                peak_export_mw=round(float(frame["grid_export"].max()), 1),
                electrolyser_mw=round(capacities.get("electrolyser", 0.0), 1),
                h2_store_mwh=round(h2_store, 1), h2_store_t=round(h2_store / H2_LHV_MWH_PER_T, 1),
                battery_mw=round(capacities.get("battery", 0.0), 1),
                battery_mwh=round(capacities.get("battery", 0.0) * (inputs.scenario.capacity("battery").hours or 0), 1),
                heat_store_mwh=round(sum(v for k, v in capacities.items() if k.endswith("heat_store")), 1),
                hydrogen_pipeline_peak_mw=round(float(demand.max()), 1) if len(demand) else 0.0,
                hydrogen_pipeline_t_per_day=round(float(demand.mean()) * 24 / H2_LHV_MWH_PER_T, 1) if len(demand) else 0.0)


def downstream(frame: pd.DataFrame, inputs: SystemInputs) -> dict | None:
    if _sum(frame, "methanol") <= 0 and _sum(frame, "ammonia") <= 0:
        return None
    return dict(methanol_t=round(_sum(frame, "methanol") / METHANOL_LHV_MWH_PER_T, 1),
                methanol_h2_mwh=round(_sum(frame, "methanolisation_h2"), 1),
                biogenic_co2_t=round(_sum(frame, "biogenic_co2_t"), 1),
                ammonia_t=round(_sum(frame, "ammonia") / AMMONIA_LHV_MWH_PER_T, 1),
                ammonia_h2_mwh=round(_sum(frame, "haber_bosch_h2"), 1),
                conversion_losses_mwh=round(_sum(frame, "methanolisation_h2") + _sum(frame, "methanolisation_el")
                                            + _sum(frame, "haber_bosch_h2") + _sum(frame, "haber_bosch_el")
                                            - _sum(frame, "methanol") - _sum(frame, "ammonia"), 1))


ANNUALISED_KEY = {"biomass": "biomass_heat", "methanol_plant": "methanolisation", "ammonia_plant": "haber_bosch"}


def _costs(frame: pd.DataFrame, inputs: SystemInputs, capacities: dict[str, float]) -> dict[str, float]:
    s = inputs.scenario
    capital = 0.0
    for technology, size in capacities.items():
        tech = technology.split(":", 1)[-1]
        capital += size * inputs.annualised[ANNUALISED_KEY.get(tech, tech)]
    capital *= inputs.year_share
    grid = float((frame["grid_import"] * inputs.import_cost).sum() - (frame["grid_export"] * inputs.export_value).sum())
    gas_mwh = _sum(frame, "h2_backup") * s.efficiencies.smr_gas_per_h2 + sum(
        _sum(frame, f"{a.key}:boiler") for a in inputs.heat) / s.efficiencies.boiler
    biomass_mwh = sum(_sum(frame, f"{a.key}:biomass") for a in inputs.heat) / s.efficiencies.biomass_heat
    vom = sum(_sum(frame, t) * inputs.vom[t] for t in RENEWABLES) + _sum(frame, "h2_backup") * inputs.vom["h2_backup"]
    for a in inputs.heat:
        vom += _sum(frame, f"{a.key}:boiler") * inputs.vom["boiler"] + _sum(frame, f"{a.key}:biomass") * inputs.vom["biomass_heat"]
        vom += _sum(frame, f"{a.key}:heat_pump_heat") * inputs.vom["heat_pump"]
    vom += _sum(frame, "ammonia") * inputs.vom["haber_bosch"]
    co2_feed = _sum(frame, "biogenic_co2_t") * s.downstream.biogenic_co2_eur_per_t
    unserved = _sum(frame, "shortfall_electricity") * s.prices.shortfall_eur_per_mwh
    result = dict(capital_and_fixed_om_eur=capital, grid_net_eur=grid, gas_and_co2_eur=gas_mwh * inputs.gas_cost,
                  biomass_eur=biomass_mwh * s.prices.biomass_eur_per_mwh, variable_om_eur=vom, biogenic_co2_eur=co2_feed,
                  unserved_electricity_eur=unserved)
    result["total_eur"] = sum(result.values())
    return result
