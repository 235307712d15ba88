"""/api/region: the region and its municipalities (the same use case as `trekant region show`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from trekant.region import service
from trekant.settings import Settings
from trekant.web.deps import Principal, current_principal, get_settings

router = APIRouter()


@router.get("/region")
def region(settings: Settings = Depends(get_settings),
           principal: Principal = Depends(current_principal)) -> dict:
    """The region: key, name, and each municipality's code, name, area, latest population, neighbours."""
    return service.describe_region(settings)


@router.get("/region/outlines")
def outlines(settings: Settings = Depends(get_settings), principal: Principal = Depends(current_principal)) -> dict:
    """The region's municipalities as GeoJSON (WGS 84) with code and name, and the region's bounds."""
    return service.outlines(settings)


@router.get("/whoami")
def whoami(principal: Principal = Depends(current_principal)) -> dict:
    """Who the server thinks is asking: name, role, municipalities (for editors), how identified."""
    return dict(name=principal.name, role=principal.role,
                municipalities=sorted(principal.municipalities), via=principal.via)
