"""create_app(): the FastAPI application over one store, with the JSON API, OGC API and pages.

`trekant serve` runs it under uvicorn; with several workers each process calls
`create_app_from_env()`, so all settings travel through TREKANT_* environment variables and the
workers share nothing but the store (stateless: any worker, or machine, can answer any request).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from trekant import __version__
from trekant.settings import Settings, get_settings
from trekant.web import auth, errors, security
from trekant.web.api import build_router as api_router
from trekant.web.limits import MEGABYTE, BodyLimit
from trekant.web.ogc import build_router as ogc_router
from trekant.web.pages import build_router as pages_router

LOCAL_ADMIN_ENV = "TREKANT_WEB_LOCAL_ADMIN"
STATIC_DIR = Path(__file__).parent / "static"


def plotly_bundle() -> Path:
    """Plotly.js (with MapLibre) from the installed `plotly` package: served by us, never a CDN."""
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


def create_app(settings: Settings | None = None, *, local_admin: bool = False) -> FastAPI:
    """The web application over the store that `settings` point at."""
    app = FastAPI(title="trekant", version=__version__, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None,  # FastAPI's doc pages load scripts from a CDN: offline, the schema is the document
                  dependencies=[Depends(auth.csrf_protect)])  # every route: cookie-authenticated writes need CSRF
    # Workers read through one engine per process (stateless otherwise): no engine per request.
    app.state.settings = (settings or get_settings()).model_copy(update={"shared_engine": True})
    app.state.local_admin = local_admin
    auth.install(app)  # app.state.identify: session cookies and API tokens; app.state.clock
    errors.install(app)
    security.install(app)
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(BodyLimit, limit_bytes=int(app.state.settings.max_upload_mb * MEGABYTE))
    app.include_router(api_router(), prefix="/api")
    app.include_router(ogc_router(), prefix="/ogc")
    app.include_router(pages_router())
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/vendor/plotly", StaticFiles(directory=plotly_bundle().parent), name="plotly")
    return app


def create_app_from_env() -> FastAPI:
    """The factory uvicorn's workers call: settings and --local-admin come from the environment."""
    return create_app(get_settings(), local_admin=os.environ.get(LOCAL_ADMIN_ENV) == "1")
