"""Strategy KPIs the infrastructure domain can answer (discovered by the strategy module)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from trekant.infrastructure import repo
from trekant.infrastructure.model import FUNDED_STATUSES
from trekant.kpi import KpiReading, KpiSource
from trekant.settings import Settings


def projects_funded(conn: Connection, settings: Settings) -> KpiReading:
    """Portfolio projects whose money is committed or that are built: funded, decided, under construction, opened.

    The period is the newest year among the documents that support those projects' status.
    """
    projects = [p for p in repo.read_projects(conn) if p.status in FUNDED_STATUSES]
    status_sources = [s for p in projects for s in p.sources if "status" in s.supports]
    years = [s.year for s in status_sources if s.year is not None]
    cited = sorted({f"{s.publisher} {s.year}" for s in status_sources if s.year is not None})
    source = "infra_project.status (project files)" + (f"; status per {', '.join(cited)}" if cited else "")
    return KpiReading(value=float(len(projects)), period=str(max(years)) if years else "", unit="projects",
                      source=source, is_demo=False)


SOURCES: dict[str, KpiSource] = {"infrastructure.projects_funded": projects_funded}
