"""energy: an emission factor may hold for one municipality (district heat follows its heat area)

A district-heat factor follows from the supply of the heat area a municipality belongs to, so a
factor table may hold one factor per carrier, year and municipality ('' = every municipality).
The uniqueness rule changes with it, so the table is rebuilt (the same way on SQLite and
PostgreSQL): new table, rows copied, old table dropped, new table renamed.

Revision ID: 0201_energy_factor_municipality
Revises: 0200_energy_accounts
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from trekant.store import gpkg_registry as gpkg

revision = "0201_energy_factor_municipality"
down_revision = "0200_energy_accounts"
branch_labels = None
depends_on = None

COLUMNS = "table_name, table_version, carrier, year, value, unit, source, illustrative"


def _create(name: str, with_municipality: bool) -> None:
    extra = [sa.Column("municipality_code", sa.Text, nullable=False, server_default="")] if with_municipality else []
    unique = ("table_name", "table_version", "carrier", "year") + (("municipality_code",) if with_municipality else ())
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.Text, nullable=False),
        sa.Column("table_version", sa.Text, nullable=False),
        sa.Column("carrier", sa.Text, nullable=False),
        sa.Column("year", sa.Integer),
        *extra,
        sa.Column("value", sa.Double, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("illustrative", sa.Boolean, nullable=False),
        sa.UniqueConstraint(*unique, name=f"uq_{name}"),
        sqlite_autoincrement=True,
    )


def _swap(with_municipality: bool, where: str = "") -> None:
    """Rebuild energy_factor. The temporary name differs by direction, so PostgreSQL's index and
    sequence names (which keep the temporary name after the rename) never collide."""
    bind = op.get_bind()
    temporary = "energy_factor_v2" if with_municipality else "energy_factor_v1"
    _create(temporary, with_municipality)
    op.execute(f"INSERT INTO {temporary} ({COLUMNS}) SELECT {COLUMNS} FROM energy_factor {where}")
    gpkg.unregister(bind, "energy_factor", column=None)
    op.drop_table("energy_factor")
    op.rename_table(temporary, "energy_factor")
    gpkg.register_attributes(bind, "energy_factor")


def upgrade() -> None:
    _swap(with_municipality=True)


def downgrade() -> None:
    # Municipality-specific factors have no place in the older table: they are dropped.
    _swap(with_municipality=False, where="WHERE municipality_code = ''")
