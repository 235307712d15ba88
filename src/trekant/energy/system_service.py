"""Use cases of the hourly energy system: optimise, simulate, sweep, compare weather years.

Every result is a plain dict (English keys, numbers rounded for display) ready for the CLI, the
web and the reports: EnergyPLAN-style totals, the heat areas, renewable hydrogen (RFNBO), security
of supply, the infrastructure the scenario needs, and on request an hourly week and duration
curves for charts.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from trekant.errors import InputError, Issue

RULES = ("none", "monthly", "hourly")


def _scenario(ref: str, rfnbo: str | None = None, co2_limit_t: float | None = None, import_mw: float | None = None):
    """The scenario with the command line's overrides applied (each is checked like the YAML field)."""
    from trekant.energy.io.scenario import load_scenario, parse_scenario

    scenario = load_scenario(ref)
    if rfnbo is None and co2_limit_t is None and import_mw is None:
        return scenario
    data = scenario.model_dump()
    if rfnbo is not None:
        data["rfnbo"]["rule"] = rfnbo
    if co2_limit_t is not None:
        data["co2_limit_t"] = co2_limit_t
    if import_mw is not None:
        data["grid"]["import_mw"] = import_mw
    return parse_scenario(data, ref)


def _optimise(scenario, hours, start, profiles_spec=None):
    from trekant.energy.core import network, outputs
    from trekant.energy.io.system_inputs import load_inputs

    inputs = load_inputs(scenario, hours, start, profiles_spec)
    try:
        solved = network.solve(inputs)
    except network.SolverFailed as exc:
        raise InputError(scenario.name, reason=f"the model could not be solved: {exc}") from None
    frame = network.dispatch_frame(solved, inputs)
    outputs.check_shortfall(frame, inputs)
    result = outputs.summarise(frame, inputs, network.optimised_capacities(solved.network, inputs), "optimisation")
    result["timing_s"] = dict(build=round(solved.build_s, 3), solve=round(solved.solve_s, 3),
                              build_share_of_solve=round(solved.build_s / solved.solve_s, 3) if solved.solve_s else None)
    result["optimised_heat_areas"] = list(solved.lp_areas)
    if scenario.co2_limit_t is not None:
        result["co2_limit"] = dict(limit_t=scenario.co2_limit_t, shadow_price_eur_per_t=round(solved.co2_price_eur_per_t, 2),
                                   binding=solved.co2_price_eur_per_t > 1e-6)
    return result, frame, inputs


def model_run(scenario_ref: str, hours: int | None = None, start: int = 0, export: Path | None = None,
              rfnbo: str | None = None, co2_limit_t: float | None = None, import_mw: float | None = None,
              compliance_cost: bool = False, week: int | None = None) -> dict:
    """Optimise the scenario with PyPSA + HiGHS and report EnergyPLAN-style results.

    `compliance_cost`: optimise again without the RFNBO rule and report the difference in system
    cost. `week`: add hourly series of that week (0-based) and duration curves for charts.
    """
    from trekant.energy.io.export import check_target, write_hourly

    if export:
        check_target(export)
    scenario = _scenario(scenario_ref, rfnbo, co2_limit_t, import_mw)
    result, frame, inputs = _optimise(scenario, hours, start)
    if compliance_cost:
        result["rfnbo"]["compliance"] = _compliance(scenario, result, hours, start)
    if week is not None:
        result["charts"] = charts(frame, inputs, week)
    if export:
        result["exported"] = write_hourly(frame, export)
    return result


def _compliance(scenario, with_rule: dict, hours, start) -> dict:
    """System cost with the scenario's RFNBO rule minus the cost without it."""
    if scenario.rfnbo.rule == "none":
        raise InputError("--compliance-cost", reason="give a rule (--rfnbo monthly or hourly) to price compliance with")
    free = scenario.model_copy(update=dict(rfnbo=scenario.rfnbo.model_copy(update=dict(rule="none"))))
    without, _, _ = _optimise(free, hours, start)
    return dict(cost_with_rule_eur=with_rule["total_cost_eur"], cost_without_rule_eur=without["total_cost_eur"],
                compliance_cost_eur=round(with_rule["total_cost_eur"] - without["total_cost_eur"], 0),
                compliance_cost_eur_per_kg_h2=round((with_rule["total_cost_eur"] - without["total_cost_eur"])
                                                    / (with_rule["hydrogen_produced_t"] * 1000), 3)
                if with_rule["hydrogen_produced_t"] else None,
                renewable_h2_share_without_rule=without["rfnbo"]["renewable_h2_share"],
                capacities_without_rule={k: v["size"] for k, v in without["capacities"].items()})


def charts(frame, inputs, week: int) -> dict:
    """One week of hourly series and duration curves (1 % steps) for the web and the reports."""
    import numpy as np

    first = week * 168
    if not 0 <= first < len(frame):
        raise InputError("--week", reason=f"week {week} is outside the run ({len(frame) // 168 + 1} weeks)")
    part = frame.iloc[first:first + 168]
    columns = ["onshore_wind", "offshore_wind", "solar", "grid_import", "grid_export", "electricity_demand",
               "electrolyser_el", "battery_charge", "battery_discharge", "h2_backup", "shortfall_electricity", "price",
               "grid_t_per_mwh", *[f"{a.key}:heat_pump_el" for a in inputs.heat]]
    series = {c: [round(float(v), 2) for v in part[c]] for c in columns if c in part.columns}
    curves = {}
    for column in ("grid_import", "grid_export", "electrolyser_el", "shortfall_electricity", *[f"{a.key}:demand" for a in inputs.heat]):
        values = np.sort(frame[column].to_numpy())[::-1]
        positions = np.linspace(0, len(values) - 1, 101).round().astype(int)
        curves[column] = [round(float(values[p]), 2) for p in positions]
    return dict(week=week, hours=[str(t) for t in part.index], series_mw=series,
                duration_curves=dict(share_of_hours_pct=list(range(101)), mw=curves))


def model_simulate(scenario_ref: str, hours: int | None = None, start: int = 0, export: Path | None = None,
                   week: int | None = None) -> dict:
    """The rule-based simulation of the same scenario (fixed capacities only). `week`: add hourly
    series of that week (0-based) and duration curves for charts, as model_run does."""
    from trekant.energy.core import outputs, simulate
    from trekant.energy.io.export import check_target, write_hourly
    from trekant.energy.io.system_inputs import load_inputs

    if export:
        check_target(export)
    inputs = load_inputs(scenario_ref, hours, start)
    _require_fixed(inputs.scenario, scenario_ref)
    variant = simulate.variants_from_scenario(inputs)[0]
    frame = simulate.frame_of(simulate.simulate(inputs, [variant]), inputs, 0)
    outputs.check_shortfall(frame, inputs)
    result = outputs.summarise(frame, inputs, variant.sizes, "simulation")
    if week is not None:
        result["charts"] = charts(frame, inputs, week)
    if export:
        result["exported"] = write_hourly(frame, export)
    return result


WEEK_HOURS = 168


def week_charts(scenario_ref: str, week: int) -> dict:
    """A scenario's results with the hourly series of one week (0-based) and its duration curves:
    fixed capacities simulated for the whole profile year; a scenario with capacities to optimise
    optimised for that week only (PyPSA + HiGHS: seconds, where the year takes a minute)."""
    from trekant.energy.io.scenario import load_scenario

    if load_scenario(scenario_ref).extendable():
        return model_run(scenario_ref, WEEK_HOURS, week * WEEK_HOURS, week=0) | {"window": "week"}
    return model_simulate(scenario_ref, week=week) | {"window": "year"}


def scenarios() -> list[dict]:
    """The shipped scenarios: name, title, demo flag and the capacities an optimisation sizes."""
    from trekant.energy.io.scenario import load_scenario, shipped_scenarios

    return [dict(name=name, title=s.title, demo=s.demo, optimised=list(s.extendable()))
            for name, s in ((n, load_scenario(n)) for n in shipped_scenarios())]


def _require_fixed(scenario, ref: str) -> None:
    extendable = scenario.extendable()
    if extendable:
        raise InputError(ref, "capacities", f"simulation needs fixed capacities; optimised: {', '.join(extendable)} "
                                            "(give mw/mwh, or use `trekant energy sweep --optimise`)")


def _quiet(_step: str) -> None:
    pass


def weather_years(scenario_ref: str, profiles: Sequence[str], hours: int | None = None, start: int = 0,
                  rfnbo: str | None = None, progress: Callable[[str], None] = _quiet) -> dict:
    """The scenario optimised once per weather year, with the spread of the key results across them.

    progress(step) is called after each year's optimisation (the CLI's progress bar)."""
    scenario = _scenario(scenario_ref, rfnbo)
    specs = list(profiles) or [scenario.profiles]
    rows = []
    for spec in specs:
        result, _, _ = _optimise(scenario, hours, start, spec)
        progress(str(spec))
        rows.append(dict(profiles=spec, **{k: result[k] for k in YEAR_FIELDS},
                         renewable_h2_share=result["rfnbo"]["renewable_h2_share"],
                         unserved_mwh=result["security"]["unserved_mwh"],
                         capacities={k: v["size"] for k, v in result["capacities"].items() if v["optimised"]}))
    spread = {}
    for key in (*YEAR_FIELDS, "renewable_h2_share", "unserved_mwh"):
        values = [r[key] for r in rows if r[key] is not None]
        if values:
            spread[key] = dict(min=min(values), max=max(values), mean=round(sum(values) / len(values), 4),
                               range=round(max(values) - min(values), 4))
    return dict(scenario=scenario.name, demo=scenario.demo, method="optimisation", weather_years=len(rows),
                results=rows, spread=spread)


YEAR_FIELDS = ("total_cost_eur", "co2_t", "import_mwh", "export_mwh", "critical_excess_mwh", "hydrogen_produced_t",
               "self_sufficiency_share")

SWEEP_KEYS = {"onshore_wind_mw": "onshore_wind", "offshore_wind_mw": "offshore_wind", "solar_mw": "solar",
              "electrolyser_mw": "electrolyser", "h2_store_mwh": "h2_store", "battery_mw": "battery",
              "heat_pump_mw": "heat_pump", "heat_store_mwh": "heat_store", "boiler_mw": "boiler",
              "h2_backup_mw": "h2_backup", "grid_import_mw": "grid_import", "grid_export_mw": "grid_export"}


def parse_vary(specs: Sequence[str]) -> list[dict[str, float]]:
    """['electrolyser_mw=20,300', 'battery_mw=0,50'] → the cartesian product as capacity overrides."""
    axes, issues, seen = [], [], set()
    for spec in specs:
        key, _, values = (part.strip() for part in spec.partition("="))
        problem = _vary_problem(key, values, seen)
        if problem:
            issues.append(Issue("error", "vary", "--vary", spec, problem))
            continue
        seen.add(key)
        axes.append([(SWEEP_KEYS[key], float(v)) for v in values.split(",") if v.strip()])
    if issues:
        raise InputError.from_issues("--vary", issues)
    return [dict(combo) for combo in itertools.product(*axes)] if axes else [{}]


def _vary_problem(key: str, values: str, seen: set[str]) -> str | None:
    """What is wrong with one KEY=V1,V2 of --vary, or None."""
    from trekant.energy.system_model import MAX_MW

    if key not in SWEEP_KEYS:
        return f"unknown key {key!r} (one of {', '.join(SWEEP_KEYS)})"
    if key in seen:
        return f"{key} is given twice; list all its values in one --vary {key}=V1,V2"
    try:
        numbers = [float(v) for v in values.split(",") if v.strip()]
    except ValueError:
        return f"values must be numbers separated by commas, got {values!r}"
    if not numbers or not all(0 <= v <= MAX_MW for v in numbers):  # also refuses nan and inf
        return f"give one or more numbers between 0 and {MAX_MW:g}, got {values!r}"
    return None


def sweep(scenario_ref: str, vary: Sequence[str], hours: int | None = None, start: int = 0, optimise: bool = False,
          progress: Callable[[str], None] = _quiet) -> dict:
    """Every combination of the varied capacities: simulated at once (vectorised over scenarios), or
    with `optimise` one optimisation each (capacities marked extendable are then sized per variant;
    progress(variant) after each)."""
    overrides = parse_vary(vary)
    if optimise:
        return _sweep_optimised(scenario_ref, overrides, hours, start, progress)
    from trekant.energy.core import outputs, simulate
    from trekant.energy.io.system_inputs import load_inputs

    inputs = load_inputs(scenario_ref, hours, start)
    _require_fixed(inputs.scenario, scenario_ref)
    variants = simulate.variants_from_scenario(inputs, overrides)
    started = time.perf_counter()
    flows = simulate.simulate(inputs, variants)
    elapsed = time.perf_counter() - started
    rows = []
    for i, (change, variant) in enumerate(zip(overrides, variants)):
        frame = simulate.frame_of(flows, inputs, i)
        summary = outputs.summarise(frame, inputs, variant.sizes, "simulation")
        rows.append(_sweep_row(change, summary, frame, inputs))
    return dict(scenario=inputs.scenario.name, demo=inputs.scenario.demo, method="simulation", hours=inputs.hours,
                variants=len(rows), simulate_s=round(elapsed, 4), results=rows)


def _sweep_row(change: dict, summary: dict, frame, inputs) -> dict:
    shortfall = dict(electricity=round(float(frame["shortfall_electricity"].sum()), 1),
                     hydrogen=round(float(frame["shortfall_hydrogen"].sum()), 1),
                     district_heat=round(sum(float(frame[f"{a.key}:shortfall"].sum()) for a in inputs.heat), 1))
    return dict(vary=change, shortfall_mwh=shortfall, infrastructure=summary["infrastructure"],
                renewable_h2_share=summary["rfnbo"]["renewable_h2_share"], **{k: summary[k] for k in SWEEP_FIELDS})


def _sweep_optimised(scenario_ref: str, overrides: list[dict], hours, start,
                     progress: Callable[[str], None] = _quiet) -> dict:
    """One optimisation per variant: a varied capacity is fixed at its value, the rest as in the scenario."""
    from trekant.energy.io.scenario import load_scenario, parse_scenario

    base = load_scenario(scenario_ref)
    rows, started = [], time.perf_counter()
    for change in overrides:
        data = base.model_dump()
        for key, value in change.items():
            if key in ("grid_import", "grid_export"):
                data["grid"][key.split("_")[1] + "_mw"] = value
            elif key in ("heat_pump", "heat_store", "boiler") and base.heat_areas is not None:
                area = next((a for a in data["heat_areas"] if a["electrolyser_heat"]), data["heat_areas"][0])
                area[key] = {"mwh" if key.endswith("store") else "mw": value}
            else:
                data["capacities"][key] = {"mwh" if key.endswith("store") else "mw": value,
                                           **({"hours": base.capacity(key).hours or 2} if key == "battery" else {})}
        result, frame, inputs = _optimise(parse_scenario(data, scenario_ref), hours, start)
        rows.append(_sweep_row(change, result, frame, inputs))
        progress(", ".join(f"{k}={v:g}" for k, v in change.items()))
    return dict(scenario=base.name, demo=base.demo, method="optimisation", hours=rows and inputs.hours,
                variants=len(rows), simulate_s=round(time.perf_counter() - started, 4), results=rows)


SWEEP_FIELDS = ("import_mwh", "export_mwh", "critical_excess_mwh", "self_sufficiency_share", "import_dependence_hours",
                "peak_import_mw", "co2_t", "total_cost_eur", "total_cost_dkk", "hydrogen_produced_t",
                "electrolyser_full_load_hours", "security")
