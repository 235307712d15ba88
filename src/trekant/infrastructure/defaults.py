"""`trekant init` for the infrastructure domain: the region's shipped project portfolio.

Idempotent: projects are written by key, so a second init refreshes them and duplicates nothing.
The shipped projects are real (published facts with sources); their unpublished inputs are
flagged illustrative inside each file, so they load with or without demo data.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlalchemy.engine import Connection

from trekant.infrastructure.service import read_files, write_checked


def projects_dir() -> Path:
    return Path(str(resources.files("trekant.infrastructure") / "data" / "projects"))


def load_defaults(conn: Connection, ctx) -> dict:
    projects, issues = read_files([projects_dir()])
    written = write_checked(conn, projects, issues, str(projects_dir()), ctx.actor, "init")
    return {"infra_projects": written}
