"""`trekant init` hook: the economy's rules for the region's indicators, and its demo data.

Idempotent: rules and values are upserted by key, and the demo values are deterministic.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from trekant.economy import demo, provinces, repo, series
from trekant.economy.industries import DB07_10
from trekant.economy.model import IndicatorInfo
from trekant.region.service import LoadContext
from trekant.store.schema.core import indicator, indicator_value
from trekant.store.schema.economy import economy_indicator_rule

TOTALS_INDICATOR = "fulltime_employees"
TOTALS_QUARTER = "Q4"

DEMO_INFO = IndicatorInfo(
    key=demo.KEY,
    name_da="Beskæftigede efter branche (DB07 10-grp.) – DEMO",
    name_en="Employment by industry (DB07 10 groups) – DEMO",
    unit="full-time employees",
    frequency="year",
    source="DEMO: synthetic industry split (trekant.economy.demo) of the real LBESK69 full-time "
           "employees in Q4 (Danmarks Statistik); not a statistic of any municipality's industries",
    licence="synthetic (LBESK69 totals: CC BY 4.0)",
    is_demo=True,
)


def _real_rules(conn: Connection) -> int:
    """The foundation's series are counts, so group values are sums of members; what each counts
    (residence or workplace, seasonal adjustment) comes from the StatBank table its source names."""
    keys = set(conn.execute(select(indicator.c.key)).scalars())
    count = 0
    for info in repo.read_indicators(conn):
        if info.key in keys and not info.is_demo:
            known = series.known(info.source)
            repo.write_indicator(conn, info, additive=True, basis=known.get("basis", ""),
                                 seasonally_adjusted=known.get("seasonally_adjusted", False))
            count += 1
    return count


def _province_groups(conn: Connection) -> int:
    """Statistics Denmark's provinces holding the region's municipalities, as groups of kind 'province'
    (regional GDP is published by province); only where the store knows every member."""
    codes = set(repo.municipality_names(conn))
    written = 0
    for province in provinces.load():
        if set(province.members) <= codes:
            repo.write_group(conn, province.key, province.name, provinces.KIND, province.members, provinces.SOURCE)
            written += 1
    return written


def _totals(conn: Connection, codes: set[str]) -> dict[tuple[str, int], float]:
    rows = conn.execute(
        select(indicator_value.c.area_code, indicator_value.c.period, indicator_value.c.value)
        .where(indicator_value.c.indicator_key == TOTALS_INDICATOR, indicator_value.c.breakdown == "",
               indicator_value.c.period.like(f"%{TOTALS_QUARTER}"), indicator_value.c.value.is_not(None))
    )
    return {(r.area_code, int(r.period[:4])): r.value for r in rows if r.area_code in codes}


def load_defaults(conn: Connection, ctx: LoadContext) -> dict:
    counts = dict(indicator_rules=_real_rules(conn), province_groups=_province_groups(conn), demo_values=0)
    if not ctx.with_demo:
        conn.execute(delete(indicator_value).where(indicator_value.c.indicator_key == demo.KEY))
        conn.execute(delete(economy_indicator_rule).where(economy_indicator_rule.c.indicator_key == demo.KEY))
        conn.execute(delete(indicator).where(indicator.c.key == demo.KEY))
        return counts
    totals = _totals(conn, set(repo.municipality_names(conn)))
    if not totals:
        return counts
    repo.write_indicator(conn, DEMO_INFO, additive=True, classification=DB07_10,
                         note="demo: synthetic split of real totals")
    counts["demo_values"] = repo.write_values(conn, demo.employment(totals))
    return counts
