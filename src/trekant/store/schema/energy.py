"""Energy tables: emission-factor tables, activity data, targets and reduction measures.

Factors are data, not code: each factor belongs to a named, versioned table, and every emission
figure the platform shows names the table (name@version) it was computed with.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Double, Integer, Table, Text, UniqueConstraint

from trekant.store.schema import metadata

energy_factor_table = Table(
    "energy_factor_table",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("version", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("is_active", Boolean, nullable=False, default=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("imported_from", Text, nullable=False, default=""),
    UniqueConstraint("name", "version"),
    sqlite_autoincrement=True,
)

energy_factor = Table(
    "energy_factor",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("table_name", Text, nullable=False),
    Column("table_version", Text, nullable=False),
    Column("carrier", Text, nullable=False),
    Column("year", Integer),  # NULL: valid for every year
    Column("municipality_code", Text, nullable=False, default="", server_default=""),  # '': every municipality
    Column("value", Double, nullable=False),
    Column("unit", Text, nullable=False),  # e.g. "kg CO2/kWh", "kg CO2/TJ", "t CO2e/t CO2e"
    Column("source", Text, nullable=False),
    Column("illustrative", Boolean, nullable=False, default=False),
    UniqueConstraint("table_name", "table_version", "carrier", "year", "municipality_code",
                     name="uq_energy_factor_v2"),
    sqlite_autoincrement=True,
)

energy_activity = Table(
    "energy_activity",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("municipality_code", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("sector", Text, nullable=False),
    Column("carrier", Text, nullable=False),
    Column("quantity", Double, nullable=False),
    Column("unit", Text, nullable=False),
    Column("source", Text, nullable=False, default=""),
    Column("is_demo", Boolean, nullable=False, default=False),
    UniqueConstraint("municipality_code", "year", "sector", "carrier"),
    sqlite_autoincrement=True,
)

energy_target = Table(
    "energy_target",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("municipality_code", Text, nullable=False),
    Column("base_year", Integer, nullable=False),
    Column("base_co2e_t", Double),  # NULL: take the base year from the accounts
    Column("target_year", Integer, nullable=False),
    Column("reduction_pct", Double, nullable=False),  # against the base year
    Column("source", Text, nullable=False, default=""),
    Column("is_demo", Boolean, nullable=False, default=False),
    UniqueConstraint("municipality_code", "target_year"),
    sqlite_autoincrement=True,
)

energy_measure = Table(
    "energy_measure",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),
    Column("municipality_code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("sector", Text, nullable=False),
    Column("reduction_co2e_t_per_year", Double, nullable=False),  # at full effect
    Column("start_year", Integer, nullable=False),
    Column("ramp_years", Integer, nullable=False, default=1),
    Column("cost_dkk_per_year", Double, nullable=False),  # annualised net cost
    Column("source", Text, nullable=False, default=""),
    Column("is_demo", Boolean, nullable=False, default=False),
    UniqueConstraint("municipality_code", "key"),
    sqlite_autoincrement=True,
)

ENERGY_TABLES = (energy_factor_table, energy_factor, energy_activity, energy_target, energy_measure)
