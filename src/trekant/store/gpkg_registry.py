"""Lay a SQLite store out as a GeoPackage and register tables in it (no-ops or GiST on PostGIS).

Migrations call these so that every spatial table is listed in gpkg_contents and
gpkg_geometry_columns, carries an R-tree kept in step by the standard triggers, and opens in
QGIS/GDAL as a layer in EPSG:25832. On PostgreSQL the same call creates a GiST index.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from trekant.store.geometry_type import STORE_SRID

BULK_RTREE_ROWS = 5_000

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10300  # GeoPackage 1.3

_CORE_DDL = [
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
        table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_extensions (
        table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
        definition TEXT NOT NULL, scope TEXT NOT NULL,
        CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
]


def _srs_rows() -> list[dict]:
    def wkt(code: int) -> str:
        from pyproj import CRS  # only when a store is built
        from pyproj.enums import WktVersion

        return CRS.from_epsg(code).to_wkt(WktVersion.WKT1_GDAL)

    return [
        dict(n="Undefined cartesian SRS", i=-1, o="NONE", c=-1, d="undefined", x="undefined cartesian coordinate reference system"),
        dict(n="Undefined geographic SRS", i=0, o="NONE", c=0, d="undefined", x="undefined geographic coordinate reference system"),
        dict(n="WGS 84 geodetic", i=4326, o="EPSG", c=4326, d=wkt(4326), x="longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
        dict(n="ETRS89 / UTM zone 32N", i=STORE_SRID, o="EPSG", c=STORE_SRID, d=wkt(STORE_SRID), x="the store CRS of trekant (as Plandata.dk and DAGI)"),
    ]


def is_sqlite(bind: Connection) -> bool:
    return bind.dialect.name == "sqlite"


def create_core(bind: Connection) -> None:
    """Create the GeoPackage core tables (SQLite) or the PostGIS extension (PostgreSQL)."""
    if not is_sqlite(bind):
        bind.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        return
    bind.exec_driver_sql(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
    bind.exec_driver_sql(f"PRAGMA user_version = {GPKG_USER_VERSION}")
    for ddl in _CORE_DDL:
        bind.exec_driver_sql(ddl)
    for row in _srs_rows():
        bind.execute(
            text(
                "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (:n, :i, :o, :c, :d, :x)"
            ),
            row,
        )


def _rtree_ddl(t: str, c: str, i: str) -> list[str]:
    r = f"rtree_{t}_{c}"
    vals = f"NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})"
    full = f"NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})"
    gone = f"NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c})"
    return [
        f"CREATE VIRTUAL TABLE {r} USING rtree(id, minx, maxx, miny, maxy)",
        f"CREATE TRIGGER {r}_insert AFTER INSERT ON {t} WHEN ({full}) "
        f"BEGIN INSERT OR REPLACE INTO {r} VALUES ({vals}); END",
        f"CREATE TRIGGER {r}_update1 AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND ({full}) "
        f"BEGIN INSERT OR REPLACE INTO {r} VALUES ({vals}); END",
        f"CREATE TRIGGER {r}_update2 AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND ({gone}) "
        f"BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END",
        f"CREATE TRIGGER {r}_update3 AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND ({full}) "
        f"BEGIN DELETE FROM {r} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {r} VALUES ({vals}); END",
        f"CREATE TRIGGER {r}_update4 AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND ({gone}) "
        f"BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END",
        f"CREATE TRIGGER {r}_delete AFTER DELETE ON {t} WHEN old.{c} NOT NULL "
        f"BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END",
    ]


def register_features(
    bind: Connection,
    table: str,
    column: str = "geom",
    geometry_type: str = "MULTIPOLYGON",
    pk: str = "fid",
    description: str = "",
) -> None:
    """Make `table` a GeoPackage feature layer with an R-tree, or give it a GiST index on PostGIS."""
    if not is_sqlite(bind):
        bind.execute(text(f"CREATE INDEX IF NOT EXISTS ix_{table}_{column}_gist ON {table} USING gist ({column})"))
        return
    bind.execute(
        text(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
            "VALUES (:t, 'features', :t, :d, :s)"
        ),
        dict(t=table, d=description, s=STORE_SRID),
    )
    bind.execute(
        text("INSERT INTO gpkg_geometry_columns VALUES (:t, :c, :g, :s, 0, 0)"),
        dict(t=table, c=column, g=geometry_type.upper(), s=STORE_SRID),
    )
    bind.execute(
        text(
            "INSERT INTO gpkg_extensions VALUES (:t, :c, 'gpkg_rtree_index', "
            "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')"
        ),
        dict(t=table, c=column),
    )
    for ddl in _rtree_ddl(table, column, pk):
        bind.exec_driver_sql(ddl)


def register_attributes(bind: Connection, table: str, description: str = "") -> None:
    """List a non-spatial table in gpkg_contents so QGIS shows it as an attribute table."""
    if not is_sqlite(bind):
        return
    bind.execute(
        text(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
            "VALUES (:t, 'attributes', :t, :d)"
        ),
        dict(t=table, d=description),
    )


def unregister(bind: Connection, table: str, column: str | None = "geom") -> None:
    """Undo register_features / register_attributes (for downgrades)."""
    if not is_sqlite(bind):
        return
    if column:
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS rtree_{table}_{column}")
        bind.execute(text("DELETE FROM gpkg_extensions WHERE table_name = :t"), dict(t=table))
        bind.execute(text("DELETE FROM gpkg_geometry_columns WHERE table_name = :t"), dict(t=table))
    bind.execute(text("DELETE FROM gpkg_contents WHERE table_name = :t"), dict(t=table))


def refresh_extent(bind: Connection, table: str, column: str = "geom") -> None:
    """Update the layer extent in gpkg_contents from its R-tree (QGIS zooms to it)."""
    if not is_sqlite(bind):
        return
    bind.execute(
        text(
            f"UPDATE gpkg_contents SET (min_x, max_x, min_y, max_y) = "
            f"(SELECT min(minx), max(maxx), min(miny), max(maxy) FROM rtree_{table}_{column}), "
            "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = :t"
        ),
        dict(t=table),
    )


def next_ids(bind: Connection, table: str, count: int, pk: str = "fid") -> range:
    """`count` fresh primary keys for an AUTOINCREMENT table (above every key it ever had)."""
    used = bind.exec_driver_sql(f"SELECT max({pk}) FROM {table}").scalar() or 0
    sequence = bind.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).scalar() or 0
    start = max(used, sequence) + 1
    return range(start, start + count)


def sql_literal(value) -> str:
    """A str, int or float as an SQL literal (for a value that is the same in every row)."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str) and "\0" not in value:
        return "'" + value.replace("'", "''") + "'"
    raise ValueError(f"cannot write {type(value).__name__} as an SQL literal")


def insert_features_bulk(bind: Connection, table: str, columns: list[str], values: list[list], envelopes,
                         constants: dict | None = None, column: str = "geom", pk: str = "fid") -> None:
    """Insert many rows into a GeoPackage feature table (SQLite) and fill its R-tree in one statement.

    The standard insert trigger calls five SQL functions (written in Python here) per row, which was
    most of a 100,000-feature import. GDAL defers its R-tree the same way when it bulk-loads. The
    trigger is dropped and re-created inside the caller's transaction, so no other connection ever
    sees the table without it, and a failure rolls both back. From BULK_RTREE_ROWS new rows on, the
    whole R-tree is rebuilt in one pass (gpkg_rtree.bulk_load: inserting them one by one into the
    R*-tree is slower than packing every entry again); fewer are inserted. `values` holds one list
    per column of `columns` (bound as they are: convert them first), `envelopes` is an (n, 4) array of
    minx, maxx, miny, maxy with NaN for a missing or empty geometry. `constants` are columns with one
    value for every row (the version columns of an import): written once into the statement, not bound
    per row.
    """
    import numpy as np  # noqa: PLC0415 - the bulk writers only: the module stays light for the CLI

    from trekant.store import gpkg_rtree  # noqa: PLC0415 - numpy too

    count = len(envelopes)
    if not count:
        return
    fids = next_ids(bind, table, count, pk)
    rtree = f"rtree_{table}_{column}"
    bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {rtree}_insert")
    constants = constants or {}
    names = ", ".join([pk, *columns, *constants])
    marks = ", ".join(["?"] * (len(columns) + 1) + [sql_literal(v) for v in constants.values()])
    bind.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(zip(fids, *values)))
    present = ~np.isnan(envelopes[:, 0])
    new_ids = np.asarray(fids, dtype=np.int64)[present]
    if len(new_ids) >= BULK_RTREE_ROWS:
        stored = bind.exec_driver_sql(f"SELECT id, minx, maxx, miny, maxy FROM {rtree}").fetchall()
        old = np.array(stored, dtype=float).reshape(-1, 5)
        boxes = np.vstack([old[:, 1:], envelopes[present]])
        gpkg_rtree.bulk_load(bind, rtree, np.concatenate([old[:, 0].astype(np.int64), new_ids]), *boxes.T)
    elif len(new_ids):
        bind.exec_driver_sql(f"INSERT INTO {rtree} VALUES (?, ?, ?, ?, ?)",
                             [(int(fid), *box) for fid, box in zip(new_ids, envelopes[present].tolist())])
    bind.exec_driver_sql(_rtree_ddl(table, column, pk)[1])
