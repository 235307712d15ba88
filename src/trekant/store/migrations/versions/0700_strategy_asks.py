"""strategy: the region's asks to the state and the decisions they won

Revision ID: 0700_strategy_asks
Revises: 0001_foundation
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg

revision = "0700_strategy_asks"
down_revision = "0001_foundation"
branch_labels = ("strategy",)
depends_on = None

TABLE = "strategy_ask"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("project_key", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("asked_year", sa.Integer, nullable=False),
        sa.Column("decided_year", sa.Integer),
        sa.Column("is_demo", sa.Boolean, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    gpkg.register_attributes(op.get_bind(), TABLE, "Strategy: the region's asks to the state and the decisions won")


def downgrade() -> None:
    gpkg.unregister(op.get_bind(), TABLE, column=None)
    op.drop_table(TABLE)
