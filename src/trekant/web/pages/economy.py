"""The growth and strengths page: indicators over time (municipalities, region, peers, Denmark),
the growth ranking, the claim check with every window it scanned, location quotients and
shift-share. The charts draw from the JSON API (the same use cases as `trekant economy …`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from trekant.economy import service
from trekant.settings import Settings
from trekant.web.deps import Principal, current_principal, reader_settings
from trekant.web.pages.render import render

router = APIRouter()


@router.get("/economy")
def economy_page(request: Request, settings: Settings = Depends(reader_settings),
                 principal: Principal = Depends(current_principal)):
    indicators = service.list_indicators(settings)
    totals = [i for i in indicators if i["key"] != service.INDUSTRY_INDICATOR]  # the industry split has its own charts
    return render(request, "economy.html", indicators=totals, default="fulltime_employees")
