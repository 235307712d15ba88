"""Infrastructure tables: the project portfolio (a GeoPackage feature layer), its municipalities and sources.

`document` holds the whole validated project as JSON (the YAML shape of docs/infrastructure.md),
so a project read back is exactly the project written; the other columns are for queries, QGIS
and the strategy KPI.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Double, ForeignKey, Integer, Table, Text, UniqueConstraint

from trekant.store.geometry_type import Geometry
from trekant.store.schema import metadata

infra_project = Table(
    "infra_project",
    metadata,
    Column("fid", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("name_en", Text, nullable=False, default=""),
    Column("mode", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("opening_year", Integer, nullable=False),
    Column("lifetime_years", Integer, nullable=False),
    Column("price_year", Integer, nullable=False),
    Column("construction_total_dkk", Double, nullable=False),
    Column("is_illustrative", Boolean, nullable=False),
    Column("document", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("geom", Geometry("GEOMETRY")),
    sqlite_autoincrement=True,
)

infra_project_municipality = Table(
    "infra_project_municipality",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project_key", Text, ForeignKey("infra_project.key", ondelete="CASCADE"), nullable=False),
    Column("municipality_code", Text, ForeignKey("municipality.code"), nullable=False),
    UniqueConstraint("project_key", "municipality_code"),
    sqlite_autoincrement=True,
)

infra_project_source = Table(
    "infra_project_source",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project_key", Text, ForeignKey("infra_project.key", ondelete="CASCADE"), nullable=False),
    Column("source_id", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("year", Integer),
    Column("url", Text, nullable=False, default=""),
    Column("supports", Text, nullable=False, default="[]"),
    UniqueConstraint("project_key", "source_id"),
    sqlite_autoincrement=True,
)
