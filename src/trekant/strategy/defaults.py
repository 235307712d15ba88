"""`trekant init` for the strategy: the region's shipped asks to the state (data/asks/<region>.yaml).

Idempotent: asks are written by key and only when they changed (an audit record each).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from trekant.store.audit import write_audit
from trekant.strategy import asks as ask_file
from trekant.strategy import repo


def load_defaults(conn: Connection, ctx) -> dict:
    path = ask_file.default_path(ctx.dataset.definition.key)
    removed = 0 if ctx.with_demo else repo.delete_demo(conn)
    if not path.is_file():
        return dict(asks=0, demo_removed=removed)
    asks = [a for a in ask_file.load(path) if ctx.with_demo or not a.is_demo]
    changed = repo.write_asks(conn, asks)
    for key in changed:
        write_audit(conn, ctx.actor, "strategy.init", "strategy_ask", key, dict(source=str(path)))
    return dict(asks=len(asks), written=len(changed), demo_removed=removed)
