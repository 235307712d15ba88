"""KPI sources for the strategy's tracks beyond the strengths: growth rank, labour market and education,
attractiveness (merged into economy.kpis.SOURCES).

* "The country's highest growth rates" is relative: the region's rank among the metropolitan
  areas (the region and its peer groups, "metro5") and its lead over Denmark, in the growth of
  full-time employees (LBESK69) over five years between the same quarters (no seasonal windows).
* Tables the platform does not ship (population by age, net migration, pupils) are fetched from
  the StatBank API; until they are in the store the KPI raises MissingData naming the table and
  the exact `trekant economy fetch` command for the store's region.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
from sqlalchemy.engine import Connection

from trekant.economy import breakdown, periods, repo, service
from trekant.errors import NotFound
from trekant.kpi import Fetch, KpiReading, KpiSource, MissingData
from trekant.region.model import DENMARK
from trekant.settings import Settings

GROWTH_INDICATOR = "fulltime_employees"
GROWTH_YEARS = 5
AGE_INDICATOR = "population_by_age"
MIGRATION_INDICATOR = "net_migration"
PUPILS_INDICATOR = "pupils_16_24"
AGE_GROUPS = {"0_17": (0, 17), "18_29": (18, 29), "30_64": (30, 64), "65_plus": (65, None)}
WORKING_AGE = (16, 64)
YOUTH = (16, 24)
_LEADING_NUMBER = re.compile(r"^\s*(\d+)")


# ---- fetch commands ------------------------------------------------------------------------------

def _codes(conn: Connection, with_denmark: bool = False) -> str:
    """The region's municipalities as StatBank codes (530, not 0530), comma separated; 000 = all Denmark."""
    areas = service.load_areas(conn)
    codes = [str(int(code)) for code in areas.members(areas.region)]
    return ",".join((["000"] if with_denmark else []) + codes)


def fetch_population_by_age(conn: Connection) -> Fetch:
    return Fetch("FOLK1A", f"trekant economy fetch FOLK1A --var OMRÅDE={_codes(conn, True)} --var ALDER=* "
                           f"--var Tid=* -i {AGE_INDICATOR}",
                 "population on the first day of each quarter by single year of age (sex and marital status totals)")


def fetch_net_migration(conn: Connection) -> Fetch:
    return Fetch("BEV107", f"trekant economy fetch BEV107 --var OMRÅDE={_codes(conn)} --var BEVÆGELSE=B07,B10 "
                           f"--var KØN=M,K --var Tid=* -i {MIGRATION_INDICATOR}",
                 "yearly net domestic migration (B07) and net immigration (B10) by municipality and sex")


def fetch_pupils(conn: Connection) -> Fetch:
    ages = ",".join(str(a) for a in range(YOUTH[0], YOUTH[1] + 1))
    return Fetch("UDDAKT10", f"trekant economy fetch UDDAKT10 --var BOPOMR={_codes(conn)} --var UDDANNELSE=TOT "
                             f"--var ALDER={ages} --var KØN=10 --var FSTATUS=B --var Tid=* -i {PUPILS_INDICATOR}",
                 "pupils and students on 1 October by municipality of residence and age")


def _values(conn: Connection, key: str, fetch: Fetch, areas: Iterable[str]) -> pd.DataFrame:
    try:
        info = repo.read_indicator(conn, key)
    except NotFound:
        raise MissingData(f"{key} is not in the store: fetch StatBank table {fetch.table}", (fetch,)) from None
    values = repo.read_values(conn, key, areas=list(areas))
    values = values[values["value"].notna()]
    if values.empty:
        raise MissingData(f"{key} holds no values for the region: fetch StatBank table {fetch.table}", (fetch,))
    return values.assign(source=info.source)


def _region_members(conn: Connection) -> list[str]:
    areas = service.load_areas(conn)
    return list(areas.members(areas.region))


def _reading(history: dict[str, float], unit: str, source: str) -> KpiReading:
    ordered = sorted(history.items(), key=lambda item: periods.position_years(item[0]))
    if not ordered:
        raise NotFound("no period with every value the KPI needs")
    return KpiReading(ordered[-1][1], ordered[-1][0], unit, source, False, tuple(ordered))


# ---- growth rank among the metropolitan areas and against Denmark --------------------------------

def _shift_years(label: str, years: int) -> str:
    return f"{int(label[:4]) - years}{label[4:]}"


def growth_windows(table: pd.DataFrame, years: int = GROWTH_YEARS) -> dict[str, pd.Series]:
    """end period → percent growth of every area (index) over `years` years between the same season.

    `table`: one row per area, one column per period. Only windows in which every area has a
    positive value at both ends are kept."""
    windows = {}
    for end in table.columns:
        start = _shift_years(str(end), years)
        if start not in table.columns:
            continue
        a, b = table[start], table[end]
        if a.isna().any() or b.isna().any() or (a <= 0).any():
            continue
        windows[str(end)] = (b / a - 1) * 100
    return windows


def rank_of(growth: pd.Series, subject: str) -> int:
    """1 + the number of areas that grew strictly faster than the subject."""
    return 1 + int((growth.drop(subject) > growth[subject] + 1e-9).sum())


def _growth_table(conn: Connection) -> tuple[pd.DataFrame, str, list[str], str]:
    areas = service.load_areas(conn)
    metro = areas.comparison("metro5")
    info = repo.read_indicator(conn, GROWTH_INDICATOR)
    values = service.values_for(conn, GROWTH_INDICATOR, areas, [*metro, DENMARK], breakdowns=[""])
    table = values.pivot_table(index="area", columns="period", values="value", aggfunc="first")
    return table, areas.region, metro, info.source


def growth_rank_metro5(conn: Connection, settings: Settings) -> KpiReading:
    """The region's rank (1 = fastest) among the metropolitan areas in 5-year growth of full-time employees."""
    table, region, metro, source = _growth_table(conn)
    windows = growth_windows(table.loc[[a for a in metro if a in table.index]])
    history = {end: float(rank_of(g, region)) for end, g in windows.items() if region in g.index and len(g) == len(metro)}
    return _reading(history, f"rank among {len(metro)}",
                    f"{source}; growth over {GROWTH_YEARS} years between the same quarters, ranked among "
                    f"{', '.join(metro)} (1 = highest)")


def growth_vs_denmark_pp(conn: Connection, settings: Settings) -> KpiReading:
    """The region's 5-year growth of full-time employees minus Denmark's (percentage points)."""
    table, region, _metro, source = _growth_table(conn)
    windows = growth_windows(table.loc[[a for a in (region, DENMARK) if a in table.index]])
    history = {end: float(g[region] - g[DENMARK]) for end, g in windows.items() if len(g) == 2}
    return _reading(history, "percentage points",
                    f"{source}; {region} minus Denmark, growth over {GROWTH_YEARS} years between the same quarters")


# ---- age groups, working age, youth --------------------------------------------------------------

def _age(text: str) -> int | None:
    """The age of a breakdown holding only an age ('age=17 years' → 17), else None."""
    parts = breakdown.decode(text)
    if set(parts) != {"age"}:
        return None
    match = _LEADING_NUMBER.match(parts["age"])
    return int(match.group(1)) if match else None


def population_in_ages(conn: Connection, low: int, high: int | None) -> tuple[dict[str, float], str]:
    """period → the region's population aged low…high (None: and over), from FOLK1A by single year of age."""
    values = _values(conn, AGE_INDICATOR, fetch_population_by_age(conn), _region_members(conn))
    ages = values["breakdown"].map(_age)
    chosen = values[ages.notna() & (ages >= low) & ((ages <= high) if high is not None else True)]
    if chosen.empty:
        raise MissingData(f"{AGE_INDICATOR} has no single-year ages: fetch FOLK1A with ALDER=*",
                          (fetch_population_by_age(conn),))
    return chosen.groupby("period")["value"].sum().to_dict(), str(values["source"].iloc[0])


def _age_group(low: int, high: int | None):
    label = f"{low}–{high}" if high is not None else f"{low}+"

    def source(conn: Connection, settings: Settings) -> KpiReading:
        history, origin = population_in_ages(conn, low, high)
        return _reading(history, "persons", f"{origin}; {AGE_INDICATOR}, ages {label}, region total")

    source.__doc__ = f"Residents of the region aged {label} (FOLK1A by age; fetch it first)."
    return source


def employment_rate_proxy_pct(conn: Connection, settings: Settings) -> KpiReading:
    """Full-time employees (LBESK69) per 100 residents aged 16–64 (FOLK1A), same quarter: a proxy, not RAS."""
    ages, origin = population_in_ages(conn, *WORKING_AGE)
    employees, employees_source = service_series(conn, GROWTH_INDICATOR)
    history = {p: 100 * employees[p] / ages[p] for p in ages if p in employees and ages[p] > 0}
    return _reading(history, "full-time employees per 100 residents aged 16–64",
                    f"{employees_source} / {origin} ({AGE_INDICATOR} 16–64); a proxy of the employment rate "
                    "(the official rate is RAS200's, by person, not full-time equivalents)")


def service_series(conn: Connection, key: str) -> tuple[dict[str, float], str]:
    """period → the region's value of an additive indicator (members summed), and its source."""
    areas = service.load_areas(conn)
    info = repo.read_indicator(conn, key)
    values = service.values_for(conn, key, areas, [areas.region], breakdowns=[""])
    values = values[(values["area"] == areas.region) & values["value"].notna()]
    return dict(zip(values["period"], values["value"].astype(float))), info.source


def youth_in_education_pct(conn: Connection, settings: Settings) -> KpiReading:
    """Share (%) of the region's 16–24-year-olds in education on 1 October (UDDAKT10 / FOLK1A)."""
    pupils = _values(conn, PUPILS_INDICATOR, fetch_pupils(conn), _region_members(conn))
    finest = pupils["breakdown"].map(lambda b: len(breakdown.decode(b)))
    pupils = pupils[finest == finest.max()]  # sum the finest rows only, never a total with its parts
    counts = pupils.groupby("period")["value"].sum().to_dict()
    ages, origin = population_in_ages(conn, *YOUTH)
    history = {year: 100 * n / ages[f"{year}Q4"] for year, n in counts.items()
               if f"{year}Q4" in ages and ages[f"{year}Q4"] > 0}
    return _reading(history, "% of residents aged 16–24",
                    f"{pupils['source'].iloc[0]} ({PUPILS_INDICATOR}, 1 October) / {origin} (16–24, 1 October)")


def net_migration(conn: Connection, settings: Settings) -> KpiReading:
    """Net migration to the region per year: net domestic migration (B07) + net immigration (B10), BEV107."""
    values = _values(conn, MIGRATION_INDICATOR, fetch_net_migration(conn), _region_members(conn))
    finest = values["breakdown"].map(lambda b: len(breakdown.decode(b)))
    values = values[finest == finest.max()]
    history = values.groupby("period")["value"].sum().to_dict()
    return _reading(history, "persons per year",
                    f"{values['source'].iloc[0]}; {MIGRATION_INDICATOR}: moves between the region's own "
                    "municipalities cancel out in the sum, so this is migration to and from the region")


SOURCES: dict[str, KpiSource] = {
    "economy.employee_growth_rank_metro5": growth_rank_metro5,
    "economy.employee_growth_vs_denmark_pp": growth_vs_denmark_pp,
    "economy.employment_rate_proxy_pct": employment_rate_proxy_pct,
    "economy.youth_in_education_pct": youth_in_education_pct,
    "economy.net_migration": net_migration,
    **{f"economy.population_age_{key}": _age_group(*bounds) for key, bounds in AGE_GROUPS.items()},
}
