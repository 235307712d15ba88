"""SQL of the economy: indicators, their values as a long table, groups and their members."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection

from trekant.economy import panel
from trekant.economy.model import IndicatorInfo
from trekant.errors import NotFound
from trekant.region import repo as region_repo
from trekant.region.model import IndicatorValue
from trekant.store.schema.core import area_group, area_group_member, indicator, indicator_value, municipality
from trekant.store.schema.economy import economy_indicator_rule

VALUE_KEYS = ["indicator_key", "area_code", "period", "breakdown"]


def _info(row) -> IndicatorInfo:
    return IndicatorInfo(row.key, row.name_da, row.name_en, row.unit, row.frequency, row.source,
                         row.licence, bool(row.is_demo))


def read_indicators(conn: Connection) -> list[IndicatorInfo]:
    return [_info(r) for r in conn.execute(select(indicator).order_by(indicator.c.key))]


def read_indicator(conn: Connection, key: str) -> IndicatorInfo:
    row = conn.execute(select(indicator).where(indicator.c.key == key)).first()
    if row is None:
        known = ", ".join(i.key for i in read_indicators(conn))
        raise NotFound(f"no indicator {key!r} in the store (known: {known})")
    return _info(row)


def read_rule(conn: Connection, key: str) -> tuple[bool, str]:
    """(additive, classification) of an indicator; additive and unclassified when no rule is stored."""
    row = conn.execute(select(economy_indicator_rule).where(economy_indicator_rule.c.indicator_key == key)).first()
    return (True, "") if row is None else (bool(row.additive), row.classification)


def read_series_info(conn: Connection, key: str) -> dict:
    """What the series measures: {"basis": "residence" | "workplace" | "", "seasonally_adjusted": bool}."""
    row = conn.execute(select(economy_indicator_rule.c.basis, economy_indicator_rule.c.seasonally_adjusted)
                       .where(economy_indicator_rule.c.indicator_key == key)).first()
    return {"basis": row.basis if row else "", "seasonally_adjusted": bool(row.seasonally_adjusted) if row else False}


def indicator_summaries(conn: Connection) -> dict[str, dict]:
    """key → number of values, first and last period label, distinct breakdowns."""
    rows = conn.execute(
        select(indicator_value.c.indicator_key, func.count(), func.count(func.distinct(indicator_value.c.breakdown)))
        .group_by(indicator_value.c.indicator_key)
    )
    summary = {r[0]: dict(values=r[1], breakdowns=r[2]) for r in rows}
    labels: dict[str, list] = {}
    for key, period, start in conn.execute(
            select(indicator_value.c.indicator_key, indicator_value.c.period, indicator_value.c.period_start).distinct()):
        labels.setdefault(key, []).append((start, period))
    for key, found in labels.items():
        summary[key].update(first=min(found)[1], last=max(found)[1])
    return summary


def read_values(conn: Connection, key: str, areas: Sequence[str] | None = None,
                breakdowns: Sequence[str] | None = None, industry_only: bool = False) -> pd.DataFrame:
    """The long table (area, period, breakdown, value) of one indicator."""
    query = select(indicator_value.c.area_code, indicator_value.c.period, indicator_value.c.breakdown,
                   indicator_value.c.value).where(indicator_value.c.indicator_key == key)
    if areas is not None:
        query = query.where(indicator_value.c.area_code.in_(list(areas)))
    if breakdowns is not None:
        query = query.where(indicator_value.c.breakdown.in_(list(breakdowns)))
    if industry_only:
        query = query.where(indicator_value.c.breakdown.like("industry=%"),
                            indicator_value.c.breakdown.not_like("%;%"))
    return panel.frame([tuple(r) for r in conn.execute(query)])


def municipality_names(conn: Connection) -> dict[str, tuple[str, str]]:
    """code → (Danish name, StatBank name), without loading geometries."""
    rows = conn.execute(select(municipality.c.code, municipality.c.name, municipality.c.name_statbank))
    return {r.code: (r.name, r.name_statbank or r.name) for r in rows}


def read_groups(conn: Connection):
    return region_repo.read_groups(conn)


def region_key(conn: Connection) -> str:
    return region_repo.read_meta(conn).get("region", "")


def write_indicator(conn: Connection, info: IndicatorInfo, additive: bool, classification: str = "",
                    note: str = "", basis: str = "", seasonally_adjusted: bool = False) -> None:
    region_repo.upsert(conn, indicator, [info.to_dict()], ["key"])
    region_repo.upsert(conn, economy_indicator_rule, [dict(indicator_key=info.key, additive=additive,
                                                           classification=classification, note=note, basis=basis,
                                                           seasonally_adjusted=seasonally_adjusted)],
                       ["indicator_key"])


def write_values(conn: Connection, values: Iterable[IndicatorValue]) -> int:
    rows = [dict(indicator_key=v.indicator_key, area_code=v.area_code, period=v.period,
                 period_start=v.period_start, breakdown=v.breakdown, value=v.value) for v in values]
    region_repo.upsert(conn, indicator_value, rows, VALUE_KEYS)
    return len(rows)


def write_group(conn: Connection, key: str, name: str, kind: str, members: Sequence[str], source: str) -> None:
    region_repo.upsert(conn, area_group, [dict(key=key, name=name, kind=kind, source=source)], ["key"])
    conn.execute(delete(area_group_member).where(area_group_member.c.group_key == key))
    conn.execute(area_group_member.insert(), [dict(group_key=key, municipality_code=c) for c in members])


def delete_group(conn: Connection, key: str) -> None:
    conn.execute(delete(area_group_member).where(area_group_member.c.group_key == key))
    conn.execute(delete(area_group).where(area_group.c.key == key))
