"""The region overview: the map with its layers, the key figures and the strategy's KPI board.

The page itself is cheap (the region table); the key figures and the KPI board come as parts
(/parts/…, server-rendered HTML) that the page's script fetches beside the map layers, so the map
draws without waiting for them. Without scripts, the parts are links to the same HTML.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from trekant.economy import overview_service
from trekant.region import service
from trekant.settings import Settings
from trekant.strategy import service as strategy
from trekant.web.deps import Principal, current_principal, reader_settings
from trekant.web.pages.render import render, render_part

router = APIRouter()


@router.get("/")
def overview(request: Request, settings: Settings = Depends(reader_settings),
             principal: Principal = Depends(current_principal)):
    return render(request, "overview.html", region=service.describe_region(settings))


@router.get("/parts/key-figures")
def key_figures(request: Request, settings: Settings = Depends(reader_settings),
                principal: Principal = Depends(current_principal)):
    return render_part(request, "key_figures", figures=overview_service.key_figures(settings))


@router.get("/parts/kpi-board")
def kpi_board(request: Request, settings: Settings = Depends(reader_settings),
              principal: Principal = Depends(current_principal)):
    return render_part(request, "kpi_board", strategy=strategy.status(settings))
