"""`trekant init` for the infrastructure domain: the region's shipped project portfolio.

Projects are shipped per region (data/projects/<region key>/); a region without a folder gets
an empty portfolio. Idempotent: projects are written by key, so a second init refreshes them and
duplicates nothing. The shipped projects are real (published facts with sources); their
unpublished inputs are flagged illustrative inside each file, so they load with or without demo data.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlalchemy.engine import Connection

from trekant.infrastructure.service import read_files, write_checked

DEFAULT_REGION = "trekantomraadet"


def projects_dir(region: str = DEFAULT_REGION) -> Path:
    return Path(str(resources.files("trekant.infrastructure") / "data" / "projects" / region))


def load_defaults(conn: Connection, ctx) -> dict:
    folder = projects_dir(ctx.dataset.definition.key)
    if not folder.is_dir():
        return {"infra_projects": 0}
    projects, issues = read_files([folder])
    written = write_checked(conn, projects, issues, str(folder), ctx.actor, "init")
    return {"infra_projects": written}
