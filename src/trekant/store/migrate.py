"""Run Alembic migrations programmatically on an open connection (all domain branches: 'heads')."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

SCRIPT_LOCATION = "trekant.store:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(connection: Connection, target: str = "heads") -> None:
    """Create or upgrade the schema inside the caller's transaction."""
    command.upgrade(alembic_config(connection), target)


def downgrade(connection: Connection, target: str = "base") -> None:
    command.downgrade(alembic_config(connection), target)


def current_heads(connection: Connection) -> set[str]:
    return set(MigrationContext.configure(connection).get_current_heads())


def code_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def is_current(connection: Connection) -> bool:
    return current_heads(connection) == code_heads()
