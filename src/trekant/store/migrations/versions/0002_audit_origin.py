"""audit log: from where a change came (origin: "cli", a client's IP address, …)

Revision ID: 0002_audit_origin
Revises: 0001_foundation
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_audit_origin"
down_revision = "0001_foundation"
branch_labels = ("hardening",)  # the foundation chain of issue 9 (0002–0009)
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("origin", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("origin")
