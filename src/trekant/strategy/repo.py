"""SQL of the strategy: the asks table, and the portfolio status of the projects asked for."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from trekant.region.repo import upsert
from trekant.store.schema.infrastructure import infra_project
from trekant.store.schema.strategy import strategy_ask
from trekant.strategy.asks import Ask


def write_asks(conn: Connection, asks: list[Ask]) -> list[str]:
    """Write asks by key; returns the keys that were new or changed."""
    stored = {a.key: a for a in read_asks(conn)}
    changed = [a for a in asks if stored.get(a.key) != a]
    now = datetime.now(timezone.utc)
    upsert(conn, strategy_ask, [dict(key=a.key, project_key=a.project, name=a.name, asked_year=a.asked_year,
                                     decided_year=a.decided_year, is_demo=a.is_demo, document=a.document(),
                                     updated_at=now) for a in changed], ["key"])
    return [a.key for a in changed]


def read_asks(conn: Connection) -> list[Ask]:
    rows = conn.execute(select(strategy_ask).order_by(strategy_ask.c.asked_year, strategy_ask.c.key))
    return [Ask(r.key, r.project_key, r.name, r.asked_year, r.decided_year,
                tuple(json.loads(r.document).get("sources", ())), bool(r.is_demo)) for r in rows]


def delete_demo(conn: Connection) -> int:
    return conn.execute(delete(strategy_ask).where(strategy_ask.c.is_demo.is_(True))).rowcount or 0


def project_status(conn: Connection) -> dict[str, str]:
    """infra_project key → its status (the portfolio decides whether an ask was won)."""
    return dict(conn.execute(select(infra_project.c.key, infra_project.c.status)).all())
