"""partnerships: organisations, partnerships, their municipalities, partners, funding and contact persons

Revision ID: 0600_partnerships_register
Revises: 0001_foundation
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg

revision = "0600_partnerships_register"
down_revision = "0001_foundation"
branch_labels = ("partnerships",)
depends_on = None

DESCRIPTIONS = {
    "partnership_org": "Partnerships: organisations (companies with their CVR number, authorities, schools, associations)",
    "partnership": "Partnerships under the joint strategy's umbrella",
    "partnership_municipality": "Partnerships: participating municipalities and their funding shares",
    "partnership_partner": "Partnerships: organisations taking part, with their role",
    "partnership_funding": "Partnerships: funding by source and year (DKK)",
    "partnership_contact": "Partnerships: contact persons (personal data)",
}


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _partnership_key() -> sa.Column:
    return sa.Column("partnership_key", sa.Text, sa.ForeignKey("partnership.key", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "partnership_org", _id(),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("cvr", sa.Text),
        sa.Column("municipality_code", sa.Text),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "partnership", _id(),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("themes", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("funding_total_dkk", sa.Double, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "partnership_municipality", _id(), _partnership_key(),
        sa.Column("municipality_code", sa.Text, sa.ForeignKey("municipality.code"), nullable=False),
        sa.Column("share", sa.Double),
        sa.UniqueConstraint("partnership_key", "municipality_code"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "partnership_partner", _id(), _partnership_key(),
        sa.Column("org_key", sa.Text, sa.ForeignKey("partnership_org.key"), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.UniqueConstraint("partnership_key", "org_key", "role"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "partnership_funding", _id(), _partnership_key(),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("year", sa.Integer),
        sa.Column("amount_dkk", sa.Double, nullable=False),
        sa.Column("municipality_code", sa.Text),
        sa.Column("funder_key", sa.Text),
        sa.Column("note", sa.Text, nullable=False),
        sa.UniqueConstraint("partnership_key", "line"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "partnership_contact", _id(), _partnership_key(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("org_key", sa.Text),
        sa.Column("role", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    bind = op.get_bind()
    for table, description in DESCRIPTIONS.items():
        gpkg.register_attributes(bind, table, description)


def downgrade() -> None:
    bind = op.get_bind()
    for table in reversed(tuple(DESCRIPTIONS)):
        gpkg.unregister(bind, table, column=None)
        op.drop_table(table)
