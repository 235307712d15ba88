"""Strategy KPIs the partnership register answers (discovered by the strategy module through SOURCES).

* active partnerships (all, and per theme): status active now; the history counts, per year, the
  partnerships whose period covers it (ideas never count; a partnership with no known start only now);
* funding raised: the DKK of funding lines of active and ended partnerships, cumulative by year
  (lines without a published year count in the latest total only);
* coverage gaps: empty cells of the municipality × theme matrix of active partnerships.
Each reading is demo when a demo partnership contributes to it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Connection

from trekant.kpi import KpiReading, KpiSource
from trekant.partnerships import coverage, repo
from trekant.partnerships.model import ACTIVE, THEMES, Partnership
from trekant.region import repo as region_repo
from trekant.settings import Settings

SOURCE = "trekant partnerships register (partnership, partnership_funding)"


def _history(ps: list[Partnership], value, first_year: int | None = None) -> tuple[tuple[str, float], ...]:
    years = [p.start.year for p in ps if p.start and p.status != "idea"]
    this_year = date.today().year
    start = first_year or (min(years) if years else this_year)
    return tuple((str(y), float(value(y))) for y in range(start, this_year))


def _active(theme: str | None = None):
    def source(conn: Connection, settings: Settings) -> KpiReading:
        ps = [p for p in repo.read_partnerships(conn) if theme is None or theme in p.themes]
        now = [p for p in ps if p.status == ACTIVE]
        history = _history(ps, lambda y: sum(p.active_in(y) for p in ps))
        scope = f" with theme {theme}" if theme else ""
        return KpiReading(float(len(now)), str(date.today().year), "partnerships", f"{SOURCE}: status active{scope}",
                          any(p.is_demo for p in now), history + ((str(date.today().year), float(len(now))),))
    source.__doc__ = f"Active partnerships{f' with the theme {theme}' if theme else ''} (status active now)."
    return source


def funding_raised_dkk(conn: Connection, settings: Settings) -> KpiReading:
    """Funding raised by active and ended partnerships (DKK), cumulative by year."""
    ps = [p for p in repo.read_partnerships(conn) if p.status in (ACTIVE, "ended")]
    lines = [(f.year, f.amount_dkk) for p in ps for f in p.funding]
    if not lines:
        raise LookupError("no funding recorded for active or ended partnerships")
    dated = [y for y, _ in lines if y is not None]
    total = sum(a for _, a in lines)
    history = tuple((str(y), float(sum(a for yy, a in lines if yy is not None and yy <= y)))
                    for y in range(min(dated), max(dated) + 1)) if dated else ()
    latest = str(max(dated)) if dated else str(date.today().year)
    undated = sum(a for y, a in lines if y is None)
    note = f"; {undated:,.0f} DKK without a published year counted in the total only" if undated else ""
    return KpiReading(float(total), latest, "DKK", f"{SOURCE}: funding lines of active and ended partnerships{note}",
                      any(p.is_demo and p.funding for p in ps), history[:-1] + ((latest, float(total)),))


def coverage_gaps(conn: Connection, settings: Settings) -> KpiReading:
    """Empty cells of the municipality × theme matrix of active partnerships (fewer is better)."""
    ps = repo.read_partnerships(conn)
    members = [m.code for m in region_repo.read_region_municipalities(conn)]
    now = coverage.report(ps, members)

    def gaps_in(year: int) -> int:
        return coverage.report([p for p in ps if p.active_in(year)], members, statuses=(ACTIVE, "ended"))[
            "gaps"]["empty_cell_count"]

    history = _history(ps, gaps_in)
    cells = len(members) * len(THEMES)
    return KpiReading(float(now["gaps"]["empty_cell_count"]), str(date.today().year), f"empty cells of {cells}",
                      f"{SOURCE}: coverage of {len(members)} municipalities × {len(THEMES)} themes", now["demo"],
                      history + ((str(date.today().year), float(now["gaps"]["empty_cell_count"])),))


SOURCES: dict[str, KpiSource] = {
    "partnerships.active_partnerships": _active(),
    **{f"partnerships.active_{theme}": _active(theme) for theme in THEMES},
    "partnerships.funding_raised_dkk": funding_raised_dkk,
    "partnerships.coverage_gaps": coverage_gaps,
}
