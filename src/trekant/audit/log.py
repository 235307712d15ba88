"""Writing one audit entry, with where the change came from ("cli", "web 192.0.2.7", "api 192.0.2.7").

The store's shared writer is `trekant.store.audit.write_audit(conn, actor, action, entity, entity_id,
detail, *, where=None)` (a column for where); until that writer is in the store package, the
region's writer is used and `where` travels in the detail under the key "where".
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

try:  # the shared writer with its own column for where (trekant.store.audit)
    from trekant.store.audit import write_audit as _shared_writer
except ImportError:  # pragma: no cover - depends on what is merged
    _shared_writer = None


def write(conn: Connection, actor: str, action: str, entity: str, entity_id: str = "",
          detail: dict | None = None, *, where: str | None = None) -> None:
    if _shared_writer is not None:
        _shared_writer(conn, actor, action, entity, entity_id, detail, where=where)
        return
    from trekant.region.repo import write_audit

    write_audit(conn, actor, action, entity, entity_id, {**(detail or {}), **({"where": where} if where else {})})
