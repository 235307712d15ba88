"""infrastructure: project portfolio (feature layer), project municipalities and sources

Revision ID: 0300_infrastructure_portfolio
Revises: 0001_foundation
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg
from trekant.store.geometry_type import Geometry

revision = "0300_infrastructure_portfolio"
down_revision = "0001_foundation"
branch_labels = ("infrastructure",)
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "infra_project",
        sa.Column("fid", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text, nullable=False),
        sa.Column("mode", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("opening_year", sa.Integer, nullable=False),
        sa.Column("lifetime_years", sa.Integer, nullable=False),
        sa.Column("price_year", sa.Integer, nullable=False),
        sa.Column("construction_total_dkk", sa.Double, nullable=False),
        sa.Column("is_illustrative", sa.Boolean, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("geom", Geometry("GEOMETRY")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "infra_project_municipality",
        _id(),
        sa.Column("project_key", sa.Text, sa.ForeignKey("infra_project.key", ondelete="CASCADE"), nullable=False),
        sa.Column("municipality_code", sa.Text, sa.ForeignKey("municipality.code"), nullable=False),
        sa.UniqueConstraint("project_key", "municipality_code"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "infra_project_source",
        _id(),
        sa.Column("project_key", sa.Text, sa.ForeignKey("infra_project.key", ondelete="CASCADE"), nullable=False),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("publisher", sa.Text, nullable=False),
        sa.Column("year", sa.Integer),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("supports", sa.Text, nullable=False),
        sa.UniqueConstraint("project_key", "source_id"),
        sqlite_autoincrement=True,
    )
    gpkg.register_features(bind, "infra_project", geometry_type="GEOMETRY",
                           description="Infrastructure projects of the joint portfolio (lines and points)")
    gpkg.register_attributes(bind, "infra_project_municipality", "Municipalities each infrastructure project serves")
    gpkg.register_attributes(bind, "infra_project_source", "Sources of each infrastructure project's figures")


def downgrade() -> None:
    bind = op.get_bind()
    for table in ("infra_project_source", "infra_project_municipality"):
        gpkg.unregister(bind, table, column=None)
        op.drop_table(table)
    gpkg.unregister(bind, "infra_project")
    op.drop_table("infra_project")
