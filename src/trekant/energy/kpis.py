"""Strategy KPIs the energy domain answers (discovered by the strategy module through SOURCES)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from trekant.energy import repo
from trekant.energy.core.population import nearest_population
from trekant.energy.service import Area, factor_table, population_keys, emissions_by_year
from trekant.kpi import KpiReading, KpiSource
from trekant.region import repo as region_repo
from trekant.settings import Settings


def co2e_per_resident_t(conn: Connection, settings: Settings) -> KpiReading:
    """Region-wide t CO2e per resident by account year; demo while the activity data is demo."""
    members = tuple(m.code for m in region_repo.read_region_municipalities(conn))
    table = factor_table(conn, None)
    totals, demo = emissions_by_year(conn, Area("region", "region", members), table)
    series = repo.population_series(conn, members, population_keys(conn))
    history = []
    for year, total in totals.items():
        population, _ = nearest_population(series, members, year)
        if population:
            history.append((str(year), round(total / population, 3)))
    if not history:
        raise LookupError("no account year with both activity data and population")
    period, value = history[-1]
    return KpiReading(value=value, period=period, unit="t CO2e per resident",
                      source=f"trekant energy accounts, factor table {table.label}; population Danmarks Statistik "
                             f"(FOLK1A/FOLK1AM){'; DEMO activity data' if demo else ''}",
                      is_demo=demo, history=tuple(history))


SOURCES: dict[str, KpiSource] = {"energy.co2e_per_resident_t": co2e_per_resident_t}
