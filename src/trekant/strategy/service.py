"""`trekant strategy status`: every KPI's latest value, target, required and actual trend, status, source."""

from __future__ import annotations

from pathlib import Path

from trekant.kpi import Fetch, KpiReading, KpiSource, MissingData
from trekant.settings import Settings
from trekant.store.store import Store
from trekant.strategy import goals as goal_file
from trekant.strategy import registry
from trekant.strategy.assess import assess
from trekant.strategy.explain import explain
from trekant.strategy.labels import text
from trekant.strategy.model import NO_DATA, Goal, Kpi


def _read(store: Store, source: KpiSource, settings: Settings) -> tuple[KpiReading | None, str, tuple[Fetch, ...]]:
    """A reading, or the reason there is none (and, for data not yet in the store, how to fetch it).
    A failing source costs its own KPI, not the report."""
    try:
        with store.connect() as conn:
            return source(conn, settings), "", ()
    except MissingData as exc:
        return None, str(exc), exc.fetches
    except Exception as exc:  # noqa: BLE001 — another domain's code: report it, never crash the status
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, first_line, ()


def _row(goal: Goal, kpi: Kpi, reading: KpiReading | None, reason: str, language: str,
         fetches: tuple[Fetch, ...] = ()) -> dict:
    row = dict(goal=goal.key, goal_name=goal.name(language), kpi=kpi.key, name=kpi.name(language),
               source_key=kpi.source, direction=kpi.direction,
               target=dict(value=kpi.target.value, year=kpi.target.year, basis=kpi.target.basis))
    if reading is None:
        if fetches:
            reason = f"{text('no_data_reason', language)}: " + "; ".join(
                f"{text('fetch', language)} {f.table}: {f.command}" for f in fetches)
        return dict(row, status=NO_DATA, status_text=reason, explanation=reason, demo=False, latest=None, source=None,
                    fetch=[f.to_dict() for f in fetches])
    assessment = assess(kpi, reading)
    return dict(row, status=assessment.status, status_text=text(assessment.status, language),
                explanation=explain(kpi, reading.value, reading.period, assessment, language), demo=reading.is_demo,
                latest=dict(value=reading.value, period=reading.period, unit=reading.unit), fetch=[],
                source=reading.source, **{k: v for k, v in assessment.to_dict().items() if k != "status"})


def status(settings: Settings, goals_path: Path | None = None) -> dict:
    language = settings.language
    goals = goal_file.load(goals_path)
    sources = registry.discover()
    store = Store.from_settings(settings, read_only=True).require()  # only reads: works on a read-only share
    rows = []
    try:
        for goal in goals:
            for kpi in goal.kpis:
                source = sources.get(kpi.source)
                if source is None:
                    rows.append(_row(goal, kpi, None, text("not_installed", language), language))
                    continue
                reading, reason, fetches = _read(store, source, settings)
                rows.append(_row(goal, kpi, reading, reason and f"{text('no_data_reason', language)}: {reason}", language,
                                 fetches))
    finally:
        store.dispose()
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in ("on_track", "at_risk", "off_track", "no_data")}
    return dict(goals=[dict(key=g.key, name=g.name(language), text=g.text(language)) for g in goals],
                kpis=rows, counts=counts, demo=any(r["demo"] for r in rows),
                goals_file=str(goals_path or goal_file.default_path()), sources_installed=sorted(sources))


def list_sources() -> list[dict]:
    return [dict(key=k, doc=(f.__doc__ or "").strip().splitlines()[0] if f.__doc__ else "")
            for k, f in sorted(registry.discover().items())]


def list_asks(settings: Settings) -> dict:
    """The region's asks to the state, each with its project's portfolio status and whether it was won."""
    from trekant.strategy import repo  # the asks table is only needed here
    from trekant.store.store import reading

    with reading(settings) as conn:
        asks, status = repo.read_asks(conn), repo.project_status(conn)
    rows = [dict(key=a.key, name=a.name, project=a.project, project_status=status.get(a.project),
                 asked_year=a.asked_year, decided_year=a.decided_year, won=a.won(status.get(a.project)),
                 demo=a.is_demo, sources=list(a.sources)) for a in asks]
    return dict(asks=rows, won=sum(r["won"] for r in rows), rule=(
        "won = the project is decided, funded, under construction or opened (its portfolio status), by a decision "
        "in or after the year the region asked"))
