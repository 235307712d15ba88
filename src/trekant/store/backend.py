"""Backend factory: one SQLAlchemy engine for either the GeoPackage file or PostGIS.

The SQLite connection gets the SQL functions that GeoPackage R-tree triggers call
(ST_IsEmpty, ST_MinX, …), WAL journal mode and foreign keys.
"""

from __future__ import annotations

import importlib
import sqlite3

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from trekant.store import gpkg_binary


def _env_part(index: int):
    def part(blob):
        env = gpkg_binary.envelope(blob)
        return None if env is None else env[index]

    return part


def _is_empty(blob) -> int | None:
    if blob is None:
        return None
    return 1 if gpkg_binary.envelope(blob) is None else 0


def register_gpkg_functions(con: sqlite3.Connection) -> None:
    """Register the functions GeoPackage triggers use, so inserts keep the R-tree in step."""
    con.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        con.create_function(name, 1, _env_part(index), deterministic=True)


def _on_sqlite_connect(dbapi_con: sqlite3.Connection, _record) -> None:
    dbapi_con.isolation_level = None  # we emit BEGIN ourselves: DDL then joins the transaction
    register_gpkg_functions(dbapi_con)
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA trusted_schema=ON")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create the engine for a store URL; SQLite gets the GeoPackage connection set-up."""
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    importlib.import_module("geoalchemy2")  # registers PostGIS types for reflection and Alembic
    return create_engine(url, pool_pre_ping=True)
