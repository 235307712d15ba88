"""Reading the audit log with filters (both backends)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from trekant.accounts.repo import utc
from trekant.store.schema.core import audit_log


def entries(conn: Connection, actor: str | None = None, entity: str | None = None, since: datetime | None = None,
            limit: int | None = None, offset: int = 0) -> list[dict]:
    """Newest first: id, at, actor, action, entity, entity_id, where, detail (parsed JSON)."""
    stmt = select(audit_log)
    if actor:
        stmt = stmt.where(audit_log.c.actor == actor)
    if entity:
        stmt = stmt.where(audit_log.c.entity == entity)
    if since is not None:
        stmt = stmt.where(audit_log.c.at >= since)
    stmt = stmt.order_by(audit_log.c.id.desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_entry(row._mapping) for row in conn.execute(stmt)]


def _entry(row) -> dict:
    try:
        detail = json.loads(row["detail"] or "{}")
    except ValueError:
        detail = {"text": row["detail"]}
    where = row["origin"] or ""
    return dict(id=row["id"], at=utc(row["at"]).isoformat(), actor=row["actor"], action=row["action"],
                entity=row["entity"], entity_id=row["entity_id"], where=where or "", detail=detail)
