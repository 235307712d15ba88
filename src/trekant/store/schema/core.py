"""Foundation tables: store metadata, municipalities, area groups, indicators, audit log."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Integer,
    Table,
    Text,
    UniqueConstraint,
)

from trekant.store.geometry_type import Geometry
from trekant.store.schema import metadata

store_meta = Table(
    "trekant_meta",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("value", Text, nullable=False),
    sqlite_autoincrement=True,
)

municipality = Table(
    "municipality",
    metadata,
    Column("fid", Integer, primary_key=True, autoincrement=True),
    Column("code", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("name_statbank", Text),
    Column("in_region", Boolean, nullable=False, default=False),
    Column("geom", Geometry("MULTIPOLYGON")),
    sqlite_autoincrement=True,
)

area_group = Table(
    "area_group",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),  # region | peer | user
    Column("source", Text, nullable=False, default=""),
    sqlite_autoincrement=True,
)

area_group_member = Table(
    "area_group_member",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("group_key", Text, ForeignKey("area_group.key", ondelete="CASCADE"), nullable=False),
    Column("municipality_code", Text, ForeignKey("municipality.code"), nullable=False),
    UniqueConstraint("group_key", "municipality_code"),
    sqlite_autoincrement=True,
)

indicator = Table(
    "indicator",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name_da", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("frequency", Text, nullable=False),  # year | quarter | month
    Column("source", Text, nullable=False),
    Column("licence", Text, nullable=False),
    Column("is_demo", Boolean, nullable=False, default=False),
    sqlite_autoincrement=True,
)

indicator_value = Table(
    "indicator_value",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator_key", Text, ForeignKey("indicator.key", ondelete="CASCADE"), nullable=False),
    Column("area_code", Text, nullable=False),  # municipality code, or "DK" for Denmark
    Column("period", Text, nullable=False),  # 2018, 2018Q1, 2021M10
    Column("period_start", Date, nullable=False),
    Column("breakdown", Text, nullable=False, default=""),  # "" or e.g. "industry=C"
    Column("value", Double),
    UniqueConstraint("indicator_key", "area_code", "period", "breakdown"),
    sqlite_autoincrement=True,
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("entity", Text, nullable=False),
    Column("entity_id", Text, nullable=False, default=""),
    Column("detail", Text, nullable=False, default="{}"),
    Column("origin", Text),  # from where: "cli", a client's IP address, … (revision 0002)
    sqlite_autoincrement=True,
)
