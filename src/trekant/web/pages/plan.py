"""The joint plan page: the frames on the map with their rules, what applies at a point, the site
finder, the cross-border checks, the land account, a frame's history, downloads and the upload.

The answers to a person's questions (site finder, a point, a frame's history) are parts
(/parts/plan/…): server-rendered HTML that the page's script fetches, and that a plain form
also reaches without scripts.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from trekant.plan import maps, reports, service
from trekant.plan.labels import t
from trekant.plan.model import LIVE_STATUSES, CheckOptions
from trekant.settings import Settings
from trekant.web.api.common import listed
from trekant.web.deps import Principal, current_principal, reader_settings
from trekant.web.pages.render import render, render_part

router = APIRouter()


@router.get("/plan")
def plan_page(request: Request, settings: Settings = Depends(reader_settings),
              principal: Principal = Depends(current_principal)):
    visible = CheckOptions(statuses=service.visible_statuses(not principal.sees_unpublished, None))
    return render(request, "plan.html", check=reports.check(settings, visible).to_dict(),
                  land=reports.land(settings, published_only=not principal.sees_unpublished), codes=maps.code_names(settings.language), quality=_quality(settings, principal),
                  quality_rows=QUALITY_ROWS, words={k: t(k, settings.language) for k in CHECK_WORDS})


# the check's own words (plan/labels.py), as `plan check` prints them
CHECK_WORDS = ("cannot_check", "not_comparable", "consequence_conflicts", "production", "production_areas")


QUALITY_ROWS = 200  # findings listed on a page; the counts cover all, /api/plan/quality lists all


def _quality(settings: Settings, principal: Principal, municipality: str | None = None, code: str | None = None,
             layer: str | None = None) -> dict:
    """`plan quality` for the page: anonymous readers see the findings of published plans only."""
    return service.quality_findings(settings, municipality or None, listed(code, "code"), layer or None,
                                    published_only=not principal.sees_unpublished)


@router.get("/parts/plan/quality")
def quality(request: Request, municipality: str | None = Query(None), code: str | None = Query(None),
            layer: str | None = Query(None), settings: Settings = Depends(reader_settings),
            principal: Principal = Depends(current_principal)):
    found = _quality(settings, principal, municipality, code, layer)
    return render_part(request, "quality", quality=found, quality_rows=QUALITY_ROWS, codes=maps.code_names(settings.language))


@router.get("/parts/plan/site-finder")
def site_finder(request: Request, env_class: int = Query(...), use: int | None = Query(None),
                min_area_ha: float = Query(0.0), settings: Settings = Depends(reader_settings),
                principal: Principal = Depends(current_principal)):
    found = reports.where(settings, env_class, use, min_area_ha,
                          service.visible_statuses(not principal.sees_unpublished, LIVE_STATUSES))
    return render_part(request, "site_finder", found=found, codes=maps.code_names(settings.language))


@router.get("/parts/plan/at")
def at_point(request: Request, x: float = Query(...), y: float = Query(...), crs: str = Query("EPSG:4326"),
             settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)):
    visible = CheckOptions(statuses=service.visible_statuses(not principal.sees_unpublished, None))
    return render_part(request, "at_point", here=reports.at(settings, x, y, crs, visible),
                       codes=maps.code_names(settings.language))


@router.get("/parts/plan/history")
def history(request: Request, planid: str = Query(..., min_length=1), settings: Settings = Depends(reader_settings),
            principal: Principal = Depends(current_principal)):
    versions = reports.records(reports.frame_history(settings, planid, published_only=not principal.sees_unpublished))
    return render_part(request, "history", planid=planid, versions=versions, codes=maps.code_names(settings.language))
