"""Use cases of the industry analyses: location quotients, shift-share, specialisation, strengths.

Industry values are the rows of an indicator whose breakdown is one industry code
("industry=2"); totals are the sums over the codes present (a TOT row is ignored).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Connection

from trekant.economy import breakdown, growth, industries, location, periods, repo, shiftshare
from trekant.economy import strengths as strength_config
from trekant.economy.areas import Areas
from trekant.economy.service import INDUSTRY_INDICATOR, indicator_header, load_areas, reading, values_for
from trekant.errors import InputError, NotFound
from trekant.region.model import DENMARK
from trekant.settings import Settings


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
    period = periods.option(period, "--period") or _latest_common(values, subject, ref)
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
    first, last = periods.option(start, "--from") or have[0], periods.option(end, "--to") or have[-1]
    periods.check_window(first, last)
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
    period = periods.option(period, "--period") or _latest_common(values, listed[0], ref)
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
    period = periods.option(period, "--period") or _latest_common(values, subject, ref)
    own, nation = _pair(values, subject, ref, period)
    classification = industries.classification_of(set(nation))
    if classification is None:
        raise InputError(indicator, reason="its industry codes are neither DB07 10-groups nor DB07 sections")
    first = periods.option(start, "--from") or min(set(values["period"]), key=periods.position_years)
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
    return dict(_header(info, areas, subject, ref, language), period=period, start_period=first,
                strengths=merge_inseparable(rows, language))


INSEPARABLE = {
    "da": "{names} kan ikke adskilles i {classification}: de dækker de samme branchekoder ({codes}), så tallene er ét "
          "tal, ikke {count} styrkepositioner. Indlæs data på DB07-sektioner (A…U) for at adskille dem.",
    "en": "{names} cannot be told apart in {classification}: they cover the same industry codes ({codes}), so the "
          "figures are one figure, not {count} strength positions. Import data by DB07 sections (A…U) to separate them.",
}


def merge_inseparable(rows: list[dict], language: str = "da") -> list[dict]:
    """Strength positions that resolve to the same codes in the data's classification become one row
    that says so (issue 14: energy/PtX merges into manufacturing in the 10-grouping), instead of two
    identical rows shown as two strengths."""
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = (row["classification"], tuple(row["codes"]))
        if key not in merged:
            merged[key] = dict(row, keys=[row["key"]], names=[row["name"]], separable=True, inseparable_note="")
            continue
        first = merged[key]
        first["keys"].append(row["key"])
        first["names"].append(row["name"])
        first["separable"] = False
        first["name"] = " + ".join(first["names"])
        first["inseparable_note"] = INSEPARABLE["en" if language == "en" else "da"].format(
            names=" og ".join(first["names"]) if language != "en" else " and ".join(first["names"]),
            classification=row["classification"], codes=", ".join(row["codes"]), count=len(first["names"]))
    return list(merged.values())
