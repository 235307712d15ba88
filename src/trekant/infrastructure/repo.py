"""SQL of the infrastructure domain: write and read portfolio projects on both backends."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from trekant.infrastructure.io.project import ProjectDoc, to_document_dict, to_project
from trekant.infrastructure.model import Project
from trekant.region.repo import sync_by_key
from trekant.store import gpkg_registry
from trekant.store.audit import write_audit
from trekant.store.schema.core import municipality
from trekant.store.schema.infrastructure import infra_project, infra_project_municipality, infra_project_source


def _row(project: Project, now: datetime) -> dict:
    return dict(
        key=project.key, name=project.name, name_en=project.name_en, mode=project.mode, status=project.status,
        opening_year=project.opening_year, lifetime_years=project.lifetime_years, price_year=project.price_year,
        construction_total_dkk=float(sum(project.construction_dkk.values())), is_illustrative=bool(project.illustrative),
        document=json.dumps(to_document_dict(project), ensure_ascii=False), updated_at=now, geom=project.geometry,
    )


def write_projects(conn: Connection, projects: Sequence[Project], actor: str, action: str = "import") -> int:
    """Insert or replace projects by key (child rows rewritten); one audit entry per project."""
    if not projects:
        return 0
    now = datetime.now(timezone.utc)
    sync_by_key(conn, infra_project, [_row(p, now) for p in projects], "key")
    keys = [p.key for p in projects]
    conn.execute(delete(infra_project_municipality).where(infra_project_municipality.c.project_key.in_(keys)))
    conn.execute(delete(infra_project_source).where(infra_project_source.c.project_key.in_(keys)))
    conn.execute(infra_project_municipality.insert(), [
        dict(project_key=p.key, municipality_code=code) for p in projects for code in dict.fromkeys(p.municipalities)])
    conn.execute(infra_project_source.insert(), [
        dict(project_key=p.key, source_id=s.id, title=s.title, publisher=s.publisher, year=s.year, url=s.url,
             supports=json.dumps(list(s.supports))) for p in projects for s in p.sources])
    gpkg_registry.refresh_extent(conn, "infra_project")
    for p in projects:
        write_audit(conn, actor, action, "infra_project", p.key, dict(status=p.status, name=p.name))
    return len(projects)


def known_municipality_codes(conn: Connection) -> set[str]:
    return set(conn.execute(select(municipality.c.code)).scalars())


def _project(row) -> Project:
    doc = ProjectDoc.model_validate(json.loads(row.document))
    return to_project(doc, row.geom)


def read_projects(conn: Connection, keys: Sequence[str] | None = None) -> list[Project]:
    """Projects ordered by key (all, or those named)."""
    query = select(infra_project.c.document, infra_project.c.geom).order_by(infra_project.c.key)
    if keys:
        query = query.where(infra_project.c.key.in_(list(keys)))
    return [_project(r) for r in conn.execute(query)]


def read_project(conn: Connection, key: str) -> Project | None:
    found = read_projects(conn, [key])
    return found[0] if found else None


def project_keys(conn: Connection) -> list[str]:
    return list(conn.execute(select(infra_project.c.key).order_by(infra_project.c.key)).scalars())
