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
from trekant.energy.model import REGION, FactorTable, Target
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
        names = {m.code: m.name for m in region_repo.read_region_municipalities(conn)}
    population, periods = nearest_population(series, area.members, year)
    summary = accounts_core.summarise(lines, population)
    by_municipality = []
    if area.code == REGION:
        for code in area.members:
            own = [line for line in lines if line.municipality_code == code]
            pop, _ = nearest_population(series, (code,), year)
            total = sum(line.co2e_t for line in own)
            by_municipality.append(dict(code=code, name=names.get(code, code), total_co2e_t=round(total, 1),
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
    return dict(table=table.label, basis=table.description, factors=[asdict(f) for f in table.factors])


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


def heat_areas() -> dict:
    """The heat areas as supplied (data/heat_areas.yaml): supply shares with sources, the factor that follows."""
    from trekant.energy.core.heat_areas import describe
    from trekant.energy.io.heat_areas import HEAT_AREAS_FILE, read_heat_areas

    areas, factors = read_heat_areas()
    return dict(file=HEAT_AREAS_FILE.name, areas=[describe(a, factors) for a in areas],
                source_factors_kg_per_mwh={k: dict(value=f.value_kg_per_mwh, source=f.source, illustrative=f.illustrative)
                                           for k, f in factors.items()})


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
    political_targets = _political_targets()
    political_total: dict[int, float] | None = dict.fromkeys(years, 0.0)
    for code in area.members:
        own = [t for t in targets if t.municipality_code == code]
        base = _base_emissions(own, per_code[code][0], code)
        path = core.target_path(own, base, years)
        for y in years:
            target_total[y] += path[y]
        if political_total is not None and own[0].base_year == POLITICAL_BASE_YEAR:
            political = core.target_path([Target(code, own[0].base_year, base, p.year, p.reduction_pct)
                                          for p in political_targets], base, years)
            for y in years:
                political_total[y] += political[y]
        else:
            political_total = None  # a municipality counts from another base year: the national set does not apply
    projected = core.projected_path(latest, actual[latest], measures, years)
    gaps = core.gap(projected, target_total)
    political_gaps = core.gap(projected, political_total) if political_total else {}
    demo = any(d for _, d in per_code.values()) or any(t.is_demo for t in targets) or any(m.is_demo for m in measures)
    rows = [dict(year=y, actual_co2e_t=round(actual[y], 1) if y in actual else None, target_co2e_t=round(target_total[y], 1),
                 projected_co2e_t=round(projected[y], 1), gap_co2e_t=round(gaps[y], 1),
                 political_target_co2e_t=round(political_total[y], 1) if political_total else None,
                 political_gap_co2e_t=round(political_gaps[y], 1) if political_total else None) for y in years]
    history = [dict(year=y, actual_co2e_t=round(actual[y], 1)) for y in sorted(actual) if y < latest]
    return dict(area=area.code, name=area.name, factor_table=table.label, demo=demo, latest_account_year=latest,
                targets=[asdict(t) for t in targets], history=history, years=rows,
                mac_curve=core.mac_curve(measures),
                first_year_on_target=next((r["year"] for r in rows if r["gap_co2e_t"] <= 0), None),
                first_year_on_political_target=next((r["year"] for r in rows if political_total and r["political_gap_co2e_t"] <= 0), None),
                target_sets=[dict(key="law", name="Klimaloven (the Climate Act, law): −70 % in 2030 and climate neutrality "
                                                 "by 2050 at the latest, against 1990; or the municipality's own imported targets",
                                  targets=[asdict(t) for t in targets]),
                             dict(key="political", name="Newer political targets (not law): government platform 2022 and "
                                                       "the bill to amend the Climate Act",
                                  applies=political_total is not None, base_year=POLITICAL_BASE_YEAR,
                                  targets=[asdict(p) for p in political_targets])])


POLITICAL_BASE_YEAR = 1990


def _political_targets():
    from trekant.energy.io.targets import POLITICAL_TARGETS, read_political_targets

    targets, issues = read_political_targets()
    if has_errors(issues):
        raise InputError.from_issues(str(POLITICAL_TARGETS), issues)
    return targets
