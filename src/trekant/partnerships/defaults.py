"""`trekant init` for partnerships: the region's shipped register (real entries with sources, and demo ones).

Per region: data/<region key>/partnerships.yaml; a region without one gets an empty register.
Idempotent: entries are written by key and only when they differ from the stored ones, so a
second init changes nothing and writes no history. `--without-demo` leaves the demo entries out
and removes any stored ones.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlalchemy.engine import Connection

from trekant.errors import InputError, has_errors
from trekant.partnerships import assemble, repo, service
from trekant.partnerships.io import document
from trekant.store.audit import write_audit


def data_path(region: str) -> Path:
    return Path(str(resources.files("trekant.partnerships") / "data" / region / "partnerships.yaml"))


def _demo(raw: dict) -> bool:
    return raw.get("demo") is True


def load_defaults(conn: Connection, ctx) -> dict:
    """ctx: trekant.region.service.LoadContext (settings, dataset, with_demo, actor)."""
    path = data_path(ctx.dataset.definition.key)
    removed = 0
    if not ctx.with_demo:
        demo_partnerships, demo_orgs = repo.demo_keys(conn)
        removed = repo.delete_partnerships(conn, demo_partnerships) + repo.delete_orgs(conn, demo_orgs)
        if removed:
            write_audit(conn, ctx.actor, "partnerships.demo_removed", "partnership", "",
                                    dict(partnerships=len(demo_partnerships), organisations=len(demo_orgs)))
    if not path.is_file():
        return dict(partnerships=0, demo_removed=removed)
    raw_orgs, raw_partnerships = document.read(path)
    if not ctx.with_demo:
        raw_orgs = [r for r in raw_orgs if not _demo(r)]
        raw_partnerships = [r for r in raw_partnerships if not _demo(r)]
    built = assemble.from_document(raw_orgs, raw_partnerships, service.context(conn), str(path))
    if has_errors(built.issues):
        raise InputError.from_issues(str(path), built.issues)
    written = service.write(conn, built.organisations, built.partnerships, ctx.actor, "init", str(path))
    return dict(partnerships=len(built.partnerships), organisations=len(built.organisations),
                written=len(written["partnerships"]) + len(written["organisations"]),
                demo=sum(p.is_demo for p in built.partnerships), demo_removed=removed)
