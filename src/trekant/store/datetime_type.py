"""DATETIME cells as the GeoPackage standard writes them: `YYYY-MM-DDTHH:MM:SS.SSSZ`, in UTC.

SQLAlchemy's SQLite dialect stores `2026-11-29 23:46:33.012907`; GDAL parses that but warns
"Non-conformant content … successfully parsed" for every record (GeoPackage 1.3, requirement 5:
ISO 8601 with a T, milliseconds and Z). `use_geopackage_datetimes(engine)` makes every DateTime
column of a SQLite engine read and write the standard form, whatever domain defines it; values
come back as naive UTC datetimes, as before. PostgreSQL keeps its own timestamptz.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import types as sqltypes
from sqlalchemy.dialects.sqlite import DATETIME as SQLITE_DATETIME
from sqlalchemy.engine import Engine

# SQLite's own rendering of the standard form (used by the migration that converts older stores)
SQLITE_FORMAT = "%Y-%m-%dT%H:%M:%fZ"


def to_geopackage(value: datetime | date) -> str:
    """2026-11-29T23:46:33.012Z: UTC (naive values are taken as UTC), milliseconds, Z."""
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def from_geopackage(text: str) -> datetime:
    """The standard form, or the older `YYYY-MM-DD HH:MM:SS.ffffff`, as a naive UTC datetime."""
    parsed = datetime.fromisoformat(text.strip().removesuffix("Z"))
    return parsed.astimezone(timezone.utc).replace(tzinfo=None) if parsed.tzinfo else parsed


class GeoPackageDateTime(SQLITE_DATETIME):
    """SQLite DATETIME in the GeoPackage form (the column's declared type stays DATETIME)."""

    def bind_processor(self, dialect):
        def process(value):
            return None if value is None else value if isinstance(value, str) else to_geopackage(value)

        return process

    def result_processor(self, dialect, coltype):
        def process(value):
            return None if value is None else value if isinstance(value, datetime) else from_geopackage(value)

        return process


def use_geopackage_datetimes(engine: Engine) -> Engine:
    """Every DateTime of this SQLite engine in the GeoPackage form (the dialect instance's own type map)."""
    engine.dialect.colspecs = {**engine.dialect.colspecs, sqltypes.DateTime: GeoPackageDateTime}
    return engine
