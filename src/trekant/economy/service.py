"""Use cases of the economy analyses: read from the store, compute with the pure core, report.

Every report carries the indicator (name, unit, source), its demo flag and the window, so a
growth figure is never shown without what it measures and when.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml
from sqlalchemy.engine import Connection

from trekant.economy import breakdown, claim, growth, industries, labels, location, panel, periods, repo, shiftshare
from trekant.economy import strengths as strength_config
from trekant.economy.areas import Areas
from trekant.economy.model import IndicatorInfo
from trekant.errors import InputError, NotFound
from trekant.region.model import DENMARK
from trekant.settings import Settings
from trekant.store.store import Store

INDUSTRY_INDICATOR = "employment_by_industry"


@contextmanager
def reading(settings: Settings) -> Iterator[Connection]:
    store = Store.from_settings(settings).require()
    try:
        with store.connect() as conn:
            yield conn
    finally:
        store.dispose()


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
    first, last = periods.normalise(start) if start else have[0], periods.normalise(end) if end else have[-1]
    for period in (first, last):
        if period not in table.columns or pd.isna(table.loc[subject, period]):
            raise NotFound(f"no value for {subject} in {period} (periods with values: {have[0]} … {have[-1]})")
    if periods.position_years(last) <= periods.position_years(first):
        raise InputError("window", reason=f"the end {last} must come after the start {first}")
    return first, last


def growth_report(settings: Settings, indicator: str, area: str | None = None, among: str | None = None,
                  start: str | None = None, end: str | None = None) -> dict:
    """Growth of an area over a window, its index series, and its rank in a comparison set."""
    language = settings.language
    with reading(settings) as conn:
        info = repo.read_indicator(conn, indicator)
        areas = load_areas(conn)
        subject = areas.resolve(area) if area else areas.region
        among = among or ("metro5" if areas.is_group(subject) else "municipalities")
        compared = areas.comparison(among)
        wanted = list(dict.fromkeys([subject, *compared]))
        table = panel.wide(values_for(conn, indicator, areas, wanted))
    first, last = _window(table, subject, start, end)
    growths = [growth.growth(a, first, last, table.loc[a, first], table.loc[a, last])
               for a in wanted if a in table.index and pd.notna(table.loc[a, first]) and pd.notna(table.loc[a, last])]
    ranked = growth.rank(growths, {a: areas.label(a) for a in wanted})
    own = next(r for r in ranked if r.growth.area == subject)
    series = {p: (None if pd.isna(v) else float(v)) for p, v in table.loc[subject].items()}
    text = labels.statement("growth", language, indicator=info.name(language), area=areas.label(subject),
                            start=first, end=last, change_pct=labels.pct(own.growth.change_pct, language),
                            cagr_pct=labels.pct(own.growth.cagr_pct, language), rank=own.rank,
                            count=len(ranked), among=among)
    return dict(indicator=indicator_header(info, language), demo=info.is_demo, area=subject,
                area_name=areas.label(subject), start_period=first, end_period=last, among=among,
                growth=own.growth.to_dict(), rank=own.rank, compared=len(ranked),
                index=growth.index({p: v for p, v in series.items() if v is not None}, first),
                ranking=[r.to_dict() for r in ranked], statement=text)


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
                 same_season: bool = False) -> dict:
    """Scan every window: where does the group grow fastest among its peers, and by how much?"""
    language = settings.language
    with reading(settings) as conn:
        info = repo.read_indicator(conn, indicator)
        areas = load_areas(conn)
        subject = areas.resolve(group) if group else areas.region
        wanted = list(dict.fromkeys([subject, *areas.comparison(peers)]))
        table = panel.wide(values_for(conn, indicator, areas, wanted))
        published = [_check_published(conn, areas, e, language) for e in _published_claims(subject)]
    if subject not in table.index:
        raise NotFound(f"no values of {indicator} for {areas.label(subject)}")
    result = claim.check(table.reindex([a for a in wanted if a in table.index]), subject, same_season)
    longest = result.longest
    values = dict(area=areas.label(subject), indicator=info.name(language), among=peers,
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
                area_name=areas.label(subject), peers=peers, same_season=same_season, **report,
                statement=text, published_claims=published)


def _industry_values(conn: Connection, key: str, areas: Areas, wanted: list[str]) -> pd.DataFrame:
    values = values_for(conn, key, areas, wanted, industry_only=True)
    values = values.assign(industry=values["breakdown"].map(breakdown.industry_code))
    return values[values["industry"].notna() & (values["industry"] != "TOT")]


def _by_industry(values: pd.DataFrame, area: str, period: str) -> dict[str, float]:
    part = values[(values["area"] == area) & (values["period"] == period) & values["value"].notna()]
    return dict(zip(part["industry"], part["value"].astype(float)))


def _industry_context(conn: Connection, indicator: str, area: str | None, reference: str | None):
    info = repo.read_indicator(conn, indicator)
    areas = load_areas(conn)
    subject = areas.resolve(area) if area else areas.region
    ref = areas.resolve(reference) if reference else DENMARK
    values = _industry_values(conn, indicator, areas, [subject, ref])
    if values.empty:
        raise NotFound(f"the indicator {indicator} has no values by industry (breakdown industry=…)")
    return info, areas, subject, ref, values


def _latest_common(values: pd.DataFrame, subject: str, ref: str) -> str:
    common = set(values.loc[values["area"] == subject, "period"]) & set(values.loc[values["area"] == ref, "period"])
    if not common:
        raise NotFound(f"no period with industry values for both {subject} and {ref}")
    return max(common, key=periods.position_years)


def _pair(values: pd.DataFrame, subject: str, ref: str, period: str) -> tuple[dict, dict]:
    area, reference = _by_industry(values, subject, period), _by_industry(values, ref, period)
    if not area or not reference:
        raise NotFound(f"no industry values in {period} for {subject if not area else ref}")
    return area, reference


def _header(info, areas, subject, ref, language) -> dict:
    return dict(indicator=indicator_header(info, language), demo=info.is_demo, area=subject,
                area_name=areas.label(subject), reference=ref, reference_name=areas.label(ref))


def lq_report(settings: Settings, indicator: str = INDUSTRY_INDICATOR, area: str | None = None,
              period: str | None = None, reference: str | None = None) -> dict:
    """Location quotient of every industry of an area against the reference (Denmark)."""
    language = settings.language
    with reading(settings) as conn:
        info, areas, subject, ref, values = _industry_context(conn, indicator, area, reference)
    period = periods.normalise(period) if period else _latest_common(values, subject, ref)
    own, nation = _pair(values, subject, ref, period)
    own_shares, ref_shares = location.shares({c: own.get(c, 0.0) for c in nation}), location.shares(nation)
    quotients = location.location_quotients(own, nation)
    rows = [dict(industry=c, name=industries.name(c, language), value=own.get(c, 0.0), share=own_shares[c],
                 reference_value=nation[c], reference_share=ref_shares[c], lq=quotients[c])
            for c in sorted(nation, key=_industry_order)]
    return dict(_header(info, areas, subject, ref, language), period=period, industries=rows)


def _industry_order(code: str) -> tuple:
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


def shift_share_report(settings: Settings, indicator: str = INDUSTRY_INDICATOR, area: str | None = None,
                       start: str | None = None, end: str | None = None, reference: str | None = None) -> dict:
    """Classic and Esteban-Marquillas shift-share of an area's change between two periods."""
    language = settings.language
    with reading(settings) as conn:
        info, areas, subject, ref, values = _industry_context(conn, indicator, area, reference)
    have = sorted(set(values.loc[values["area"] == subject, "period"]) & set(values.loc[values["area"] == ref, "period"]),
                  key=periods.position_years)
    if len(have) < 2:
        raise NotFound(f"shift-share needs two periods with industry values for {subject} and {ref}")
    first, last = periods.normalise(start) if start else have[0], periods.normalise(end) if end else have[-1]
    own0, nation0 = _pair(values, subject, ref, first)
    own1, nation1 = _pair(values, subject, ref, last)
    result = shiftshare.decompose(own0, own1, nation0, nation1)
    data = result.to_dict()
    for row in data["industries"]:
        row["name"] = industries.name(row["industry"], language)
    return dict(_header(info, areas, subject, ref, language), start_period=first, end_period=last, **data)


def specialisation_report(settings: Settings, indicator: str = INDUSTRY_INDICATOR, area: str | None = None,
                          period: str | None = None, among: str | None = None) -> dict:
    """Krugman, Hoover and Herfindahl indices of one area, or of each area of a comparison set."""
    language = settings.language
    with reading(settings) as conn:
        info, areas, subject, ref, _ = _industry_context(conn, indicator, area, None)
        listed = areas.comparison(among) if among else [subject]
        values = _industry_values(conn, indicator, areas, list(dict.fromkeys([*listed, ref])))
    period = periods.normalise(period) if period else _latest_common(values, listed[0], ref)
    rows = []
    for item in listed:
        own, nation = _pair(values, item, ref, period)
        rows.append(dict(area=item, name=areas.label(item), **location.specialisation(own, nation).to_dict()))
    return dict(_header(info, areas, subject, ref, language), period=period, among=among, areas=rows)


def strengths_report(settings: Settings, indicator: str = INDUSTRY_INDICATOR, area: str | None = None,
                     period: str | None = None, start: str | None = None, config: Path | None = None) -> dict:
    """Employment, share, LQ and growth of each strength position (groups of industry codes)."""
    language = settings.language
    positions = strength_config.load(config)
    with reading(settings) as conn:
        info, areas, subject, ref, values = _industry_context(conn, indicator, area, None)
    period = periods.normalise(period) if period else _latest_common(values, subject, ref)
    own, nation = _pair(values, subject, ref, period)
    classification = industries.classification_of(set(nation))
    if classification is None:
        raise InputError(indicator, reason="its industry codes are neither DB07 10-groups nor DB07 sections")
    first = periods.normalise(start) if start else min(set(values["period"]), key=periods.position_years)
    own0, _ = _pair(values, subject, ref, first)
    rows = []
    for position in positions:
        codes, approximate = strength_config.codes_for(position, classification)
        now, before = sum(own.get(c, 0.0) for c in codes), sum(own0.get(c, 0.0) for c in codes)
        rows.append(dict(key=position.key, name=position.name(language), codes=sorted(codes),
                         classification=classification, approximate=approximate, note=position.note,
                         value=now, share=now / sum(own.values()),
                         lq=location.group_quotient(own, nation, codes) if codes else None,
                         growth=growth.growth(subject, first, period, before, now).to_dict() if codes else None))
    return dict(_header(info, areas, subject, ref, language), period=period, start_period=first, strengths=rows)


def list_indicators(settings: Settings) -> list[dict]:
    language = settings.language
    with reading(settings) as conn:
        infos = repo.read_indicators(conn)
        summary = repo.indicator_summaries(conn)
        rules = {i.key: repo.read_rule(conn, i.key) for i in infos}
    return [dict(indicator_header(i, language), frequency=i.frequency, additive=rules[i.key][0],
                 classification=rules[i.key][1], values=summary.get(i.key, {}).get("values", 0),
                 first=str(summary.get(i.key, {}).get("first", "")), last=str(summary.get(i.key, {}).get("last", "")),
                 breakdowns=summary.get(i.key, {}).get("breakdowns", 0))
            for i in infos]


def list_groups(settings: Settings) -> list[dict]:
    with reading(settings) as conn:
        areas = load_areas(conn)
    return [dict(key=g.key, name=g.name, kind=g.kind, source=g.source, members=list(g.members),
                 member_names=[areas.label(m) for m in g.members]) for g in areas.groups.values()]


def add_group(settings: Settings, key: str, members: list[str], name: str | None = None) -> dict:
    """A user-defined group of municipalities (by code or name); replaces a user group of that key."""
    if not key or not key.replace("_", "").isalnum() or not key[0].isalpha() or key != key.lower():
        raise InputError("group", key, "a group key is lower-case letters, digits and _ and starts with a letter")
    store = Store.from_settings(settings).require()
    try:
        with store.begin() as conn:
            areas = load_areas(conn)
            existing = areas.groups.get(key)
            if existing and existing.kind != "user":
                raise InputError("group", key, f"{key!r} is a {existing.kind} group of the region definition; "
                                               "choose another key")
            codes, unknown = [], []
            for text in members:
                try:
                    code = areas.resolve(text)
                except NotFound:
                    unknown.append(text)
                    continue
                if code == DENMARK or areas.is_group(code):
                    unknown.append(text)
                else:
                    codes.append(code)
            if unknown or not codes:
                raise InputError("group", key, f"not municipalities: {', '.join(unknown) or '(none given)'}")
            codes = sorted(set(codes))
            repo.write_group(conn, key, name or key, "user", codes, f"user-defined by {settings.actor}")
            repo.region_repo.write_audit(conn, settings.actor, "group.add", "area_group", key, dict(members=codes))
    finally:
        store.dispose()
    return dict(key=key, name=name or key, kind="user", members=codes)


def remove_group(settings: Settings, key: str) -> dict:
    store = Store.from_settings(settings).require()
    try:
        with store.begin() as conn:
            group = load_areas(conn).groups.get(key)
            if group is None:
                raise NotFound(f"no group {key!r}")
            if group.kind != "user":
                raise InputError("group", key, f"{key!r} belongs to the region definition and cannot be removed")
            repo.delete_group(conn, key)
            repo.region_repo.write_audit(conn, settings.actor, "group.remove", "area_group", key)
    finally:
        store.dispose()
    return dict(key=key, removed=True)
