"""economy: how indicators combine into group values (additive or not), and their classification

Revision ID: 0400_economy_indicator_rule
Revises: 0001_foundation
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg

revision = "0400_economy_indicator_rule"
down_revision = "0001_foundation"
branch_labels = ("economy",)
depends_on = None

TABLE = "economy_indicator_rule"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("indicator_key", sa.Text, sa.ForeignKey("indicator.key", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("additive", sa.Boolean, nullable=False),
        sa.Column("classification", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    gpkg.register_attributes(op.get_bind(), TABLE, "Economy: how each indicator combines into group values")


def downgrade() -> None:
    gpkg.unregister(op.get_bind(), TABLE, column=None)
    op.drop_table(TABLE)
