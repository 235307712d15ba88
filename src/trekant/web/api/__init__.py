"""The JSON API under /api/: one router per domain, each calling that domain's service."""

from __future__ import annotations

from fastapi import APIRouter

from trekant.web.api import audit, partnerships, region


def build_router() -> APIRouter:
    router = APIRouter()
    router.include_router(region.router, tags=["region"])
    router.include_router(audit.router, tags=["audit"])
    router.include_router(partnerships.router, tags=["partnerships"])
    return router
