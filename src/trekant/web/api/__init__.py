"""The JSON API under /api/: one router per domain, each calling that domain's service."""

from __future__ import annotations

from fastapi import APIRouter

from trekant.web.api import audit, economy, energy, infra, partnerships, plan, region, strategy


def build_router() -> APIRouter:
    router = APIRouter()
    router.include_router(region.router, tags=["region"])
    router.include_router(plan.router, tags=["plan"])
    router.include_router(energy.router, tags=["energy"])
    router.include_router(economy.router, tags=["economy"])
    router.include_router(infra.router, tags=["infrastructure"])
    router.include_router(strategy.router, tags=["strategy"])
    router.include_router(audit.router, tags=["audit"])
    router.include_router(partnerships.router, tags=["partnerships"])
    return router
