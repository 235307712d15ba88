"""SQL of the plan module: versioned plan layers, designations and quality findings on both backends.

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
from sqlalchemy import LargeBinary, Table, and_, bindparam, delete, func, or_, select, text, type_coerce
from sqlalchemy.engine import Connection

from trekant.plan.layers import CODE, FLAG, KOMMUNEPLANRAMME, LAYERS, MEASURE, PlanLayer
from trekant.plan.model import STORE_CRS, Finding
from trekant.store import gpkg_binary, gpkg_registry
from trekant.store.backend import gdal_open_options
from trekant.store.geometry_type import STORE_SRID
from trekant.store.schema.plan import plan_designation, plan_frame, plan_local_plan, plan_quality, plan_subarea, plan_zone
from trekant.store.store import shared_in_this_process

CHUNK = 5000
VERSION_COLUMNS = ("version", "is_current", "valid_from", "valid_to", "changed_by", "change", "source", "is_demo")
DESIGNATION_COLUMNS = ("designation_id", "theme", "name", "description", "municipalities", "consequence_m")
TABLES: dict[str, Table] = {"kommuneplanramme": plan_frame, "lokalplan": plan_local_plan, "delomraade": plan_subarea,
                            "zonekort": plan_zone}
INTEGER_COLUMNS = {c for spec in LAYERS.values() for c in spec.of_type(CODE)} | {"version"}
FLOAT_COLUMNS = {c for spec in LAYERS.values() for c in spec.of_type(MEASURE)} | {"area_m2", "consequence_m"}
FLAG_COLUMNS = {c for spec in LAYERS.values() for c in spec.of_type(FLAG)}


def table_of(layer: PlanLayer) -> Table:
    return TABLES[layer.kind]


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
    for column in data.columns:
        if column in INTEGER_COLUMNS:
            data[column] = pd.array(data[column], dtype="Int64")
        elif column in FLOAT_COLUMNS:
            data[column] = pd.to_numeric(data[column], errors="coerce").astype(float)
        elif column in FLAG_COLUMNS:
            data[column] = data[column].astype(object).where(data[column].notna(), None).map(
                lambda v: v if v is None else bool(v))
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=STORE_CRS), crs=STORE_CRS)


def read_columns(layer: PlanLayer) -> tuple[str, ...]:
    """What reading a layer returns: fid, planid, the version columns, its fields, area_m2 (+ geometry)."""
    return ("fid", "planid", *VERSION_COLUMNS, *[c for c in layer.columns if c != "planid"], "area_m2")


FRAME_READ = read_columns(KOMMUNEPLANRAMME)
DESIGNATION_READ = ("fid", *DESIGNATION_COLUMNS, *VERSION_COLUMNS, "area_m2")

# What the environmental-distance check reads (fewer columns and rows are most of the read time).
CHECK_READ = ("planid", "komnr", "anvgen", "maxmiljo", "status", "is_demo")


def _select(table, dialect: str, columns: Sequence[str]):
    return select(*[table.c[c] for c in columns], raw_geometry(table, dialect))


def _valid_at(table, moment: datetime):
    return and_(table.c.valid_from <= moment, or_(table.c.valid_to.is_(None), table.c.valid_to > moment))


def read_features(conn: Connection, layer: PlanLayer = KOMMUNEPLANRAMME, at: datetime | None = None,
                  statuses: Iterable[str] | None = None, komnr: Iterable[str] | None = None,
                  bbox: tuple[float, float, float, float] | None = None,
                  columns: Sequence[str] | None = None) -> gpd.GeoDataFrame:
    """Current features of a layer (or those valid at `at`), optionally by status, municipality or box."""
    table, dialect = table_of(layer), conn.dialect.name
    columns = columns or read_columns(layer)
    query = _select(table, dialect, columns).where(table.c.is_current.is_(True) if at is None else _valid_at(table, at))
    if statuses is not None:
        query = query.where(table.c.status.in_(list(statuses)))
    if komnr is not None:
        query = query.where(table.c.komnr.in_(list(komnr)))
    if bbox is not None:
        query = query.where(in_box(table, dialect, bbox))
    return _frame(conn.execute(query.order_by(table.c.komnr, table.c.planid)), columns, dialect)


def read_frames(conn: Connection, at: datetime | None = None, statuses: Iterable[str] | None = None,
                komnr: Iterable[str] | None = None, bbox: tuple[float, float, float, float] | None = None,
                columns: Sequence[str] = FRAME_READ) -> gpd.GeoDataFrame:
    """Current frames (kommuneplanrammer), or those valid at `at`."""
    return read_features(conn, KOMMUNEPLANRAMME, at, statuses, komnr, bbox, columns)


def read_check_frames(conn: Connection, statuses: Iterable[str], source_classes: Iterable[int],
                      sensitive_uses: Iterable[int], at: datetime | None = None) -> gpd.GeoDataFrame:
    """Only what the environmental-distance check reads: the frames that can take part in a
    conflict (maxmiljo in source_classes, whose recommended distance is above 0, or a sensitive
    use), with CHECK_READ columns.

    The current plan of a GeoPackage store is read by GDAL through Arrow (pyogrio): about 7× faster
    than fetching rows through SQLAlchemy and decoding them in Python, which made read + check
    slower than the same check as one PostGIS query (docs/performance.md). Not in a process that
    holds the file's shared engine (the web server, store.shared_in_this_process), whatever engine
    `conn` comes from: GDAL's own SQLite would remove the WAL files under the pool's open
    connections when it closes the file. GDAL opens the file
    read-only beside the connection, so it sees committed rows only: fine for the read-only checks.
    """
    statuses, source_classes, sensitive_uses = list(statuses), list(source_classes), list(sensitive_uses)
    path = Path(conn.engine.url.database) if conn.dialect.name == "sqlite" and conn.engine.url.database else None
    if at is None and path is not None and not shared_in_this_process(path):
        return _read_check_frames_gdal(path, statuses, source_classes, sensitive_uses)
    candidate = or_(plan_frame.c.maxmiljo.in_(source_classes), plan_frame.c.anvgen.in_(sensitive_uses))
    valid = plan_frame.c.is_current.is_(True) if at is None else _valid_at(plan_frame, at)
    query = _select(plan_frame, conn.dialect.name, CHECK_READ).where(valid, plan_frame.c.status.in_(statuses), candidate)
    return _frame(conn.execute(query.order_by(plan_frame.c.komnr, plan_frame.c.planid)), CHECK_READ, conn.dialect.name)


def _sql_list(values: list) -> str:
    return ",".join(str(int(v)) if isinstance(v, (int, np.integer)) else "'" + str(v).replace("'", "''") + "'"
                    for v in values) or "NULL"


def _read_check_frames_gdal(path: Path, statuses: list[str], source_classes: list[int],
                            sensitive_uses: list[int]) -> gpd.GeoDataFrame:
    where = (f"is_current = 1 AND status IN ({_sql_list(statuses)}) AND (maxmiljo IN ({_sql_list(source_classes)}) "
             f"OR anvgen IN ({_sql_list(sensitive_uses)}))")
    meta, table = pyogrio.raw.read_arrow(path, layer=plan_frame.name, columns=list(CHECK_READ), where=where,
                                         **gdal_open_options(path))
    geometry = [c for c in table.column_names if c not in CHECK_READ][0]

    def column(name, **kw):
        return table.column(name).to_numpy(zero_copy_only=False, **kw)

    def codes(name):
        return pd.array(table.column(name).to_pandas(), dtype="Int64")

    data = pd.DataFrame({"planid": pd.Series(column("planid"), dtype=object), "komnr": pd.Series(column("komnr"), dtype=object),
                         "anvgen": codes("anvgen"), "maxmiljo": codes("maxmiljo"),
                         "status": pd.Series(column("status"), dtype=object), "is_demo": column("is_demo").astype(bool)})
    geoms = shapely.from_wkb(column(geometry))
    frames = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=STORE_CRS), crs=STORE_CRS)
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


def current_keys(conn: Connection, table=plan_frame, key: str = "planid") -> set[str]:
    """Every key (planid or designation id) with a current version: one narrow query."""
    return set(conn.execute(select(table.c[key]).where(table.c.is_current.is_(True))).scalars())


def read_current_for(conn: Connection, keys: Sequence[str], table=plan_frame, columns: Sequence[str] | None = None) -> gpd.GeoDataFrame:
    """The current version of each of these planids (or designation ids) that exists."""
    key = "designation_id" if table is plan_designation else "planid"
    if columns is None:
        columns = DESIGNATION_READ if table is plan_designation else read_columns(_layer_of(table))
    dialect = conn.dialect.name
    stored = current_keys(conn, table, key)
    keys = [k for k in keys if k in stored]
    select_all = _select(table, dialect, columns)
    parts = [
        _frame(conn.execute(select_all.where(table.c.is_current.is_(True), table.c[key].in_(list(keys[i:i + CHUNK])))),
               columns, dialect)
        for i in range(0, len(keys), CHUNK)
    ]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _frame([], columns, dialect)
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=STORE_CRS)


def _layer_of(table) -> PlanLayer:
    return next(LAYERS[kind] for kind, t in TABLES.items() if t is table)


def last_versions(conn: Connection, table, keys: Sequence[str]) -> dict[str, int]:
    """The highest version each key ever had (a withdrawn plan that comes back continues its numbering)."""
    if not conn.execute(select(table.c.fid).where(table.c.is_current.is_(False)).limit(1)).first():
        return {}  # no closed version at all: nothing can come back
    found: dict[str, int] = {}
    for i in range(0, len(keys), CHUNK):
        query = (select(table.c.planid, func.max(table.c.version)).where(table.c.planid.in_(list(keys[i:i + CHUNK])))
                 .group_by(table.c.planid))
        found.update({k: int(v) for k, v in conn.execute(query)})
    return found


def history(conn: Connection, planid: str, layer: PlanLayer = KOMMUNEPLANRAMME) -> gpd.GeoDataFrame:
    """Every version of one feature of a layer, oldest first."""
    table, dialect = table_of(layer), conn.dialect.name
    query = _select(table, dialect, read_columns(layer)).where(table.c.planid == planid).order_by(table.c.version)
    return _frame(conn.execute(query), read_columns(layer), dialect)


def close_versions(conn: Connection, table, fids: Sequence[int], valid_to: datetime) -> None:
    """End the current version of these rows (the only update the plan tables ever see)."""
    if not len(fids):
        return
    stmt = table.update().where(table.c.fid == bindparam("k_fid")).values(is_current=False, valid_to=valid_to)
    conn.execute(stmt, [{"k_fid": int(f)} for f in fids])


def insert_rows(conn: Connection, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        conn.execute(table.insert(), rows[start:start + CHUNK])


def column_values(values: pd.Series) -> list:
    """A column as plain Python values for the driver (NA/NaN → None, numpy scalars → Python)."""
    if values.dtype.kind == "f":
        array = values.to_numpy(dtype=float)
        return [None if v != v else v for v in array.tolist()]  # NaN != NaN
    if isinstance(values.dtype, pd.Int64Dtype):
        return values.to_numpy(dtype=object, na_value=None).tolist()
    out = values.to_numpy(dtype=object).tolist()
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in ("string", "date", "boolean", "empty"):
        for row in np.flatnonzero(pd.isna(values).to_numpy()):  # None stays None; NaN and NA become None
            out[row] = None
        return out
    return [python_value(v) for v in out]


def insert_features(conn: Connection, table, columns: dict[str, list], geoms: np.ndarray) -> None:
    """Insert feature rows given column-wise (equal-length lists of plain Python values) + geometries.

    On a GeoPackage store the rows go in through one driver-level executemany with the R-tree filled
    in bulk (gpkg_registry.insert_features_bulk); each column's own SQLAlchemy bind processor still
    converts its values, so dates and times are stored exactly as SQLAlchemy stores them elsewhere.
    """
    names = list(columns)
    count = len(geoms)
    if conn.dialect.name != "sqlite":
        rows = [dict(zip(names, values)) | {"geom": g} for values, g in zip(zip(*[columns[c] for c in names]), geoms)]
        insert_rows(conn, table, rows)
        return
    varying, constants = {}, {}
    for name in names:
        processor = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)  # the dialect's own type
        values = _processed(processor, columns[name]) if processor else columns[name]
        first = values[0] if values else None
        if all(v is first or v == first for v in values) and (first is None or isinstance(first, (str, int, float))):
            if first is not None:  # a column empty throughout is left to its default (NULL)
                constants[name] = first
        else:
            varying[name] = values
    blobs = gpkg_binary.encode_many(geoms, STORE_SRID)
    bounds = np.full((count, 4), np.nan)
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if present.any():
        bounds[present] = shapely.bounds(geoms[present])[:, [0, 2, 1, 3]]
    gpkg_registry.insert_features_bulk(conn, table.name, [*varying, "geom"], [*varying.values(), blobs], bounds, constants)


def _processed(processor, values: list) -> list:
    """A bind processor over a column, once per distinct value (a column of 100,000 rows holds one
    import time and a few dozen dates)."""
    done: dict = {}
    out = []
    for v in values:
        try:
            out.append(done[v])
        except KeyError:
            out.append(done.setdefault(v, processor(v)))
        except TypeError:  # not hashable
            out.append(processor(v))
    return out


def refresh_extents(conn: Connection) -> None:
    for table in (*TABLES.values(), plan_designation):
        gpkg_registry.refresh_extent(conn, table.name)


def read_designations(conn: Connection, at: datetime | None = None, themes: Iterable[str] | None = None) -> gpd.GeoDataFrame:
    dialect = conn.dialect.name
    query = select(*[plan_designation.c[c] for c in DESIGNATION_READ], raw_geometry(plan_designation, dialect))
    query = query.where(plan_designation.c.is_current.is_(True) if at is None else _valid_at(plan_designation, at))
    if themes is not None:
        query = query.where(plan_designation.c.theme.in_(list(themes)))
    return _frame(conn.execute(query.order_by(plan_designation.c.theme, plan_designation.c.designation_id)),
                  DESIGNATION_READ, dialect)


def delete_demo(conn: Connection) -> int:
    """Remove every demo row (plan layers and designations); init reloads or drops the demo plan."""
    removed = 0
    for table in (*TABLES.values(), plan_designation):
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


FINDING_COLUMNS = ("layer", "komnr", "planid", "status", "code", "severity", "action", "field", "message", "source")


def _finding_key(row) -> tuple:
    return (row["layer"], row["komnr"], row["planid"], row["code"], row["action"], row["field"], row["message"])


def write_findings(conn: Connection, layer: str, findings: Sequence[Finding], komnr: Sequence[str], source: str,
                   now: datetime | None = None, statuses: Sequence[str] | None = None,
                   planids: Iterable[str] | None = None) -> dict:
    """Make the stored findings of this layer and these municipalities (and, without a municipality,
    of this source) the given ones: new ones are added, those no longer found are resolved (closed),
    the same ones are left alone, so re-importing the same export changes nothing.

    The scope is what the file covers, as for withdrawals: with `statuses` (a fetch covers one) only
    findings of plans of those statuses; with `planids` (a partial file) only findings of those plans,
    and of this source's features without a planid. Findings outside it are left alone."""
    now = now or datetime.now(timezone.utc)
    c = plan_quality.c
    covered = [c.komnr.in_(list(komnr))]
    if statuses is not None:
        covered.append(or_(c.status.in_(list(statuses)), and_(c.status.is_(None), c.source == source)))
    if planids is not None:
        covered.append(or_(c.planid.in_(sorted(set(planids))), and_(c.planid.is_(None), c.source == source)))
    scope = or_(and_(*covered), and_(c.komnr.is_(None), c.source == source))
    stored = conn.execute(select(plan_quality.c.id, *[plan_quality.c[c] for c in FINDING_COLUMNS])
                          .where(plan_quality.c.is_current.is_(True), plan_quality.c.layer == layer, scope)).mappings().all()
    wanted = {f.key(): f for f in findings}
    have = {_finding_key(r): r["id"] for r in stored}
    gone = [i for k, i in have.items() if k not in wanted]
    if gone:
        stmt = plan_quality.update().where(plan_quality.c.id == bindparam("k_id")).values(is_current=False, resolved_at=now)
        conn.execute(stmt, [{"k_id": i} for i in gone])
    new = [dict(f.to_dict(), is_current=True, found_at=now, resolved_at=None) for k, f in wanted.items() if k not in have]
    insert_rows(conn, plan_quality, new)
    return dict(new=len(new), resolved=len(gone), unchanged=len(have) - len(gone))


def read_findings(conn: Connection, komnr: Iterable[str] | None = None, codes: Iterable[str] | None = None,
                  layers: Iterable[str] | None = None, statuses: Iterable[str] | None = None) -> list[dict]:
    """The current findings, by municipality, plan, code and field."""
    query = select(*[plan_quality.c[c] for c in FINDING_COLUMNS], plan_quality.c.found_at).where(plan_quality.c.is_current.is_(True))
    if komnr is not None:
        query = query.where(plan_quality.c.komnr.in_(list(komnr)))
    if codes is not None:
        query = query.where(plan_quality.c.code.in_(list(codes)))
    if layers is not None:
        query = query.where(plan_quality.c.layer.in_(list(layers)))
    if statuses is not None:
        query = query.where(plan_quality.c.status.in_(list(statuses)))
    order = (plan_quality.c.layer, plan_quality.c.komnr, plan_quality.c.planid, plan_quality.c.code, plan_quality.c.field,
             plan_quality.c.id)
    return [dict(r, found_at=utc(r["found_at"])) for r in conn.execute(query.order_by(*order)).mappings()]
