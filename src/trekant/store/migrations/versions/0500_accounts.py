"""auth: accounts, their municipalities, API tokens, web sessions, login throttling

Revision ID: 0500_accounts
Revises: 0001_foundation
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0500_accounts"
down_revision = "0001_foundation"
branch_labels = ("auth",)
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _account_id() -> sa.Column:
    return sa.Column("account_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False)


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "account", _id(),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("password_hash", sa.Text),
        sa.Column("disabled", sa.Boolean, nullable=False),
        _at("created_at"), _at("updated_at"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "account_municipality", _id(), _account_id(),
        sa.Column("municipality_code", sa.Text, sa.ForeignKey("municipality.code"), nullable=False),
        sa.UniqueConstraint("account_id", "municipality_code"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "api_token", _id(), _account_id(),
        sa.Column("token_hash", sa.Text, nullable=False, unique=True),
        sa.Column("prefix", sa.Text, nullable=False),
        _at("created_at"), _at("expires_at", True), _at("revoked_at", True), _at("last_used_at", True),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "web_session", _id(),
        sa.Column("token_hash", sa.Text, nullable=False, unique=True),
        _account_id(),
        sa.Column("csrf_token", sa.Text, nullable=False),
        _at("created_at"), _at("last_seen_at"),
        sa.Column("address", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "login_throttle", _id(),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("failures", sa.Integer, nullable=False),
        _at("window_start"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    for table in ("login_throttle", "web_session", "api_token", "account_municipality", "account"):
        op.drop_table(table)
