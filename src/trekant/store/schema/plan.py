"""Tables of the joint municipal plan: Plandata's layers (versioned), joint regional designations,
and the data-quality findings of register mirrors.

One table per Plandata layer kind: kommuneplanrammer (`plan_frame`), lokalplaner
(`plan_local_plan`), lokalplan-delområder (`plan_subarea`) and the zone map (`plan_zone`). Each
keeps Plandata.dk's attribute names (planid, komnr, anvgen, …) so real exports map one to one.
A change never overwrites a row: it adds a version (`version` + 1) and closes the previous one
(`is_current` false, `valid_to` set), so the plan at any date can be rebuilt. (plan/layers.py
holds the same field lists for the domain; a test keeps the two in step.)
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


def _rule_columns() -> list[Column]:
    """The planning rules Plandata's kommuneplanramme, lokalplan and delområde layers share."""
    return [
        Column("anvgen", Integer), Column("anvspec", Integer), Column("zone", Integer),
        Column("bebygpct", Double), Column("bebygpctaf", Integer), Column("maxetager", Double),
        Column("maxbygnhjd", Double), Column("minuds", Double), Column("minmiljo", Integer), Column("maxmiljo", Integer),
    ]


def _life_columns() -> list[Column]:
    return [
        Column("status", Text, nullable=False),  # Plandata's codes K, F, KV, V, A
        Column("datoforsl", Date), Column("datovedt", Date), Column("datoikraft", Date), Column("datoaflyst", Date),
        Column("doklink", Text),
    ]


def _tail(table: str) -> list:
    return [
        Column("area_m2", Double, nullable=False),
        Column("geom", Geometry("MULTIPOLYGON")),
        UniqueConstraint("planid", "version"),
        Index(f"ix_{table}_current", "is_current", "komnr"),
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
    Column("plantype", Text),  # 10.1 kommuneplanramme (added by 0101_plan_layers, hence after geom)
    Column("bebygpctaf", Integer),  # what bebygpct is a percentage of (1 the area as a whole … 4 each plot)
    Column("komplan_id", Text),  # the kommuneplan (or its tillæg) the frame belongs to
    UniqueConstraint("planid", "version"),
    Index("ix_plan_frame_current", "is_current", "komnr"),
    sqlite_autoincrement=True,
)

def _layer_table(name: str, *middle: Column) -> Table:
    """A versioned layer table: fid, planid, the version columns, komnr, the layer's fields, area, geometry."""
    return Table(
        name,
        metadata,
        Column("fid", Integer, primary_key=True, autoincrement=True),
        Column("planid", Text, nullable=False),
        *_version_columns(),
        Column("komnr", Text, nullable=False),
        *middle,
        *_tail(name),
        sqlite_autoincrement=True,
    )


def _names() -> list[Column]:
    return [Column("plantype", Text), Column("plannr", Text), Column("plannavn", Text)]


def _flags() -> list[Column]:
    return [
        Column("kompleks", Boolean),  # the rules are too complex for the fields: read the PDF
        Column("iomfangreg", Boolean),  # the fields do not show all rules on the extent of building
    ]


plan_local_plan = _layer_table("plan_local_plan", *_names(), *_rule_columns(), *_life_columns(), *_flags())
plan_subarea = _layer_table(
    "plan_subarea",
    Column("lokplan_id", Text),  # the planid of the lokalplan the sub-area belongs to
    Column("delnr", Text),
    *_names(), *_rule_columns(), *_life_columns(), *_flags(),
)
plan_zone = _layer_table(
    "plan_zone",
    Column("zone", Integer),  # 1 byzone, 2 landzone, 3 sommerhusområde
    Column("status", Text, nullable=False),
    Column("datoikraft", Date),
    Column("doklink", Text),
)

plan_quality = Table(
    "plan_quality",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("layer", Text, nullable=False),  # kommuneplanramme | lokalplan | delomraade | zonekort
    Column("komnr", Text),
    Column("planid", Text),
    Column("status", Text),  # the feature's plan status, when known (who may see the finding)
    Column("code", Text, nullable=False),  # the rule's issue code (too-small, outside-municipality, …)
    Column("severity", Text, nullable=False),  # error | warning: how Plandata's rules rate it
    Column("action", Text, nullable=False),  # kept | repaired | value-removed | skipped
    Column("field", Text),
    Column("message", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("found_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Index("ix_plan_quality_current", "is_current", "layer", "komnr"),
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
    Column("consequence_m", Double),  # production areas: their consequence zone (added by 0101_plan_layers)
    UniqueConstraint("designation_id", "version"),
    Index("ix_plan_designation_current", "is_current", "theme"),
    sqlite_autoincrement=True,
)
