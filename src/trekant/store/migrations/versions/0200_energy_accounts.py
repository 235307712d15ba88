"""energy: emission-factor tables, activity data, targets and measures

Revision ID: 0200_energy_accounts
Revises: 0001_foundation
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg

revision = "0200_energy_accounts"
down_revision = "0001_foundation"
branch_labels = ("energy",)
depends_on = None

TABLES = ("energy_factor_table", "energy_factor", "energy_activity", "energy_target", "energy_measure")


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def upgrade() -> None:
    op.create_table(
        "energy_factor_table", _id(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("version", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("is_active", sa.Boolean, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_from", sa.Text, nullable=False),
        sa.UniqueConstraint("name", "version"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "energy_factor", _id(),
        sa.Column("table_name", sa.Text, nullable=False),
        sa.Column("table_version", sa.Text, nullable=False),
        sa.Column("carrier", sa.Text, nullable=False),
        sa.Column("year", sa.Integer),
        sa.Column("value", sa.Double, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("illustrative", sa.Boolean, nullable=False),
        sa.UniqueConstraint("table_name", "table_version", "carrier", "year"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "energy_activity", _id(),
        sa.Column("municipality_code", sa.Text, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("sector", sa.Text, nullable=False),
        sa.Column("carrier", sa.Text, nullable=False),
        sa.Column("quantity", sa.Double, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False),
        sa.UniqueConstraint("municipality_code", "year", "sector", "carrier"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_energy_activity_year", "energy_activity", ["year", "municipality_code"])
    op.create_table(
        "energy_target", _id(),
        sa.Column("municipality_code", sa.Text, nullable=False),
        sa.Column("base_year", sa.Integer, nullable=False),
        sa.Column("base_co2e_t", sa.Double),
        sa.Column("target_year", sa.Integer, nullable=False),
        sa.Column("reduction_pct", sa.Double, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False),
        sa.UniqueConstraint("municipality_code", "target_year"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "energy_measure", _id(),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("municipality_code", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sector", sa.Text, nullable=False),
        sa.Column("reduction_co2e_t_per_year", sa.Double, nullable=False),
        sa.Column("start_year", sa.Integer, nullable=False),
        sa.Column("ramp_years", sa.Integer, nullable=False),
        sa.Column("cost_dkk_per_year", sa.Double, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False),
        sa.UniqueConstraint("municipality_code", "key"),
        sqlite_autoincrement=True,
    )
    bind = op.get_bind()
    for table in TABLES:
        gpkg.register_attributes(bind, table)


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_energy_activity_year", "energy_activity")
    for table in reversed(TABLES):
        gpkg.unregister(bind, table, column=None)
        op.drop_table(table)
