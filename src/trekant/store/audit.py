"""The audit log: who changed what, when, and from where — written by every domain through here.

A domain service calls `write_audit` inside its own transaction, so the record commits or rolls
back with the change it describes. `where` says from where the change came ("cli", a client's IP
address, …); without it the origin of the current context is used (`origin("…")`, which the CLI
sets to "cli" and a web request to its client's address), else the column stays empty.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_origin: ContextVar[str | None] = ContextVar("trekant_audit_origin", default=None)


def write_audit(conn: Connection, actor: str, action: str, entity: str, entity_id: str = "",
                detail: dict | None = None, *, where: str | None = None) -> None:
    """One audit record: `actor` did `action` to `entity` `entity_id` (with `detail`), from `where`."""
    from trekant.store.schema.core import audit_log  # this module stays light: the CLI sets the origin early

    conn.execute(
        audit_log.insert().values(
            at=datetime.now(timezone.utc), actor=actor, action=action, entity=entity,
            entity_id=str(entity_id), detail=json.dumps(detail or {}, ensure_ascii=False, default=str),
            origin=where if where is not None else _origin.get(),
        )
    )


def set_origin(where: str | None) -> None:
    """The origin of every audit record this context writes from now on (the CLI: "cli")."""
    _origin.set(where)


@contextmanager
def origin(where: str | None) -> Iterator[None]:
    """Audit records written inside the block come from `where` (e.g. a web request's client address)."""
    token = _origin.set(where)
    try:
        yield
    finally:
        _origin.reset(token)
