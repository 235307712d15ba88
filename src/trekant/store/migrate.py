"""Run Alembic migrations programmatically on an open connection (all domain branches: 'heads').

Checking that a store is current happens on every command, so it must be cheap: the revisions
held come from the `alembic_version` table and the code's heads from the revision files' own
`revision` / `down_revision` lines, without importing Alembic (about 0.3 s of start-up). Alembic
itself is loaded only to upgrade or downgrade.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

SCRIPT_LOCATION = "trekant.store:migrations"
VERSIONS_DIR = Path(__file__).parent / "migrations" / "versions"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(connection: Connection, target: str = "heads") -> None:
    """Create or upgrade the schema inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)


def downgrade(connection: Connection, target: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(connection), target)


def current_heads(connection: Connection) -> set[str]:
    """The revisions the store is at (empty for a store Alembic never ran on)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return set()
    return {row[0] for row in connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))}


def _revision_lines(path: Path) -> tuple[str | None, tuple[str, ...]]:
    """A revision file's `revision` and its parents (`down_revision`: None, one id or a tuple)."""
    values = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    values[target.id] = ast.literal_eval(node.value)
    down = values.get("down_revision")
    parents = () if down is None else (down,) if isinstance(down, str) else tuple(down)
    return values.get("revision"), parents


@lru_cache(maxsize=1)
def code_heads() -> frozenset[str]:
    """The revisions no other revision builds on: what an up-to-date store holds."""
    revisions, parents = set(), set()
    for path in VERSIONS_DIR.glob("*.py"):
        revision, down = _revision_lines(path)
        if revision:
            revisions.add(revision)
            parents.update(down)
    return frozenset(revisions - parents)


def is_current(connection: Connection) -> bool:
    return current_heads(connection) == code_heads()
