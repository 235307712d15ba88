"""Use cases for an overview: the region's key figures against Denmark, and indicators over time.

The key figures are the region's latest population and full-time employees, and their growth
over the last `years` years against Denmark's over the same window (same season: 2020Q3 →
2025Q3, never Q3 → Q4, so a seasonal swing is not read as growth).
"""

from __future__ import annotations

import json

import pandas as pd

from trekant.economy import growth, panel, periods, repo
from trekant.economy.service import indicator_header, load_areas, values_for
from trekant.errors import NotFound
from trekant.region import repo as region_repo
from trekant.region.model import DENMARK
from trekant.settings import Settings
from trekant.store.store import reading

JOBS_INDICATOR = "fulltime_employees"
KEY_FIGURE_YEARS = 5


def window_start(have: list[str], last: str, years: int) -> str | None:
    """The period of the same season as `last` that lies `years` years before it, or the earliest
    same-season period after that when the series is shorter; None when there is none."""
    same = [p for p in have if periods.season(p) == periods.season(last) and p != last
            and periods.years_between(p, last) <= years]
    return min(same, key=periods.position_years) if same else None


def _figure(conn, key: str, areas, years: int, language: str) -> dict | None:
    try:
        info = repo.read_indicator(conn, key)
    except NotFound:
        return None
    table = panel.wide(values_for(conn, key, areas, [areas.region, DENMARK]))
    if areas.region not in table.index:
        return None
    have = [p for p in table.columns if pd.notna(table.loc[areas.region, p])]
    if not have:
        return None
    last = have[-1]
    first = window_start(have, last, years)
    out = dict(indicator=indicator_header(info, language), demo=info.is_demo, period=last,
               value=float(table.loc[areas.region, last]), start_period=first, region=None, denmark=None,
               difference_pp=None)
    for name, area in (("region", areas.region), ("denmark", DENMARK)):
        if first and area in table.index and pd.notna(table.loc[area, first]) and pd.notna(table.loc[area, last]):
            out[name] = growth.growth(area, first, last, table.loc[area, first], table.loc[area, last]).to_dict()
    if out["region"] and out["denmark"] and None not in (out["region"]["change_pct"], out["denmark"]["change_pct"]):
        out["difference_pp"] = round(out["region"]["change_pct"] - out["denmark"]["change_pct"], 6)
    return out


def key_figures(settings: Settings, years: int = KEY_FIGURE_YEARS) -> dict:
    """Population and full-time employees of the region now, and their growth against Denmark's."""
    language = settings.language
    with reading(settings) as conn:
        areas = load_areas(conn)
        population_keys = json.loads(region_repo.read_meta(conn).get("population_indicators", '["population"]'))
        population = next((f for f in (_figure(conn, k, areas, years, language) for k in population_keys) if f), None)
        jobs = _figure(conn, JOBS_INDICATOR, areas, years, language)
    return dict(region=areas.region, region_name=areas.label(areas.region), years=years,
                population=population, jobs=jobs)


def default_series_areas(areas) -> list[str]:
    """The region's municipalities, the region, its peers and Denmark."""
    members = list(areas.members(areas.region)) if areas.is_group(areas.region) else []
    return list(dict.fromkeys([*members, *areas.peer_set(), DENMARK]))


def series_report(settings: Settings, indicator: str, areas_text: str | None = None, breakdown: str = "") -> dict:
    """An indicator over time for several areas (default: the municipalities, the region, its peers
    and Denmark), as values and as an index (= 100 in the first period where every area has a value)."""
    language = settings.language
    with reading(settings) as conn:
        info = repo.read_indicator(conn, indicator)
        areas = load_areas(conn)
        wanted = areas.comparison(areas_text) if areas_text else default_series_areas(areas)
        wanted = list(dict.fromkeys(wanted))
        table = panel.wide(values_for(conn, indicator, areas, wanted, breakdowns=[breakdown]), breakdown)
    present = [a for a in wanted if a in table.index]
    if not present:
        raise NotFound(f"no values of {indicator} for {', '.join(wanted)}")
    table = table.reindex(present)
    complete = [p for p in table.columns if table[p].notna().all()]
    base = complete[0] if complete else None
    rows = []
    for area in present:
        series = {p: (None if pd.isna(v) else float(v)) for p, v in table.loc[area].items()}
        kind = ("denmark" if area == DENMARK else "region" if area == areas.region
                else "peer" if areas.is_group(area) else "municipality")
        rows.append(dict(area=area, name=areas.label(area), kind=kind, values=list(series.values()),
                         index=list(growth.index(series, base).values()) if base else None))
    return dict(indicator=indicator_header(info, language), demo=info.is_demo, breakdown=breakdown,
                periods=list(table.columns), index_base=base, areas=rows)
