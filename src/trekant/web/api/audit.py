"""/api/audit: the audit log as JSON for the administrator (the same use case as `trekant audit list`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from trekant.accounts.model import Principal
from trekant.audit import service as audit
from trekant.settings import Settings
from trekant.web.deps import get_settings, permits

router = APIRouter()


@router.get("/audit")
def audit_log(actor: str | None = None, entity: str | None = None, since: str | None = None,
              limit: int = Query(audit.PAGE, ge=1, le=10_000), offset: int = Query(0, ge=0),
              settings: Settings = Depends(get_settings), by: Principal = Depends(permits("audit.read"))) -> dict:
    """Entries newest first: id, at, actor, action, entity, entity_id, where, detail."""
    entries = audit.list_entries(settings, by, actor, entity, audit.parse_since(since, "since"), limit, offset)
    return dict(entries=entries, limit=limit, offset=offset)
