"""Partnership tables: organisations, partnerships and their municipalities, partners, funding and contacts.

`document` holds the validated partnership's public fields as JSON (themes, strengths, shares,
results, KPI links, sources, notes), so a partnership read back is the one written; the other
columns are for queries and QGIS. Contact persons live in their own table only, so that
nothing else ever carries personal data and `partnerships forget` can remove it completely.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, Double, ForeignKey, Integer, Table, Text, UniqueConstraint

from trekant.store.schema import metadata


def _id() -> Column:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _partnership_key() -> Column:
    return Column("partnership_key", Text, ForeignKey("partnership.key", ondelete="CASCADE"), nullable=False)


partnership_org = Table(
    "partnership_org",
    metadata,
    _id(),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),  # public_authority | company | education | association | research
    Column("cvr", Text),
    Column("municipality_code", Text),
    Column("url", Text, nullable=False, default=""),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

partnership = Table(
    "partnership",
    metadata,
    _id(),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("status", Text, nullable=False),  # idea | active | ended
    Column("themes", Text, nullable=False),  # comma separated, for SQL and QGIS readers
    Column("start_date", Date),
    Column("end_date", Date),
    Column("funding_total_dkk", Double, nullable=False, default=0.0),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("document", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

partnership_municipality = Table(
    "partnership_municipality",
    metadata,
    _id(),
    _partnership_key(),
    Column("municipality_code", Text, ForeignKey("municipality.code"), nullable=False),
    Column("share", Double),  # NULL: split evenly
    UniqueConstraint("partnership_key", "municipality_code"),
    sqlite_autoincrement=True,
)

partnership_partner = Table(
    "partnership_partner",
    metadata,
    _id(),
    _partnership_key(),
    Column("org_key", Text, ForeignKey("partnership_org.key"), nullable=False),
    Column("role", Text, nullable=False),  # lead | partner | funder
    UniqueConstraint("partnership_key", "org_key", "role"),
    sqlite_autoincrement=True,
)

partnership_funding = Table(
    "partnership_funding",
    metadata,
    _id(),
    _partnership_key(),
    Column("line", Integer, nullable=False),
    Column("source", Text, nullable=False),  # municipal | state | eu | private | foundation
    Column("year", Integer),
    Column("amount_dkk", Double, nullable=False),
    Column("municipality_code", Text),
    Column("funder_key", Text),
    Column("note", Text, nullable=False, default=""),
    UniqueConstraint("partnership_key", "line"),
    sqlite_autoincrement=True,
)

partnership_contact = Table(
    "partnership_contact",
    metadata,
    _id(),
    _partnership_key(),
    Column("name", Text, nullable=False),
    Column("email", Text, nullable=False, default=""),
    Column("phone", Text, nullable=False, default=""),
    Column("org_key", Text),
    Column("role", Text, nullable=False, default=""),
    sqlite_autoincrement=True,
)

PARTNERSHIP_TABLES = (partnership_org, partnership, partnership_municipality, partnership_partner,
                      partnership_funding, partnership_contact)
