"""HTML pages: server-rendered Jinja2, small scripts from /static, Plotly.js from /vendor/plotly."""

from __future__ import annotations

from fastapi import APIRouter

from trekant.web.pages import account, admin, economy, energy, infra, overview, partnerships, plan, reports


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)
    router.include_router(overview.router)
    router.include_router(plan.router)
    router.include_router(infra.router)
    router.include_router(energy.router)
    router.include_router(economy.router)
    router.include_router(account.router)
    router.include_router(admin.router)
    router.include_router(partnerships.router)
    router.include_router(reports.router)
    return router
