"""SQL of the plan module: versioned plan frames and designations on both backends.

Rows are never updated except to close a version (is_current false, valid_to set); history is
rebuilt from `valid_from`/`valid_to`. Geometry columns are Shapely MultiPolygons (EPSG:25832).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from sqlalchemy import LargeBinary, and_, bindparam, delete, func, or_, select, text, type_coerce
from sqlalchemy.engine import Connection

from trekant.plan.model import FRAME_COLUMNS, STORE_CRS
from trekant.store import gpkg_registry
from trekant.store.schema.plan import plan_designation, plan_frame

CHUNK = 5000
VERSION_COLUMNS = ("version", "is_current", "valid_from", "valid_to", "changed_by", "change", "source", "is_demo")
DESIGNATION_COLUMNS = ("designation_id", "theme", "name", "description", "municipalities")


def utc(moment: datetime | None) -> datetime | None:
    """Aware UTC datetimes everywhere (SQLite hands back naive ones)."""
    if moment is None or pd.isna(moment):
        return None
    if isinstance(moment, pd.Timestamp):
        moment = moment.to_pydatetime()
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def raw_geometry(table, dialect: str):
    """The geometry column as bytes, decoded in one vectorised call instead of row by row."""
    if dialect == "sqlite":
        return type_coerce(table.c.geom, LargeBinary).label("geom")
    return func.ST_AsBinary(table.c.geom, type_=LargeBinary).label("geom")


# GeoPackage binary (OGC 12-128r18 §2.1.3): 8 header bytes, then an envelope whose size the flags give.
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def wkb_offset(blob: bytes) -> int:
    return 8 + _ENVELOPE_BYTES[(blob[3] >> 1) & 0b111]


def decode_geometries(blobs: list, dialect: str) -> np.ndarray:
    """WKB (PostGIS) or GeoPackage binary (SQLite: header + envelope stripped) → Shapely, vectorised."""
    if dialect == "sqlite":
        blobs = [None if b is None else bytes(b)[wkb_offset(b):] for b in blobs]
    else:
        blobs = [None if b is None else bytes(b) for b in blobs]
    return shapely.from_wkb(np.array(blobs, dtype=object))


def _frame(rows, columns: Sequence[str], dialect: str) -> gpd.GeoDataFrame:
    rows = rows.all() if hasattr(rows, "all") else list(rows)
    data = pd.DataFrame([tuple(r)[:-1] for r in rows], columns=list(columns))
    geoms = decode_geometries([r[-1] for r in rows], dialect)
    for column in ("valid_from", "valid_to"):
        if column in data:
            data[column] = pd.to_datetime(data[column], utc=True).astype(object).where(data[column].notna(), None)
    for column in ("anvgen", "anvspec", "fzone", "zone", "minmiljo", "maxmiljo", "version"):
        if column in data:
            data[column] = pd.array(data[column], dtype="Int64")
    for column in ("bebygpct", "maxetager", "maxbygnhjd", "minuds", "area_m2"):
        if column in data:
            data[column] = pd.to_numeric(data[column], errors="coerce").astype(float)
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=STORE_CRS), crs=STORE_CRS)


FRAME_READ = ("fid", "planid", *VERSION_COLUMNS, *[c for c in FRAME_COLUMNS if c != "planid"], "area_m2")
DESIGNATION_READ = ("fid", *DESIGNATION_COLUMNS, *VERSION_COLUMNS, "area_m2")


# What the environmental-distance check reads (fewer columns and rows are most of the read time).
CHECK_READ = ("planid", "komnr", "anvgen", "maxmiljo", "is_demo")


def _select_frames(dialect: str, columns: Sequence[str] = FRAME_READ):
    return select(*[plan_frame.c[c] for c in columns], raw_geometry(plan_frame, dialect))


def _valid_at(table, moment: datetime):
    return and_(table.c.valid_from <= moment, or_(table.c.valid_to.is_(None), table.c.valid_to > moment))


def read_frames(conn: Connection, at: datetime | None = None, statuses: Iterable[str] | None = None,
                komnr: Iterable[str] | None = None, bbox: tuple[float, float, float, float] | None = None,
                columns: Sequence[str] = FRAME_READ) -> gpd.GeoDataFrame:
    """Current frames (or those valid at `at`), optionally by status, municipality or bounding box."""
    dialect = conn.dialect.name
    query = _select_frames(dialect, columns).where(plan_frame.c.is_current.is_(True) if at is None else _valid_at(plan_frame, at))
    if statuses is not None:
        query = query.where(plan_frame.c.status.in_(list(statuses)))
    if komnr is not None:
        query = query.where(plan_frame.c.komnr.in_(list(komnr)))
    if bbox is not None:
        query = query.where(in_box(plan_frame, dialect, bbox))
    return _frame(conn.execute(query.order_by(plan_frame.c.komnr, plan_frame.c.planid)), columns, dialect)


def read_check_frames(conn: Connection, statuses: Iterable[str], source_classes: Iterable[int],
                      sensitive_uses: Iterable[int], at: datetime | None = None) -> gpd.GeoDataFrame:
    """Only what the environmental-distance check reads: the frames that can take part in a
    conflict (maxmiljo in source_classes, whose recommended distance is above 0, or a sensitive
    use), with CHECK_READ columns.

    The current plan of a GeoPackage store is read by GDAL through Arrow (pyogrio): about 7× faster
    than fetching rows through SQLAlchemy and decoding them in Python, which made read + check
    slower than the same check as one PostGIS query (docs/performance.md). GDAL opens the file
    read-only beside the connection, so it sees committed rows only: fine for the read-only checks.
    """
    statuses, source_classes, sensitive_uses = list(statuses), list(source_classes), list(sensitive_uses)
    if at is None and conn.dialect.name == "sqlite" and conn.engine.url.database:
        return _read_check_frames_gdal(Path(conn.engine.url.database), statuses, source_classes, sensitive_uses)
    candidate = or_(plan_frame.c.maxmiljo.in_(source_classes), plan_frame.c.anvgen.in_(sensitive_uses))
    valid = plan_frame.c.is_current.is_(True) if at is None else _valid_at(plan_frame, at)
    query = _select_frames(conn.dialect.name, CHECK_READ).where(valid, plan_frame.c.status.in_(statuses), candidate)
    return _frame(conn.execute(query.order_by(plan_frame.c.komnr, plan_frame.c.planid)), CHECK_READ, conn.dialect.name)


def _sql_list(values: list) -> str:
    return ",".join(str(int(v)) if isinstance(v, (int, np.integer)) else "'" + str(v).replace("'", "''") + "'"
                    for v in values) or "NULL"


def _read_check_frames_gdal(path: Path, statuses: list[str], source_classes: list[int],
                            sensitive_uses: list[int]) -> gpd.GeoDataFrame:
    where = (f"is_current = 1 AND status IN ({_sql_list(statuses)}) AND (maxmiljo IN ({_sql_list(source_classes)}) "
             f"OR anvgen IN ({_sql_list(sensitive_uses)}))")
    read = pyogrio.read_dataframe(path, layer=plan_frame.name, columns=list(CHECK_READ), where=where, use_arrow=True)
    data = pd.DataFrame({
        "planid": read["planid"].astype(object), "komnr": read["komnr"].astype(object),
        "anvgen": pd.array(read["anvgen"], dtype="Int64"), "maxmiljo": pd.array(read["maxmiljo"], dtype="Int64"),
        "is_demo": read["is_demo"].astype(bool),
    })
    frames = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(read.geometry.to_numpy(), crs=STORE_CRS), crs=STORE_CRS)
    return frames.sort_values(["komnr", "planid"], ignore_index=True)


def in_box(table, dialect: str, bbox: tuple[float, float, float, float]):
    """Rows whose envelope meets the box, through the spatial index (GeoPackage R-tree / PostGIS GiST)."""
    xmin, ymin, xmax, ymax = (float(v) for v in bbox)
    if dialect == "sqlite":
        rtree = text(f"SELECT id FROM rtree_{table.name}_geom WHERE maxx >= :xmin AND minx <= :xmax "
                     "AND maxy >= :ymin AND miny <= :ymax").bindparams(xmin=xmin, xmax=xmax, ymin=ymin, ymax=ymax)
        return table.c.fid.in_(rtree)
    envelope = func.ST_MakeEnvelope(xmin, ymin, xmax, ymax, 25832)
    return table.c.geom.op("&&")(envelope)


def read_current_for(conn: Connection, keys: Sequence[str], table=plan_frame) -> gpd.GeoDataFrame:
    """The current version of each of these planids (or designation ids) that exists."""
    key, columns = ("planid", FRAME_READ) if table is plan_frame else ("designation_id", DESIGNATION_READ)
    dialect = conn.dialect.name
    select_all = select(*[table.c[c] for c in columns], raw_geometry(table, dialect))
    parts = [
        _frame(conn.execute(select_all.where(table.c.is_current.is_(True), table.c[key].in_(list(keys[i:i + CHUNK])))),
               columns, dialect)
        for i in range(0, len(keys), CHUNK)
    ]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _frame([], columns, dialect)
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=STORE_CRS)


def history(conn: Connection, planid: str) -> gpd.GeoDataFrame:
    """Every version of one frame, oldest first."""
    dialect = conn.dialect.name
    query = _select_frames(dialect).where(plan_frame.c.planid == planid).order_by(plan_frame.c.version)
    return _frame(conn.execute(query), FRAME_READ, dialect)


def close_versions(conn: Connection, table, fids: Sequence[int], valid_to: datetime) -> None:
    """End the current version of these rows (the only update the plan tables ever see)."""
    if not len(fids):
        return
    stmt = table.update().where(table.c.fid == bindparam("k_fid")).values(is_current=False, valid_to=valid_to)
    conn.execute(stmt, [{"k_fid": int(f)} for f in fids])


def insert_rows(conn: Connection, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        conn.execute(table.insert(), rows[start:start + CHUNK])


def refresh_extents(conn: Connection) -> None:
    gpkg_registry.refresh_extent(conn, "plan_frame")
    gpkg_registry.refresh_extent(conn, "plan_designation")


def read_designations(conn: Connection, at: datetime | None = None, themes: Iterable[str] | None = None) -> gpd.GeoDataFrame:
    dialect = conn.dialect.name
    query = select(*[plan_designation.c[c] for c in DESIGNATION_READ], raw_geometry(plan_designation, dialect))
    query = query.where(plan_designation.c.is_current.is_(True) if at is None else _valid_at(plan_designation, at))
    if themes is not None:
        query = query.where(plan_designation.c.theme.in_(list(themes)))
    return _frame(conn.execute(query.order_by(plan_designation.c.theme, plan_designation.c.designation_id)),
                  DESIGNATION_READ, dialect)


def delete_demo(conn: Connection) -> int:
    """Remove every demo row (frames and designations); init reloads or drops the demo plan."""
    removed = 0
    for table in (plan_frame, plan_designation):
        removed += conn.execute(delete(table).where(table.c.is_demo.is_(True))).rowcount or 0
    return removed


def change_moments(conn: Connection) -> list[datetime]:
    """Distinct moments at which frames changed (for KPI history and `plan land --list`)."""
    rows = conn.execute(select(plan_frame.c.valid_from).distinct().order_by(plan_frame.c.valid_from))
    return [utc(r[0]) for r in rows]


def python_value(value):
    """numpy/pandas scalars → plain Python for the database driver (NA → None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value
