"""Tables of the joint municipal plan: plan frames (versioned) and joint regional designations.

A frame keeps Plandata.dk's attribute names (planid, komnr, anvgen, …) so real exports map
one to one. A change never overwrites a row: it adds a version (`version` + 1) and closes the
previous one (`is_current` false, `valid_to` set), so the plan at any date can be rebuilt.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, Double, Index, Integer, Table, Text, UniqueConstraint

from trekant.store.geometry_type import Geometry
from trekant.store.schema import metadata


def _version_columns() -> list[Column]:
    """Columns every versioned feature table shares: which version, valid when, written by whom."""
    return [
        Column("version", Integer, nullable=False),
        Column("is_current", Boolean, nullable=False),
        Column("valid_from", DateTime(timezone=True), nullable=False),
        Column("valid_to", DateTime(timezone=True)),
        Column("changed_by", Text, nullable=False),
        Column("change", Text, nullable=False),  # import | fetch | demo
        Column("source", Text, nullable=False, default=""),
        Column("is_demo", Boolean, nullable=False, default=False),
    ]


plan_frame = Table(
    "plan_frame",
    metadata,
    Column("fid", Integer, primary_key=True, autoincrement=True),
    Column("planid", Text, nullable=False),
    *_version_columns(),
    Column("komnr", Text, nullable=False),
    Column("plannr", Text),
    Column("plannavn", Text),
    Column("anvgen", Integer),
    Column("anvspec", Integer),
    Column("fzone", Integer),
    Column("zone", Integer),
    Column("bebygpct", Double),
    Column("maxetager", Double),
    Column("maxbygnhjd", Double),
    Column("minuds", Double),
    Column("minmiljo", Integer),
    Column("maxmiljo", Integer),
    Column("status", Text, nullable=False),  # Plandata's codes K, F, KV, V, A
    Column("datoforsl", Date),
    Column("datovedt", Date),
    Column("datoikraft", Date),
    Column("datoaflyst", Date),
    Column("doklink", Text),
    Column("area_m2", Double, nullable=False),
    Column("geom", Geometry("MULTIPOLYGON")),
    UniqueConstraint("planid", "version"),
    Index("ix_plan_frame_current", "is_current", "komnr"),
    sqlite_autoincrement=True,
)

plan_designation = Table(
    "plan_designation",
    metadata,
    Column("fid", Integer, primary_key=True, autoincrement=True),
    Column("designation_id", Text, nullable=False),
    *_version_columns(),
    Column("theme", Text, nullable=False),  # transport_logistics | wind | solar | ptx | green_corridor
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("municipalities", Text, nullable=False, default=""),  # komnr list, comma separated
    Column("area_m2", Double, nullable=False),
    Column("geom", Geometry("MULTIPOLYGON")),
    UniqueConstraint("designation_id", "version"),
    Index("ix_plan_designation_current", "is_current", "theme"),
    sqlite_autoincrement=True,
)
