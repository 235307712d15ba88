"""economy: what an indicator's series measures — the basis of its areas (residence or workplace)
and whether it is seasonally adjusted (issue 14)

Revision ID: 0401_economy_indicator_basis
Revises: 0400_economy_indicator_rule
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0401_economy_indicator_basis"
down_revision = "0400_economy_indicator_rule"
branch_labels = None
depends_on = None

TABLE = "economy_indicator_rule"


def upgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column("basis", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("seasonally_adjusted", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("seasonally_adjusted")
        batch.drop_column("basis")
