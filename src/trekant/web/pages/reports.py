"""Report downloads, built on request: /reports/status.pdf|html and /reports/infra-brief.pdf|html.

The same use case as `trekant report …` (reports.service.build_bytes). Who is asking decides the
edition: anonymous users get the public one (published plans only, never drafts; no personal data
in either edition); ?lang=en (or the lang cookie) gives English."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from trekant.errors import NotFound
from trekant.lazy import lazy_module
from trekant.settings import Settings
from trekant.web.deps import Principal, current_principal, get_settings, language

service = lazy_module("trekant.reports.service")

router = APIRouter()

MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


def _respond(data: bytes, name: str, fmt: str, lang: str) -> Response:
    return Response(data, media_type=MEDIA_TYPES[fmt], headers={
        "Content-Disposition": f'attachment; filename="trekant-{name}-{lang}.{fmt}"', "Cache-Control": "no-store"})


def _format(fmt: str) -> str:
    if fmt not in MEDIA_TYPES:
        raise NotFound(f"no report format {fmt!r} (pdf, html)")
    return fmt


@router.get("/reports/status.{fmt}")
def status_report(fmt: str, request: Request, settings: Settings = Depends(get_settings),
                  principal: Principal = Depends(current_principal), year: int | None = Query(None, ge=1990, le=2100)):
    lang = language(request)
    data, _ = service.build_bytes(settings.model_copy(update={"language": lang}), "status", _format(fmt),
                                  published_only=not principal.sees_unpublished, year=year)
    return _respond(data, "status", fmt, lang)


@router.get("/reports/infra-brief.{fmt}")
def infra_brief(fmt: str, request: Request, settings: Settings = Depends(get_settings),
                principal: Principal = Depends(current_principal), projects: str | None = None,
                params: str | None = Query(None, pattern=r"^[A-Za-z0-9_-]+$")):
    """`params` names a shipped parameter set only (no file paths from the web)."""
    lang = language(request)
    keys = [k.strip() for k in projects.split(",") if k.strip()] if projects else None
    data, _ = service.build_bytes(settings.model_copy(update={"language": lang}), "infra-brief", _format(fmt),
                                  published_only=not principal.sees_unpublished, projects=keys, params=params)
    return _respond(data, "infra-brief", fmt, lang)
