"""Use cases of the economy analyses: read from the store, compute with the pure core, report.

Every report carries the indicator (name, unit, source), its demo flag and the window, so a
growth figure is never shown without what it measures and when.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd
import yaml
from sqlalchemy.engine import Connection

from trekant.economy import claim, growth, labels, panel, periods, repo
from trekant.economy.areas import Areas
from trekant.economy.model import INDUSTRY_INDICATOR, IndicatorInfo  # noqa: F401  (re-exported)
from trekant.errors import NotFound
from trekant.region.model import DENMARK
from trekant.settings import Settings
from trekant.store.store import reading  # noqa: F401  (re-exported for economy modules)


def load_areas(conn: Connection) -> Areas:
    groups = {g.key: g for g in repo.read_groups(conn)}
    return Areas(repo.municipality_names(conn), groups, repo.region_key(conn))


def indicator_header(info: IndicatorInfo, language: str) -> dict:
    return dict(key=info.key, name=info.name(language), unit=info.unit, source=info.source,
                licence=info.licence, demo=info.is_demo)


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
    return dict(indicator=indicator_header(info, language), demo=info.is_demo, area=subject,
                area_name=areas.label(subject), breakdown=breakdown, start_period=first, end_period=last,
                among=among, growth=own.growth.to_dict(), rank=own.rank, compared=len(ranked), index_base=base,
                index=_index({p: v for p, v in series.items() if v is not None}, base),
                ranking=[r.to_dict() for r in ranked], statement=text)


def _index(series: dict[str, float], base: str) -> dict[str, float | None]:
    try:
        return growth.index(series, base)
    except ValueError as exc:
        raise NotFound(str(exc)) from None


def _published_claims(subject: str) -> list[dict]:
    path = Path(str(resources.files("trekant.economy") / "data" / "published_claims.yaml"))
    claims = yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
    return [c for c in claims if c["region"] == subject]


def _check_published(conn: Connection, areas: Areas, entry: dict, language: str) -> dict:
    result = dict(indicator=entry["indicator"], start_period=entry["start"], end_period=entry["end"],
                  published_growth_pct=entry["growth_pct"], peers=entry["peers"],
                  text=entry["text_en" if language == "en" else "text_da"], source=entry["source"])
    try:
        repo.read_indicator(conn, entry["indicator"])
    except NotFound:
        return dict(result, checkable=False,
                    verdict=labels.statement("unchecked", language, indicator=entry["indicator"]))
    wanted = list(dict.fromkeys([entry["region"], *areas.comparison(entry["peers"])]))
    table = panel.wide(values_for(conn, entry["indicator"], areas, wanted))
    start, end = entry["start"], entry["end"]
    if start not in table.columns or end not in table.columns:
        return dict(result, checkable=False, verdict=f"no values for {start} and {end} in {entry['indicator']}")
    growths = [growth.growth(a, start, end, table.loc[a, start], table.loc[a, end]) for a in table.index
               if pd.notna(table.loc[a, start]) and pd.notna(table.loc[a, end])]
    ranked = growth.rank(growths, {a: areas.label(a) for a in wanted})
    own = next((r for r in ranked if r.growth.area == entry["region"]), None)
    verdict = labels.statement("window_holds", language, start=start, end=end, area=areas.label(entry["region"]),
                               rank=own.rank if own else "–", count=len(ranked),
                               growth=labels.pct(own.growth.change_pct if own else None, language))
    return dict(result, checkable=True, rank=own.rank if own else None, holds=bool(own and own.rank == 1),
                ranking=[r.to_dict() for r in ranked], verdict=verdict)


def claim_report(settings: Settings, indicator: str, group: str | None = None, peers: str = "metro5",
                 same_season: bool = False, breakdown: str = "") -> dict:
    """Scan every window: where does the group grow fastest among its peers, and by how much?"""
    language = settings.language
    with reading(settings) as conn:
        info = repo.read_indicator(conn, indicator)
        areas = load_areas(conn)
        subject = areas.resolve(group) if group else areas.region
        wanted = list(dict.fromkeys([subject, *areas.comparison(peers)]))
        table = panel.wide(values_for(conn, indicator, areas, wanted, breakdowns=[breakdown]), breakdown)
        published = [_check_published(conn, areas, e, language) for e in _published_claims(subject)]
    if subject not in table.index:
        raise NotFound(f"no values of {indicator} for {areas.label(subject)}")
    result = claim.check(table.reindex([a for a in wanted if a in table.index]), subject, same_season)
    longest = result.longest
    values = dict(area=areas.label(subject), indicator=info.name(language), among=labels.comparison(peers, language),
                  scanned=result.windows_scanned, first=len(result.first))
    if longest:
        text = labels.statement("claim_some", language, start=longest.start_period, end=longest.end_period,
                                growth=labels.pct(longest.growth_pct, language),
                                runner_up=labels.pct(longest.runner_up_growth_pct, language),
                                runner=areas.label(longest.runner_up), **values)
    else:
        text = labels.statement("claim_none", language, **values)
    report = result.to_dict()
    report["competitors"] = [dict(area=a, name=areas.label(a)) for a in result.competitors]
    return dict(indicator=indicator_header(info, language), demo=info.is_demo, area=subject,
                area_name=areas.label(subject), peers=peers, same_season=same_season, breakdown=breakdown, **report,
                statement=text, published_claims=published)


def list_indicators(settings: Settings) -> list[dict]:
    language = settings.language
    with reading(settings) as conn:
        infos = repo.read_indicators(conn)
        summary = repo.indicator_summaries(conn)
        rules = {i.key: repo.read_rule(conn, i.key) for i in infos}
    return [dict(indicator_header(i, language), frequency=i.frequency, additive=rules[i.key][0],
                 classification=rules[i.key][1], values=summary.get(i.key, {}).get("values", 0),
                 first=summary.get(i.key, {}).get("first"), last=summary.get(i.key, {}).get("last"),
                 breakdowns=summary.get(i.key, {}).get("breakdowns", 0))
            for i in infos]
