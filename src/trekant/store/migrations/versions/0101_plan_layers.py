"""plan: Plandata's layer family (lokalplaner, delområder, zonekort), frame fields, data-quality findings,
consequence zones of production designations

Revision ID: 0101_plan_layers
Revises: 0100_plan_frames
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg
from trekant.store.geometry_type import Geometry

revision = "0101_plan_layers"
down_revision = "0100_plan_frames"
branch_labels = None
depends_on = None

FRAME_COLUMNS = (("plantype", sa.Text), ("bebygpctaf", sa.Integer), ("komplan_id", sa.Text))
LAYER_TABLES = {
    "plan_local_plan": "Lokalplaner (local plans), every version",
    "plan_subarea": "Lokalplan-delområder (local plan sub-areas), every version",
    "plan_zone": "Zonekort (byzone, landzone, sommerhusområde), every version",
}


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


def _rules() -> list[sa.Column]:
    return [
        sa.Column("anvgen", sa.Integer), sa.Column("anvspec", sa.Integer), sa.Column("zone", sa.Integer),
        sa.Column("bebygpct", sa.Double), sa.Column("bebygpctaf", sa.Integer), sa.Column("maxetager", sa.Double),
        sa.Column("maxbygnhjd", sa.Double), sa.Column("minuds", sa.Double), sa.Column("minmiljo", sa.Integer),
        sa.Column("maxmiljo", sa.Integer),
    ]


def _life() -> list[sa.Column]:
    return [
        sa.Column("status", sa.Text, nullable=False), sa.Column("datoforsl", sa.Date), sa.Column("datovedt", sa.Date),
        sa.Column("datoikraft", sa.Date), sa.Column("datoaflyst", sa.Date), sa.Column("doklink", sa.Text),
    ]


def _layer_table(name: str, middle: list[sa.Column]) -> None:
    op.create_table(
        name,
        sa.Column("fid", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("planid", sa.Text, nullable=False),
        *_version_columns(),
        sa.Column("komnr", sa.Text, nullable=False),
        *middle,
        sa.Column("area_m2", sa.Double, nullable=False),
        sa.Column("geom", Geometry("MULTIPOLYGON")),
        sa.UniqueConstraint("planid", "version", name=f"uq_{name}_planid_version"),
        sqlite_autoincrement=True,
    )
    op.create_index(f"ix_{name}_current", name, ["is_current", "komnr"])


def upgrade() -> None:
    bind = op.get_bind()
    for column, kind in FRAME_COLUMNS:
        op.add_column("plan_frame", sa.Column(column, kind))
    op.add_column("plan_designation", sa.Column("consequence_m", sa.Double))
    names = [sa.Column("plantype", sa.Text), sa.Column("plannr", sa.Text), sa.Column("plannavn", sa.Text)]
    flags = [sa.Column("kompleks", sa.Boolean), sa.Column("iomfangreg", sa.Boolean)]
    _layer_table("plan_local_plan", [*names, *_rules(), *_life(), *flags])
    names = [sa.Column("plantype", sa.Text), sa.Column("plannr", sa.Text), sa.Column("plannavn", sa.Text)]
    flags = [sa.Column("kompleks", sa.Boolean), sa.Column("iomfangreg", sa.Boolean)]
    _layer_table("plan_subarea", [sa.Column("lokplan_id", sa.Text), sa.Column("delnr", sa.Text), *names, *_rules(),
                                  *_life(), *flags])
    _layer_table("plan_zone", [sa.Column("zone", sa.Integer), sa.Column("status", sa.Text, nullable=False),
                               sa.Column("datoikraft", sa.Date), sa.Column("doklink", sa.Text)])
    op.create_table(
        "plan_quality",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("layer", sa.Text, nullable=False),
        sa.Column("komnr", sa.Text),
        sa.Column("planid", sa.Text),
        sa.Column("status", sa.Text),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("severity", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("field", sa.Text),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True)),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_plan_quality_current", "plan_quality", ["is_current", "layer", "komnr"])
    for table, description in LAYER_TABLES.items():
        gpkg.register_features(bind, table, description=description)
    gpkg.register_attributes(bind, "plan_quality", description="Data-quality findings of register mirrors")


def downgrade() -> None:
    bind = op.get_bind()
    gpkg.unregister(bind, "plan_quality", column=None)
    op.drop_index("ix_plan_quality_current", table_name="plan_quality")
    op.drop_table("plan_quality")
    for table in reversed(list(LAYER_TABLES)):
        gpkg.unregister(bind, table)
        op.drop_index(f"ix_{table}_current", table_name=table)
        op.drop_table(table)
    for column, _ in reversed(FRAME_COLUMNS):
        # SQLite (3.35+) drops a column in place; Alembic's batch mode would rebuild the table and
        # lose the GeoPackage R-tree triggers.
        bind.exec_driver_sql(f"ALTER TABLE plan_frame DROP COLUMN {column}")
    bind.exec_driver_sql("ALTER TABLE plan_designation DROP COLUMN consequence_m")
