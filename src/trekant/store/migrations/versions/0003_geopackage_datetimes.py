"""GeoPackage DATETIME cells in the standard form YYYY-MM-DDTHH:MM:SS.SSSZ (older stores held
'YYYY-MM-DD HH:MM:SS.ffffff', which GDAL parses with a "Non-conformant content" warning per record)

Every DATETIME column of every table is converted in place (SQLite only; PostgreSQL stores
timestamptz). Downgrade writes the older form back.

Revision ID: 0003_geopackage_datetimes
Revises: 0002_audit_origin
Create Date: 2026-11-30
"""

from alembic import op

revision = "0003_geopackage_datetimes"
down_revision = "0002_audit_origin"
branch_labels = None
depends_on = None

STANDARD = "%Y-%m-%dT%H:%M:%fZ"
OLDER = "%Y-%m-%d %H:%M:%f"


def _datetime_columns(bind) -> list[tuple[str, str]]:
    tables = [row[0] for row in bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'rtree_%'")]
    found = []
    for table in tables:
        for column in bind.exec_driver_sql(f'PRAGMA table_info("{table}")'):
            if str(column[2]).upper() in ("DATETIME", "TIMESTAMP"):
                found.append((table, column[1]))
    return found


def _convert(fmt: str, skip_like: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for table, column in _datetime_columns(bind):
        bind.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = strftime(\'{fmt}\', "{column}") '
                             f'WHERE "{column}" IS NOT NULL AND "{column}" NOT LIKE \'{skip_like}\' '
                             f'AND strftime(\'{fmt}\', "{column}") IS NOT NULL')


def upgrade() -> None:
    _convert(STANDARD, "%Z")


def downgrade() -> None:
    _convert(OLDER, "% %")
