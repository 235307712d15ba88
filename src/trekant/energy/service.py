"""Use cases of the energy domain: accounts, imports, pathways, energy-system runs and sweeps.

Each write runs in one transaction (all or nothing); each read names the factor table it used.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.engine import Connection

from trekant.energy import repo
from trekant.energy.core import accounts as accounts_core
from trekant.energy.core.population import nearest_population
from trekant.energy.io.activity import read_activity
from trekant.energy.io.factors import read_factor_table
from trekant.energy.io.targets import read_measures, read_targets
from trekant.energy.model import REGION, FactorTable
from trekant.errors import InputError, Issue, NotFound, has_errors
from trekant.region import repo as region_repo
from trekant.settings import Settings
from trekant.store.audit import write_audit
from trekant.store.store import reading, writing


@dataclass(frozen=True)
class Area:
    """What a figure is about: one municipality or the whole region (its member codes)."""

    code: str
    name: str
    members: tuple[str, ...]


def resolve_area(conn: Connection, municipality: str | None) -> Area:
    members = region_repo.read_region_municipalities(conn)
    if municipality is None:
        meta = region_repo.read_meta(conn)
        return Area(REGION, meta.get("region_name", REGION), tuple(m.code for m in members))
    code = municipality.strip().zfill(4) if municipality.strip().isdigit() else municipality.strip()
    match = [m for m in members if m.code == code or m.name.lower() == municipality.strip().lower()]
    if not match:
        known = ", ".join(f"{m.code} {m.name}" for m in members)
        raise NotFound(f"municipality {municipality!r} is not in the region ({known})")
    return Area(match[0].code, match[0].name, (match[0].code,))


def population_keys(conn: Connection) -> list[str]:
    return json.loads(region_repo.read_meta(conn).get("population_indicators", '["population"]'))


def factor_table(conn: Connection, spec: str | None) -> FactorTable:
    name, _, version = (spec or "").partition("@")
    if spec is not None and not name.strip():
        raise NotFound(f"factor table {spec!r}: give NAME or NAME@VERSION (see `trekant energy factors list`)")
    table = repo.read_factor_table(conn, name or None, version or None)
    if table is None:
        wanted = f"factor table {spec!r}" if spec else "an active factor table"
        raise NotFound(f"the store has no {wanted}; see `trekant energy factors list` or import one "
                       "with `trekant energy factors import FILE`")
    return table


def _lines(conn: Connection, area: Area, table: FactorTable, year: int | None = None):
    activities = repo.read_activity(conn, area.members, year)
    lines, issues = accounts_core.emission_lines(activities, table)
    if has_errors(issues):
        raise InputError.from_issues(table.label, issues)
    return lines


def accounts(settings: Settings, municipality: str | None = None, year: int | None = None,
             factors: str | None = None) -> dict:
    """Emissions by sector and carrier, total and per resident, for a municipality or the region."""
    with reading(settings) as conn:
        area = resolve_area(conn, municipality)
        table = factor_table(conn, factors)
        years = repo.activity_years(conn)
        if not years:
            raise NotFound("the store has no activity data; import it with `trekant energy activity import FILE`")
        year = year or years[-1]
        if year not in years:
            raise NotFound(f"no activity data for {year} (years held: {', '.join(map(str, years))})")
        lines = _lines(conn, area, table, year)
        series = repo.population_series(conn, area.members, population_keys(conn))
    population, periods = nearest_population(series, area.members, year)
    summary = accounts_core.summarise(lines, population)
    by_municipality = []
    if area.code == REGION:
        for code in area.members:
            own = [line for line in lines if line.municipality_code == code]
            pop, _ = nearest_population(series, (code,), year)
            total = sum(line.co2e_t for line in own)
            by_municipality.append(dict(code=code, total_co2e_t=round(total, 1),
                                        co2e_per_resident_t=round(total / pop, 2) if pop else None,
                                        by_sector_co2e_t=accounts_core.summarise(own, pop)["by_sector_co2e_t"]))
    return dict(area=area.code, name=area.name, year=year, factor_table=table.label, factor_basis=table.description,
                demo=summary["is_demo"],
                population_periods=periods, **{k: v for k, v in summary.items() if k != "is_demo"},
                by_municipality=by_municipality, factors_used=accounts_core.factors_used(lines))


def emissions_by_year(conn: Connection, area: Area, table: FactorTable) -> tuple[dict[int, float], bool]:
    """Total t CO2e per account year for the area, and whether any of it is demo data."""
    lines = _lines(conn, area, table)
    return accounts_core.totals_by_year(lines), any(line.is_demo for line in lines)


def _known_codes(conn: Connection) -> set[str]:
    return {m.code for m in region_repo.read_all_municipalities(conn)}


def _import(settings: Settings, path: Path, read: Callable, write: Callable, entity: str) -> dict:
    with writing(settings) as conn:
        items, issues = read(path, _known_codes(conn))
        if has_errors(issues):
            raise InputError.from_issues(str(path), issues)
        write(conn, items)
        write_audit(conn, settings.actor, "import", entity, path.name, dict(rows=len(items)))
    return dict(file=str(path), rows=len(items), warnings=[i.line() for i in issues])


def import_activity(settings: Settings, path: Path) -> dict:
    return _import(settings, path, read_activity, repo.replace_activity, "energy_activity")


def import_targets(settings: Settings, path: Path) -> dict:
    return _import(settings, path, read_targets, repo.replace_targets, "energy_target")


def import_measures(settings: Settings, path: Path) -> dict:
    return _import(settings, path, read_measures, repo.replace_measures, "energy_measure")


def import_factors(settings: Settings, path: Path, activate: bool = True) -> dict:
    table, issues = read_factor_table(path)
    if has_errors(issues) or table is None:
        raise InputError.from_issues(str(path), issues)
    with writing(settings) as conn:
        held = repo.read_factor_table(conn, table.name, table.version)
        if held is not None and set(held.factors) != set(table.factors):
            raise InputError(str(path), "version", f"the store already holds {table.label} with other factors; "
                                                   "give the new table its own version, so every figure names the "
                                                   "factors it was computed with")
        repo.write_factor_table(conn, table, path.name, activate)
        write_audit(conn, settings.actor, "import", "energy_factor_table", table.label,
                                dict(factors=len(table.factors), active=activate))
    return dict(table=table.label, factors=len(table.factors), active=activate)


def list_factor_tables(settings: Settings) -> list[dict]:
    with reading(settings) as conn:
        return repo.list_factor_tables(conn)


def show_factor_table(settings: Settings, spec: str | None = None) -> dict:
    with reading(settings) as conn:
        table = factor_table(conn, spec)
    return dict(table=table.label, factors=[asdict(f) for f in table.factors])


def emission_series(spec: str | None = None) -> dict:
    """The hourly grid-emission series (shipped DK1 declaration or a file): unit, method, yearly and monthly means."""
    from trekant.energy.io.emission_series import BUILTIN, load_series

    series = load_series(spec or BUILTIN)
    means = series.yearly_means()
    return dict(series=series.source, price_area=series.price_area, method=series.method, gas=series.gas,
                unit=series.unit, hours=len(series.index), first_hour_utc=str(series.index[0]),
                last_hour_utc=str(series.index[-1]),
                yearly_means=[dict(year=y, mean_g_per_kwh=round(v, 1), monthly_g_per_kwh={m: round(x, 1) for m, x in
                                                                                          series.monthly_means(y).items()})
                              for y, v in means.items()])


def hourly_account(path: Path, series_spec: str | None = None) -> dict:
    """Emissions of an hourly electricity consumption charged hour by hour, against the yearly mean."""
    from trekant.energy.core.emission_series import hourly_account as account
    from trekant.energy.io.emission_series import BUILTIN, load_series, read_consumption

    series = load_series(series_spec or BUILTIN)
    consumption = read_consumption(path)
    try:
        result = account(consumption, series)
    except KeyError as exc:
        raise InputError(str(path), reason=str(exc.args[0])) from None
    return dict(file=str(path), **result)


PATHWAY_END_YEAR = 2050


def _base_emissions(targets, actual: dict[int, float], code: str) -> float:
    stated = {t.base_co2e_t for t in targets if t.base_co2e_t is not None}
    if stated:
        return stated.pop()
    base_year = targets[0].base_year
    if base_year in actual:
        return actual[base_year]
    raise NotFound(f"municipality {code}: no base-year ({base_year}) emissions; give base_co2e_t in the targets "
                   f"or import activity data for {base_year}")


def pathway(settings: Settings, municipality: str | None = None, factors: str | None = None) -> dict:
    """Target path, projected path with the measures, the gap per year, and the MAC curve."""
    from trekant.energy.core import pathway as core

    with reading(settings) as conn:
        area = resolve_area(conn, municipality)
        table = factor_table(conn, factors)
        targets = repo.read_targets(conn, area.members)
        measures = repo.read_measures(conn, area.members)
        per_code = {code: emissions_by_year(conn, Area(code, code, (code,)), table) for code in area.members}
    missing = sorted({c for c in area.members} - {t.municipality_code for t in targets})
    if missing:
        raise NotFound(f"no targets for municipality {', '.join(missing)}; import them with `trekant energy targets import FILE`")
    actual: dict[int, float] = {}
    for years, _ in per_code.values():
        for y, v in years.items():
            actual[y] = actual.get(y, 0.0) + v
    account_years = [y for y in actual if all(y in per_code[c][0] for c in area.members)]
    if not account_years:
        raise NotFound("no account year holds activity data for every municipality of the area")
    latest = max(account_years)
    end = max(PATHWAY_END_YEAR, *(t.target_year for t in targets))
    years = list(range(latest, end + 1))
    target_total = dict.fromkeys(years, 0.0)
    for code in area.members:
        own = [t for t in targets if t.municipality_code == code]
        path = core.target_path(own, _base_emissions(own, per_code[code][0], code), years)
        for y in years:
            target_total[y] += path[y]
    projected = core.projected_path(latest, actual[latest], measures, years)
    gaps = core.gap(projected, target_total)
    demo = any(d for _, d in per_code.values()) or any(t.is_demo for t in targets) or any(m.is_demo for m in measures)
    rows = [dict(year=y, actual_co2e_t=round(actual[y], 1) if y in actual else None, target_co2e_t=round(target_total[y], 1),
                 projected_co2e_t=round(projected[y], 1), gap_co2e_t=round(gaps[y], 1)) for y in years]
    history = [dict(year=y, actual_co2e_t=round(actual[y], 1)) for y in sorted(actual) if y < latest]
    return dict(area=area.code, name=area.name, factor_table=table.label, demo=demo, latest_account_year=latest,
                targets=[asdict(t) for t in targets], history=history, years=rows,
                mac_curve=core.mac_curve(measures),
                first_year_on_target=next((r["year"] for r in rows if r["gap_co2e_t"] <= 0), None))


# ---- the hourly energy system -------------------------------------------------------------------

def scenarios() -> list[dict]:
    """The shipped scenarios: name, title, demo flag and whether any capacity is optimised."""
    from trekant.energy.io.scenario import load_scenario, shipped_scenarios

    return [dict(name=name, title=s.title, demo=s.demo, optimised=list(s.extendable()))
            for name, s in ((n, load_scenario(n)) for n in shipped_scenarios())]


def _system_inputs(scenario_ref: str, hours: int | None, start: int):
    from trekant.energy.core.inputs import build_inputs
    from trekant.energy.io.costs import read_costs
    from trekant.energy.io.profiles import heat_shape, load_profiles
    from trekant.energy.io.scenario import load_scenario

    scenario = load_scenario(scenario_ref)
    profiles = load_profiles(scenario.profiles)
    shape = heat_shape(scenario.demand.district_heat_profile, profiles.hours, profiles.index)
    return build_inputs(scenario, profiles, read_costs(), start, hours, shape)


def model_run(scenario_ref: str, hours: int | None = None, start: int = 0, export: Path | None = None) -> dict:
    """Optimise the scenario with PyPSA + HiGHS and report EnergyPLAN-style results."""
    from trekant.energy.core import network, outputs
    from trekant.energy.io.export import check_target, write_hourly

    if export:
        check_target(export)
    inputs = _system_inputs(scenario_ref, hours, start)
    try:
        solved = network.solve(inputs)
    except network.SolverFailed as exc:
        raise InputError(scenario_ref, reason=f"the model could not be solved: {exc}") from None
    frame = network.dispatch_frame(solved.network, inputs)
    outputs.check_shortfall(frame, inputs.scenario.name)
    result = outputs.summarise(frame, inputs, network.optimised_capacities(solved.network, inputs), "optimisation")
    result["timing_s"] = dict(build=round(solved.build_s, 3), solve=round(solved.solve_s, 3),
                              build_share_of_solve=round(solved.build_s / solved.solve_s, 3) if solved.solve_s else None)
    if export:
        result["exported"] = write_hourly(frame, export)
    return result


def model_simulate(scenario_ref: str, hours: int | None = None, start: int = 0, export: Path | None = None) -> dict:
    """The rule-based simulation of the same scenario (fixed capacities only)."""
    from trekant.energy.core import outputs, simulate
    from trekant.energy.io.export import check_target, write_hourly

    if export:
        check_target(export)
    inputs = _system_inputs(scenario_ref, hours, start)
    _require_fixed(inputs.scenario, scenario_ref)
    variant = simulate.variants_from_scenario(inputs)[0]
    frame = simulate.frame_of(simulate.simulate(inputs, [variant]), inputs, 0)
    outputs.check_shortfall(frame, inputs.scenario.name)
    result = outputs.summarise(frame, inputs, variant.sizes, "simulation")
    if export:
        result["exported"] = write_hourly(frame, export)
    return result


def _require_fixed(scenario, ref: str) -> None:
    extendable = scenario.extendable()
    if extendable:
        raise InputError(ref, "capacities", f"simulation needs fixed capacities; optimised: {', '.join(extendable)} "
                                            "(give mw/mwh, or use `trekant energy model run`)")


SWEEP_KEYS = {"onshore_wind_mw": "onshore_wind", "offshore_wind_mw": "offshore_wind", "solar_mw": "solar",
              "electrolyser_mw": "electrolyser", "h2_store_mwh": "h2_store", "battery_mw": "battery",
              "heat_pump_mw": "heat_pump", "heat_store_mwh": "heat_store", "boiler_mw": "boiler",
              "h2_backup_mw": "h2_backup", "grid_import_mw": "grid_import", "grid_export_mw": "grid_export"}


def parse_vary(specs: Sequence[str]) -> list[dict[str, float]]:
    """['electrolyser_mw=20,300', 'battery_mw=0,50'] → the cartesian product as capacity overrides."""
    import itertools

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


def sweep(scenario_ref: str, vary: Sequence[str], hours: int | None = None, start: int = 0) -> dict:
    """Simulate every combination of the varied capacities at once (vectorised over scenarios)."""
    import time

    from trekant.energy.core import outputs, simulate

    inputs = _system_inputs(scenario_ref, hours, start)
    _require_fixed(inputs.scenario, scenario_ref)
    overrides = parse_vary(vary)
    variants = simulate.variants_from_scenario(inputs, overrides)
    started = time.perf_counter()
    flows = simulate.simulate(inputs, variants)
    elapsed = time.perf_counter() - started
    rows = []
    for i, (change, variant) in enumerate(zip(overrides, variants)):
        frame = simulate.frame_of(flows, inputs, i)
        summary = outputs.summarise(frame, inputs, variant.sizes, "simulation")
        shortfall = {bus: round(float(frame[f"shortfall_{bus}"].sum()), 1) for bus in ("electricity", "hydrogen", "district_heat")}
        rows.append(dict(vary=change, shortfall_mwh=shortfall, **{k: summary[k] for k in SWEEP_FIELDS}))
    return dict(scenario=inputs.scenario.name, demo=inputs.scenario.demo, method="simulation", hours=inputs.hours,
                variants=len(rows), simulate_s=round(elapsed, 4), results=rows)


WEEK_HOURS = 168
WEEKS = 52
# What the hourly page draws: the electricity balance in a chosen week, the other carriers beside it.
HOURLY_COLUMNS = ("electricity_demand", "onshore_wind", "offshore_wind", "solar", "grid_import", "grid_export",
                  "electrolyser_el", "heat_pump_el", "battery_charge", "battery_discharge", "electrolyser_h2",
                  "hydrogen_demand", "district_heat_demand", "heat_pump_heat", "boiler", "price")
DURATION_COLUMNS = ("grid_import", "grid_export", "electrolyser_el", "heat_pump_el", "residual_load")
DURATION_POINTS = 200


def duration_curve(values, points: int = DURATION_POINTS) -> dict:
    """Values sorted from the highest down, sampled at `points` evenly spaced ranks: the share of
    hours (0–1) for which the value is at least y."""
    import numpy as np

    ordered = np.sort(np.asarray(values, dtype=float))[::-1]
    if not len(ordered):
        return dict(hours_share=[], values=[])
    ranks = np.unique(np.linspace(0, len(ordered) - 1, min(points, len(ordered))).round().astype(int))
    return dict(hours_share=[round(float(r / max(1, len(ordered) - 1)), 4) for r in ranks],
                values=[round(float(ordered[r]), 2) for r in ranks])


def hourly_results(scenario_ref: str, week: int = 1) -> dict:
    """One scenario hour by hour for a chosen week (1–52) and its duration curves.

    Fixed capacities are simulated for the whole profile year (the duration curves cover every
    hour); a scenario with capacities to optimise is optimised for the chosen week only (PyPSA +
    HiGHS, seconds instead of a minute), and its duration curves cover that week."""
    from trekant.energy.core import network, outputs, simulate

    if not 1 <= week <= WEEKS:
        raise InputError("week", "week", f"week {week} is not 1–{WEEKS}")
    from trekant.energy.io.scenario import load_scenario

    start = (week - 1) * WEEK_HOURS
    if load_scenario(scenario_ref).extendable():
        inputs = _system_inputs(scenario_ref, WEEK_HOURS, start)
        try:
            solved = network.solve(inputs)
        except network.SolverFailed as exc:
            raise InputError(scenario_ref, reason=f"the model could not be solved: {exc}") from None
        frame, capacities, method = (network.dispatch_frame(solved.network, inputs),
                                     network.optimised_capacities(solved.network, inputs), "optimisation")
        window = frame
    else:
        inputs = _system_inputs(scenario_ref, None, 0)
        variant = simulate.variants_from_scenario(inputs)[0]
        frame = simulate.frame_of(simulate.simulate(inputs, [variant]), inputs, 0)
        capacities, method = variant.sizes, "simulation"
        window = frame.iloc[start:start + WEEK_HOURS]
    outputs.check_shortfall(frame, inputs.scenario.name)
    summary = outputs.summarise(frame, inputs, capacities, method)
    residual = frame["electricity_demand"] - frame[["onshore_wind", "offshore_wind", "solar"]].sum(axis=1)
    curves = {c: duration_curve(residual if c == "residual_load" else frame[c]) for c in DURATION_COLUMNS}
    return dict(summary, week=week, week_start=str(window.index[0]), duration_hours=len(frame),
                hourly=dict(time=[t.isoformat() for t in window.index],
                            **{c: [round(float(v), 2) for v in window[c]] for c in HOURLY_COLUMNS}),
                duration_curves=curves)


SWEEP_FIELDS = ("import_mwh", "export_mwh", "critical_excess_mwh", "self_sufficiency_share", "import_dependence_hours",
                "peak_import_mw", "co2_t", "total_cost_eur", "total_cost_dkk", "hydrogen_produced_t",
                "electrolyser_full_load_hours")
