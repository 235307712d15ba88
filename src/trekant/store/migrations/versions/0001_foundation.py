"""foundation: GeoPackage core, municipalities, area groups, indicators, audit log

Revision ID: 0001_foundation
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg
from trekant.store.geometry_type import Geometry

revision = "0001_foundation"
down_revision = None
branch_labels = ("foundation",)
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def upgrade() -> None:
    bind = op.get_bind()
    gpkg.create_core(bind)
    op.create_table(
        "trekant_meta",
        _id(),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("value", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "municipality",
        sa.Column("fid", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_statbank", sa.Text),
        sa.Column("in_region", sa.Boolean, nullable=False),
        sa.Column("geom", Geometry("MULTIPOLYGON")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "area_group",
        _id(),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "area_group_member",
        _id(),
        sa.Column("group_key", sa.Text, sa.ForeignKey("area_group.key", ondelete="CASCADE"), nullable=False),
        sa.Column("municipality_code", sa.Text, sa.ForeignKey("municipality.code"), nullable=False),
        sa.UniqueConstraint("group_key", "municipality_code"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "indicator",
        _id(),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name_da", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("frequency", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("licence", sa.Text, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "indicator_value",
        _id(),
        sa.Column("indicator_key", sa.Text, sa.ForeignKey("indicator.key", ondelete="CASCADE"), nullable=False),
        sa.Column("area_code", sa.Text, nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("breakdown", sa.Text, nullable=False),
        sa.Column("value", sa.Double),
        sa.UniqueConstraint("indicator_key", "area_code", "period", "breakdown"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_indicator_value_area", "indicator_value", ["area_code", "indicator_key"])
    op.create_table(
        "audit_log",
        _id(),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    gpkg.register_features(bind, "municipality", description="Municipal boundaries (DAGI, 1:500,000)")
    for table in ("trekant_meta", "area_group", "area_group_member", "indicator", "indicator_value", "audit_log"):
        gpkg.register_attributes(bind, table)


def downgrade() -> None:
    bind = op.get_bind()
    for table in ("audit_log", "indicator_value", "indicator", "area_group_member", "area_group", "trekant_meta"):
        gpkg.unregister(bind, table, column=None)
        op.drop_table(table)
    gpkg.unregister(bind, "municipality")
    op.drop_table("municipality")
