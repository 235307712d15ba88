"""The region overview page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from trekant.region import service
from trekant.settings import Settings
from trekant.web.deps import get_settings
from trekant.web.pages.render import render

router = APIRouter()


@router.get("/")
def overview(request: Request, settings: Settings = Depends(get_settings)):
    return render(request, "overview.html", region=service.describe_region(settings))
