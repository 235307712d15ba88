"""plan: versioned plan frames (kommuneplanrammer) and joint regional designations

Revision ID: 0100_plan_frames
Revises: 0001_foundation
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg
from trekant.store.geometry_type import Geometry

revision = "0100_plan_frames"
down_revision = "0001_foundation"
branch_labels = ("plan",)
depends_on = None


def _version_columns() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_to", sa.DateTime(timezone=True)),
        sa.Column("changed_by", sa.Text, nullable=False),
        sa.Column("change", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "plan_frame",
        sa.Column("fid", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("planid", sa.Text, nullable=False),
        *_version_columns(),
        sa.Column("komnr", sa.Text, nullable=False),
        sa.Column("plannr", sa.Text),
        sa.Column("plannavn", sa.Text),
        sa.Column("anvgen", sa.Integer),
        sa.Column("anvspec", sa.Integer),
        sa.Column("fzone", sa.Integer),
        sa.Column("zone", sa.Integer),
        sa.Column("bebygpct", sa.Double),
        sa.Column("maxetager", sa.Double),
        sa.Column("maxbygnhjd", sa.Double),
        sa.Column("minuds", sa.Double),
        sa.Column("minmiljo", sa.Integer),
        sa.Column("maxmiljo", sa.Integer),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("datoforsl", sa.Date),
        sa.Column("datovedt", sa.Date),
        sa.Column("datoikraft", sa.Date),
        sa.Column("datoaflyst", sa.Date),
        sa.Column("doklink", sa.Text),
        sa.Column("area_m2", sa.Double, nullable=False),
        sa.Column("geom", Geometry("MULTIPOLYGON")),
        sa.UniqueConstraint("planid", "version", name="uq_plan_frame_planid_version"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_plan_frame_current", "plan_frame", ["is_current", "komnr"])
    op.create_table(
        "plan_designation",
        sa.Column("fid", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("designation_id", sa.Text, nullable=False),
        *_version_columns(),
        sa.Column("theme", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("municipalities", sa.Text, nullable=False),
        sa.Column("area_m2", sa.Double, nullable=False),
        sa.Column("geom", Geometry("MULTIPOLYGON")),
        sa.UniqueConstraint("designation_id", "version", name="uq_plan_designation_designation_id_version"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_plan_designation_current", "plan_designation", ["is_current", "theme"])
    gpkg.register_features(bind, "plan_frame", description="Plan frames (kommuneplanrammer), every version")
    gpkg.register_features(bind, "plan_designation", description="Joint regional designations, every version")


def downgrade() -> None:
    bind = op.get_bind()
    for table in ("plan_designation", "plan_frame"):
        gpkg.unregister(bind, table)
        op.drop_index(f"ix_{table}_current", table_name=table)
        op.drop_table(table)
