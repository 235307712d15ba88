"""The administrator's pages: the audit log, filtered, and its CSV export."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from trekant.accounts.model import Principal
from trekant.audit import service as audit
from trekant.settings import Settings
from trekant.web.deps import get_settings, permits
from trekant.web.pages.render import render

router = APIRouter()


@router.get("/admin/audit")
def audit_page(request: Request, actor: str | None = None, entity: str | None = None, since: str | None = None,
               settings: Settings = Depends(get_settings), by: Principal = Depends(permits("audit.read"))):
    moment: datetime | None = audit.parse_since(since, "since")
    entries = audit.list_entries(settings, by, actor or None, entity or None, moment)
    return render(request, "admin_audit.html", entries=entries, actor=actor or "", entity=entity or "",
                  since=since or "", limit=audit.PAGE)


@router.get("/admin/audit.csv")
def audit_csv(actor: str | None = None, entity: str | None = None, since: str | None = None,
              settings: Settings = Depends(get_settings), by: Principal = Depends(permits("audit.read"))):
    entries = audit.list_entries(settings, by, actor or None, entity or None, audit.parse_since(since, "since"),
                                 limit=None)
    return Response(audit.csv_text(entries).encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="audit.csv"'})
