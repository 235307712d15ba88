"""OGC API Features (Part 1 Core with GeoJSON, HTML and OpenAPI 3.0; Part 2 CRS by reference) under /ogc/.

The collections are the published spatial layers of `trekant.features`; this package only reads
requests and writes the standard's documents.
"""

from __future__ import annotations

from fastapi import APIRouter


def build_router() -> APIRouter:
    """The OGC API router: landing page, API definition, conformance, collections, items, item."""
    from trekant.web.ogc.routes import build_router as routes

    return routes()
