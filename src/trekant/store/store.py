"""The Store: one engine, its transactions, and building or rebuilding a store safely.

Nothing is half-written: an SQLite store is rebuilt in a temporary file that replaces the old one
only after it is complete; PostgreSQL rebuilds run in one transaction (its DDL is transactional).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from trekant.errors import StoreError
from trekant.settings import Settings
from trekant.store import migrate
from trekant.store.backend import make_engine
from trekant.store.schema import all_tables

META_TABLE = "trekant_meta"


DAMAGED = ("malformed", "not a database", "file is encrypted", "disk image")


def store_problem(exc: DBAPIError, where: str) -> StoreError:
    """One line for a database error met while opening or using the store at `where`."""
    reason = str(getattr(exc, "orig", exc) or type(exc).__name__).strip().splitlines()
    reason = reason[0] if reason else type(exc).__name__
    if any(word in reason for word in DAMAGED):
        return StoreError(f"the store at {where} is damaged ({reason}): restore a copy, or rebuild it with "
                          "`trekant init --force` (what it held is lost)")
    return StoreError(f"cannot use the store at {where}: {reason}")


class Store:
    """Access to the database behind a URL: SQLite (GeoPackage file) or PostgreSQL (PostGIS).

    read_only: a GeoPackage store opened for reading only (see backend.make_engine)."""

    def __init__(self, url: str, read_only: bool = False):
        self.url = url
        self.read_only = read_only
        self.engine: Engine = make_engine(url, read_only=read_only)

    @classmethod
    def from_settings(cls, settings: Settings, read_only: bool = False) -> "Store":
        return cls(settings.store_url, read_only=read_only)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def path(self) -> Path | None:
        """The GeoPackage file path for SQLite stores."""
        return Path(make_url(self.url).database) if self.is_sqlite else None

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction: committed when the block ends, rolled back on any exception."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def exists(self) -> bool:
        """True when the store holds an initialised trekant schema."""
        if self.is_sqlite and not self.path.exists():
            return False
        try:
            with self.connect() as conn:
                return inspect(conn).has_table(META_TABLE)
        except DBAPIError as exc:
            raise store_problem(exc, self.describe()) from None

    def describe(self) -> str:
        return str(self.path) if self.is_sqlite else make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()

    def require(self) -> "Store":
        """Fail with a clear message when the store is missing or its schema is behind the code."""
        if not self.exists():
            raise StoreError(f"no trekant store at {self.describe()}; run `trekant init` first")
        try:
            with self.connect() as conn:
                current = migrate.is_current(conn)
        except DBAPIError as exc:
            raise store_problem(exc, self.describe()) from None
        if not current:
            raise StoreError(f"the store at {self.describe()} has an older schema; run `trekant init` to upgrade it")
        return self


SHARED_STORES_KEPT = 4  # per process; tests open many stores, a server one
_shared: OrderedDict[tuple[str, bool], tuple[Store, tuple | None]] = OrderedDict()
_shared_lock = threading.Lock()


def _file_identity(store: Store) -> tuple | None:
    """(pid, device, inode) of a GeoPackage file: it changes when `trekant init` replaces the file."""
    if not store.is_sqlite:
        return (os.getpid(),)
    try:
        stat = store.path.stat()
    except OSError:
        return None
    return (os.getpid(), stat.st_dev, stat.st_ino)


def shared_store(url: str, read_only: bool = False) -> Store:
    """The process-wide Store of a URL: one engine and connection pool per worker process, its schema
    checked once, instead of an engine created, checked and disposed for every request (about 25 ms).

    A GeoPackage file replaced by a rebuild (or removed) is noticed by its inode and reopened (or
    reported missing); a forked process gets its own engine.
    """
    key = (url, read_only)
    with _shared_lock:
        kept = _shared.get(key)
        if kept is not None and _file_identity(kept[0]) == kept[1]:
            _shared.move_to_end(key)
            return kept[0]
        if kept is not None:
            del _shared[key]
            kept[0].dispose()
        store = Store(url, read_only=read_only)
        try:
            store.require()
        except BaseException:
            store.dispose()
            raise
        _shared[key] = (store, _file_identity(store))
        while len(_shared) > SHARED_STORES_KEPT:
            _shared.popitem(last=False)[1][0].dispose()
        return store


def shared_in_this_process(path: Path) -> bool:
    """Whether this process holds the shared engine (the web server's pool, whose connections stay
    open between requests) of the GeoPackage at `path`. A second SQLite library in this process
    (GDAL's) must then not open the file: closing it, it would take itself for the last user
    (POSIX locks do not tell one process's connections apart) and remove the WAL files under those
    connections; later reads see stale pages or fail with 'database disk image is malformed'."""
    target = path.resolve()
    return any(store.is_sqlite and store.path.resolve() == target for store, _ in list(_shared.values()))


@contextmanager
def reading(settings: Settings) -> Iterator[Connection]:
    """A read-only connection to the initialised store (clear error if there is none); disposed afterwards,
    unless settings.shared_engine asks for the process-wide engine (the web server's workers).

    On a GeoPackage the file is opened read-only, so a store on a read-only share can be queried."""
    shared = settings.shared_engine
    store = shared_store(settings.store_url, read_only=True) if shared \
        else Store.from_settings(settings, read_only=True).require()
    try:
        with store.connect() as conn:
            yield conn
    except DBAPIError as exc:
        raise store_problem(exc, store.describe()) from None
    finally:
        if not shared:
            store.dispose()


@contextmanager
def writing(settings: Settings) -> Iterator[Connection]:
    """One transaction on the initialised store: committed at the end, rolled back on any error."""
    store = Store.from_settings(settings).require()
    try:
        with store.begin() as conn:
            yield conn
    finally:
        store.dispose()


def _drop_trekant_tables(conn: Connection) -> None:
    """Drop trekant's own tables (and Alembic's), leaving anything else in the database alone."""
    ours = set(all_tables()) | {"alembic_version"}
    for name in set(inspect(conn).get_table_names()) & ours:
        conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))


INIT_LOCK = 0x7472656B616E74  # "trekant": one advisory lock key for building or refreshing a PostGIS store


def serialise(conn: Connection) -> None:
    """Let one process at a time build or refresh the store (PostgreSQL advisory lock held to the end of
    the transaction; SQLite writers are already one at a time). Two first `trekant init`s at once
    otherwise both create the schema and one fails on a unique violation."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INIT_LOCK})


def rebuild(store: Store, build: Callable[[Connection], None], unless_built: bool = False) -> bool:
    """Create the schema from scratch and fill it with `build`, replacing any existing store atomically.

    unless_built: leave a store that another process finished meanwhile alone (returns False)."""
    if store.is_sqlite:
        _rebuild_sqlite(store, build)
        return True
    try:
        with store.begin() as conn:
            serialise(conn)
            if unless_built and inspect(conn).has_table(META_TABLE):
                return False
            _drop_trekant_tables(conn)
            migrate.upgrade(conn)
            build(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot build the store at {store.describe()}: {exc.orig if hasattr(exc, 'orig') else exc}") from None
    return True


def _rebuild_sqlite(store: Store, build: Callable[[Connection], None]) -> None:
    target = store.path
    ensure_writable_dir(target.parent)
    temp = target.with_name(f".{target.name}.building-{os.getpid()}")
    _remove_sqlite_files(temp)
    scratch = Store(f"sqlite:///{temp}")
    try:
        with scratch.begin() as conn:
            migrate.upgrade(conn)
            build(conn)
        scratch.dispose()
        _fold_wal(temp)
        store.dispose()
        _remove_sqlite_files(target, keep_main=True)
        os.replace(temp, target)
        _set_wal(target)
    except BaseException:
        scratch.dispose()
        _remove_sqlite_files(temp)
        raise


def _journal_mode(path: Path, mode: str) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute(f"PRAGMA journal_mode={mode}")
    finally:
        con.close()


def _fold_wal(path: Path) -> None:
    """Checkpoint the WAL into the main file and leave no -wal behind, so the file can be moved."""
    _journal_mode(path, "DELETE")


def _set_wal(path: Path) -> None:
    """WAL is persistent in the file: readers (QGIS) and a writer can then work side by side."""
    _journal_mode(path, "WAL")


def _remove_sqlite_files(path: Path, keep_main: bool = False) -> None:
    """Remove a SQLite file's WAL and shared-memory files (and the file itself unless keep_main)."""
    suffixes = ["-wal", "-shm", "-journal"] + ([] if keep_main else [""])
    for suffix in suffixes:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def ensure_writable_dir(folder: Path) -> None:
    """Create the data folder if needed and check it can be written, with a one-line error if not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".trekant-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(f"the data directory {folder} is not writable: {exc.strerror or exc}") from None
