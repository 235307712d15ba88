"""KPI sources the economy offers the joint strategy (discovered by trekant.strategy).

Each is `(conn, settings) -> KpiReading` for the store's region; values of groups are summed from
the member municipalities at query time, like every other economy figure.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection

from trekant.economy import breakdown, periods, repo, service
from trekant.economy import strengths as strength_config
from trekant.economy.industries import classification_of
from trekant.errors import NotFound
from trekant.kpi import KpiReading, KpiSource
from trekant.settings import Settings


def _series(conn: Connection, key: str) -> tuple[dict[str, float], str]:
    """period → the region's value of one indicator (no breakdown), and the indicator's source."""
    info = repo.read_indicator(conn, key)
    areas = service.load_areas(conn)
    values = service.values_for(conn, key, areas, [areas.region], breakdowns=[""])
    values = values[(values["area"] == areas.region) & values["value"].notna()]
    return dict(zip(values["period"], values["value"].astype(float))), f"{info.source}; {info.key}, {areas.region}"


def _reading(history: dict[str, float], unit: str, source: str, is_demo: bool = False) -> KpiReading:
    if not history:
        raise NotFound("no values for the region")
    ordered = sorted(history.items(), key=lambda item: periods.position_years(item[0]))
    period, value = ordered[-1]
    return KpiReading(value, period, unit, source, is_demo, tuple(ordered))


def population(conn: Connection, settings: Settings) -> KpiReading:
    """Inhabitants of the region: FOLK1A (1 January, yearly) joined with FOLK1AM (1st of each month)."""
    yearly, source_q = _series(conn, "population")
    try:
        monthly, source_m = _series(conn, "population_monthly")
    except NotFound:
        monthly, source_m = {}, ""
    by_date = {periods.start(p): (p, v) for p, v in yearly.items()}
    by_date.update({periods.start(p): (p, v) for p, v in monthly.items()})  # the same count on the same day
    history = dict(by_date.values())
    return _reading(history, "persons", " + ".join(s for s in (source_q, source_m) if s))


def fulltime_employees(conn: Connection, settings: Settings) -> KpiReading:
    """Full-time employees living in the region (LBESK69, quarterly)."""
    history, source = _series(conn, "fulltime_employees")
    return _reading(history, "full-time employees", source)


def strength_share_pct(conn: Connection, settings: Settings) -> KpiReading:
    """Share (%) of the region's employment in the strength positions (union of their codes)."""
    info = repo.read_indicator(conn, service.INDUSTRY_INDICATOR)
    areas = service.load_areas(conn)
    values = service.values_for(conn, info.key, areas, [areas.region], industry_only=True)
    values = values.assign(industry=values["breakdown"].map(breakdown.industry_code))
    values = values[values["industry"].notna() & (values["industry"] != "TOT") & values["value"].notna()]
    classification = classification_of(set(values["industry"]))
    if classification is None:
        raise NotFound(f"{info.key} has no DB07 industry breakdown")
    codes = set().union(*(strength_config.codes_for(s, classification)[0] for s in strength_config.load()))
    shares = values.groupby("period").apply(
        lambda part: 100 * part.loc[part["industry"].isin(codes), "value"].sum() / part["value"].sum(),
        include_groups=False)
    history = {p: float(v) for p, v in shares.items() if pd.notna(v)}
    return _reading(history, "%", f"{info.source}; codes {', '.join(sorted(codes))} ({classification})", info.is_demo)


SOURCES: dict[str, KpiSource] = {
    "economy.population": population,
    "economy.fulltime_employees": fulltime_employees,
    "economy.strength_employment_share_pct": strength_share_pct,
}

# The strategy's other tracks (growth rank, labour market and education, attractiveness) live beside these.
from trekant.economy.kpis_tracks import SOURCES as _TRACK_SOURCES  # noqa: E402

SOURCES.update(_TRACK_SOURCES)
