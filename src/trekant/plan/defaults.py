"""`trekant init` for the plan module: load the demo plan, or remove it under --without-demo.

Idempotent through versioning: a second init compares the generated demo with the stored one
and writes nothing when they are equal.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from trekant.plan import demo, repo, service
from trekant.store.audit import write_audit

DEMO_SOURCE = "trekant demo plan (synthetic)"


def load_defaults(conn: Connection, ctx) -> dict:
    """ctx: trekant.region.service.LoadContext (settings, dataset, with_demo, actor)."""
    if not ctx.with_demo:
        removed = repo.delete_demo(conn)
        repo.refresh_extents(conn)
        if removed:
            write_audit(conn, ctx.actor, "plan.demo_removed", "plan_frame", DEMO_SOURCE, dict(rows=removed))
        return dict(demo=False, demo_rows_removed=removed)
    borders = {m.code: m.geom for m in ctx.dataset.municipalities}
    members = list(ctx.dataset.definition.members)
    names = {m.code: m.name for m in ctx.dataset.municipalities}
    frames = demo.generate_frames(borders, members, names)
    if not len(frames):
        return dict(demo=True, frames=0, designations=0)
    designations = demo.generate_designations(borders, members, frames)
    written = service.write_frames(conn, frames, ctx.actor, "demo", DEMO_SOURCE, is_demo=True)
    zones = service.write_designations(conn, designations, ctx.actor, "demo", DEMO_SOURCE, is_demo=True)
    return dict(demo=True, frames=len(frames), frames_written=written["imported"],
                designations=len(designations), designations_written=zones["imported"])
