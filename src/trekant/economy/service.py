"""Use cases of the economy analyses: read from the store, compute with the pure core, report.

Every report carries the indicator (name, unit, source), its demo flag and the window, so a
growth figure is never shown without what it measures and when.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection

from trekant.economy import growth, labels, panel, periods, provinces, repo, series
from trekant.economy.areas import Areas
from trekant.economy.model import INDUSTRY_INDICATOR, IndicatorInfo  # noqa: F401  (re-exported)
from trekant.errors import NotFound
from trekant.region.model import DENMARK
from trekant.settings import Settings
from trekant.store.store import reading  # noqa: F401  (re-exported for economy modules)


def load_areas(conn: Connection) -> Areas:
    groups = {g.key: g for g in repo.read_groups(conn)}
    return Areas(repo.municipality_names(conn), groups, repo.region_key(conn))


def indicator_header(info: IndicatorInfo, language: str, measure: dict | None = None) -> dict:
    header = dict(key=info.key, name=info.name(language), unit=info.unit, source=info.source,
                  licence=info.licence, demo=info.is_demo)
    return header if measure is None else dict(header, measure=measure)


def series_label(conn: Connection, info: IndicatorInfo, language: str) -> dict:
    """What the series counts (residence or workplace basis, seasonal adjustment), from what the
    import stored, else from the StatBank table its source names (series.describe)."""
    stored = repo.read_series_info(conn, info.key)
    known = series.known(info.source)
    basis = stored["basis"] or known.get("basis", "")
    adjusted = stored["seasonally_adjusted"] or known.get("seasonally_adjusted", False)
    return series.describe(info.source, basis, adjusted, language)


def geography_caveats(areas: Areas, shown: list[str], language: str) -> list[str]:
    """A sentence for every province among the areas shown: how far it is from the region."""
    region = areas.groups.get(areas.region)
    if region is None:
        return []
    names = {code: names[0] for code, names in areas.names.items()}
    return [provinces.caveat(areas.groups[a].members, areas.groups[a].name, region.members, region.name, names, language)
            for a in shown if a in areas.groups and areas.groups[a].kind == provinces.KIND]


def values_for(conn: Connection, key: str, areas: Areas, wanted: list[str], **filters) -> pd.DataFrame:
    """Values of the wanted areas; groups (and Denmark, if not stored) summed from their members."""
    additive, _ = repo.read_rule(conn, key)
    groups = {a: areas.members(a) for a in wanted if areas.is_group(a)}
    if DENMARK in wanted:
        groups[DENMARK] = tuple(sorted(areas.names))
    needed = areas.municipalities_needed([a for a in wanted if a != DENMARK]) | set(groups) | set(wanted)
    if DENMARK in wanted:
        needed |= set(areas.names)
    raw = repo.read_values(conn, key, areas=sorted(needed), **filters)
    plain = raw[raw["area"].isin([a for a in wanted if a not in groups])]
    return pd.concat([plain, panel.group_values(raw, groups, additive)], ignore_index=True)


def _window(table: pd.DataFrame, subject: str, start: str | None, end: str | None) -> tuple[str, str]:
    if subject not in table.index:
        raise NotFound(f"no values for {subject} in this indicator")
    have = [p for p in table.columns if pd.notna(table.loc[subject, p])]
    if len(have) < 2 and not (start and end):
        raise NotFound(f"{subject} has fewer than two periods with values")
    first, last = periods.option(start, "--from") or have[0], periods.option(end, "--to") or have[-1]
    for period in (first, last):
        if period not in table.columns or pd.isna(table.loc[subject, period]):
            shown = ", ".join(have) if len(have) <= 15 else f"{have[0]} … {have[-1]}"
            raise NotFound(f"no value for {subject} in {period} (periods with values: {shown})")
    periods.check_window(first, last)
    return first, last


def growth_report(settings: Settings, indicator: str, area: str | None = None, among: str | None = None,
                  start: str | None = None, end: str | None = None, base: str | None = None,
                  breakdown: str = "") -> dict:
    """Growth of an area over a window, its index series (base period = 100), and its rank."""
    language = settings.language
    with reading(settings) as conn:
        info = repo.read_indicator(conn, indicator)
        areas = load_areas(conn)
        subject = areas.resolve(area) if area else areas.region
        among = among or ("metro5" if areas.is_group(subject) else "municipalities")
        compared = areas.comparison(among)
        wanted = list(dict.fromkeys([subject, *compared]))
        table = panel.wide(values_for(conn, indicator, areas, wanted, breakdowns=[breakdown]), breakdown)
        measure = series_label(conn, info, language)
    first, last = _window(table, subject, start, end)
    growths = [growth.growth(a, first, last, table.loc[a, first], table.loc[a, last])
               for a in wanted if a in table.index and pd.notna(table.loc[a, first]) and pd.notna(table.loc[a, last])]
    ranked = growth.rank(growths, {a: areas.label(a) for a in wanted})
    own = next(r for r in ranked if r.growth.area == subject)
    series = {p: (None if pd.isna(v) else float(v)) for p, v in table.loc[subject].items()}
    text = labels.statement("growth", language, indicator=info.name(language), area=areas.label(subject),
                            start=first, end=last, change_pct=labels.pct(own.growth.change_pct, language),
                            cagr_pct=labels.pct(own.growth.cagr_pct, language), rank=own.rank,
                            count=len(ranked), among=labels.comparison(among, language))
    base = periods.option(base, "--base") or first
    return dict(indicator=indicator_header(info, language, measure), demo=info.is_demo, area=subject,
                caveats=geography_caveats(areas, wanted, language),
                area_name=areas.label(subject), breakdown=breakdown, start_period=first, end_period=last,
                among=among, growth=own.growth.to_dict(), rank=own.rank, compared=len(ranked), index_base=base,
                index=_index({p: v for p, v in series.items() if v is not None}, base),
                ranking=[r.to_dict() for r in ranked], statement=text)


def _index(series: dict[str, float], base: str) -> dict[str, float | None]:
    try:
        return growth.index(series, base)
    except ValueError as exc:
        raise NotFound(str(exc)) from None


def list_indicators(settings: Settings) -> list[dict]:
    language = settings.language
    with reading(settings) as conn:
        infos = repo.read_indicators(conn)
        summary = repo.indicator_summaries(conn)
        rules = {i.key: repo.read_rule(conn, i.key) for i in infos}
        measures = {i.key: series_label(conn, i, language) for i in infos}
    return [dict(indicator_header(i, language, measures[i.key]), frequency=i.frequency, additive=rules[i.key][0],
                 classification=rules[i.key][1], values=summary.get(i.key, {}).get("values", 0),
                 first=summary.get(i.key, {}).get("first"), last=summary.get(i.key, {}).get("last"),
                 breakdowns=summary.get(i.key, {}).get("breakdowns", 0))
            for i in infos]
