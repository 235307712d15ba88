"""The infrastructure page: the portfolio on the map, each project's CBA item by item with its
parameter set, risk (histogram, tornado) and the joint ranked list with weight sliders."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from trekant.infrastructure import service
from trekant.infrastructure.labels import label as infra_label
from trekant.settings import Settings
from trekant.web.api.common import shipped
from trekant.web.deps import Principal, current_principal, reader_settings
from trekant.web.pages.render import render, render_part

router = APIRouter()


@router.get("/infra")
def infra_page(request: Request, settings: Settings = Depends(reader_settings),
               principal: Principal = Depends(current_principal)):
    projects = service.project_summaries(settings)
    ranking = service.rank(settings).to_dict()
    return render(request, "infra.html", projects=projects, ranking=ranking, params=service.shipped_params(),
                  IL=lambda key: infra_label(key, settings.language))


@router.get("/parts/infra/cba")
def cba(request: Request, key: str = Query(...), params: str = Query("fm2023"),
        settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)):
    stored = service.get_project(settings, key)
    project, parameter_set, result = service.cba(settings, stored.key, shipped(params, service.shipped_params(), "parameter set"))
    return render_part(request, "cba", project=project, params=parameter_set, result=result.to_dict(),
                       IL=lambda k: infra_label(k, settings.language))
