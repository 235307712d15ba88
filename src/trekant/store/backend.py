"""Backend factory: one SQLAlchemy engine for either the GeoPackage file or PostGIS.

The SQLite connection gets the SQL functions that GeoPackage R-tree triggers call
(ST_IsEmpty, ST_MinX, …), WAL journal mode and foreign keys.

Writers start every transaction with BEGIN IMMEDIATE: a deferred BEGIN that later wants to write
while another process holds the write lock fails at once with "database is locked" (SQLite does not
wait, to avoid a deadlock), so the 10 s busy timeout only applies when the write lock is asked for
up front. Readers open the file read-only (`mode=ro`), and `immutable=1` where that is safe and
needed: on a read-only folder or a full disk, where SQLite cannot create its `-shm` file, and only
when no `-wal` file holds changes not yet in the main file.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import urllib.parse
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import ArgumentError

from trekant.errors import StoreError
from trekant.store import gpkg_binary
from trekant.store.datetime_type import use_geopackage_datetimes

BUSY_TIMEOUT_MS = 10_000
SUPPORTED = "a postgresql+psycopg://user:password@host:5432/database URL, or unset for the GeoPackage file"


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
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA trusted_schema=ON")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _on_read_only_connect(dbapi_con: sqlite3.Connection, _record) -> None:
    dbapi_con.isolation_level = None
    register_gpkg_functions(dbapi_con)
    cur = dbapi_con.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA trusted_schema=ON")
    cur.close()


def check_url(url: str) -> str:
    """The URL if trekant can use it; StoreError naming TREKANT_DATABASE_URL otherwise (one line)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"TREKANT_DATABASE_URL is not a database URL ({url!r}); use {SUPPORTED}") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"TREKANT_DATABASE_URL names {backend!r}, which trekant does not support; use {SUPPORTED}")
    if backend == "postgresql" and parsed.get_driver_name() not in ("psycopg", "psycopg2"):
        raise StoreError(f"TREKANT_DATABASE_URL names the driver {parsed.get_driver_name()!r}; use {SUPPORTED}")
    return url


def _wal_has_changes(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _can_write_beside(path: Path) -> bool:
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def gdal_open_options(path: Path) -> dict[str, str]:
    """Open options for GDAL reading the store beside SQLAlchemy (pyogrio): immutable where SQLite's own
    readers are (a read-only folder or full disk, no pending WAL), instead of GDAL's warning and retry."""
    return {"IMMUTABLE": "YES"} if not _can_write_beside(path) and not _wal_has_changes(path) else {}


def _read_only_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection; immutable when SQLite could not keep its -shm/-wal files beside the store."""
    quoted = urllib.parse.quote(str(path))
    immutable = not _can_write_beside(path) and not _wal_has_changes(path)
    con = sqlite3.connect(f"file:{quoted}?mode=ro{'&immutable=1' if immutable else ''}", uri=True,
                          check_same_thread=False)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens -shm/-wal, meets a damaged file
    except sqlite3.OperationalError:
        con.close()
        if immutable or _wal_has_changes(path):
            raise
        # a full disk (or a file-size limit): no -shm can be made; the main file holds everything
        con = sqlite3.connect(f"file:{quoted}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return con


def make_engine(url: str, read_only: bool = False) -> Engine:
    """Create the engine for a store URL; SQLite gets the GeoPackage connection set-up.

    read_only: open the GeoPackage file read-only (PostgreSQL: no difference here; the role decides)."""
    check_url(url)
    if url.startswith("sqlite"):
        if read_only:
            path = Path(make_url(url).database)
            engine = create_engine(url, creator=lambda: _read_only_connect(path))
            event.listen(engine, "connect", _on_read_only_connect)
            event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
            return use_geopackage_datetimes(engine)
        engine = create_engine(url)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return use_geopackage_datetimes(engine)
    importlib.import_module("geoalchemy2")  # registers PostGIS types for reflection and Alembic
    return create_engine(url, pool_pre_ping=True)
