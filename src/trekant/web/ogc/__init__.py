"""OGC API Features (Part 1 Core, Part 2 CRS by reference) under /ogc/."""

from __future__ import annotations

from fastapi import APIRouter


def build_router() -> APIRouter:
    """The OGC API router (being built: landing page, conformance, collections, items)."""
    return APIRouter()
