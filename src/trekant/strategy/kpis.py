"""KPIs the strategy itself holds: the region's asks to the state that were won."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from trekant.kpi import KpiReading, KpiSource
from trekant.settings import Settings
from trekant.strategy import asks as ask_rules
from trekant.strategy import repo


def infrastructure_asks_won(conn: Connection, settings: Settings) -> KpiReading:
    """Asks won: projects decided or funded after the region asked for them (not every funded project)."""
    asks = repo.read_asks(conn)
    if not asks:
        raise LookupError("no asks in the store (strategy_ask); `trekant init` loads the region's shipped asks")
    status = repo.project_status(conn)
    history = ask_rules.won_by_year(asks, status)
    year, value = max(history.items())
    won = [a for a in asks if a.won(status.get(a.project))]
    cited = sorted({f"{s['publisher']} {s['year']}" for a in won for s in a.sources
                    if "decided" in s["supports"] and s.get("year")})
    source = (f"strategy_ask ({len(won)} of {len(asks)} asks won) × infra_project.status; decisions per "
              f"{', '.join(cited) or 'no source'}")
    return KpiReading(float(value), str(year), "asks won", source, any(a.is_demo for a in asks),
                      tuple((str(y), float(v)) for y, v in sorted(history.items())))


SOURCES: dict[str, KpiSource] = {"strategy.infrastructure_asks_won": infrastructure_asks_won}
