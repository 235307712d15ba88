"""/api/strategy: the joint strategy's KPI board (`trekant strategy status`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from trekant.settings import Settings
from trekant.strategy import service
from trekant.web.deps import Principal, current_principal, reader_settings

router = APIRouter(prefix="/strategy")


@router.get("/status")
def status(settings: Settings = Depends(reader_settings), principal: Principal = Depends(current_principal)) -> dict:
    """Every KPI: latest value, target, required and actual trend, on track or not, and its source."""
    return service.status(settings)


@router.get("/sources")
def sources(principal: Principal = Depends(current_principal)) -> list[dict]:
    """The KPI sources the installed domains offer."""
    return service.list_sources()
