"""SQL of the point query (what applies at a point): the plan layers, designations and municipalities
near a point as plain rows and Shapely arrays, on both backends.

The web asks this once per click, so it is built for that: only the rows whose spatial-index
envelope (GeoPackage R-tree, PostGIS GiST) meets a small box are read, with the columns the answer
shows; each statement is built once per table, columns and dialect with bound parameters, so
SQLAlchemy compiles it once per process; rows stay tuples (no pandas, no GeoDataFrame: building
those cost most of the 80 ms a point query took) and the geometries are decoded in one vectorised
call. plan.repo keeps the GeoDataFrame reads the whole-plan checks and exports work on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import shapely
from shapely.geometry import Point
from sqlalchemy import Double, Table, bindparam, column, func, select, table
from sqlalchemy.engine import Connection

from trekant.plan.point import Rows
from trekant.plan.repo import decode_geometries, raw_geometry
from trekant.store.geometry_type import STORE_SRID
from trekant.store.schema.core import municipality

Box = tuple[float, float, float, float]


def point_box(point: Point) -> Box:
    return point.x, point.y, point.x, point.y


def _rtree(name: str):
    return table(f"rtree_{name}_geom", column("id"), column("minx"), column("maxx"), column("miny"), column("maxy"))


def _in_box(source: Table, dialect: str):
    """Rows whose envelope meets the box given as the parameters xmin, ymin, xmax, ymax.

    On a GeoPackage the R-tree is asked in a subquery SQLite runs once (fid IN (…)); on PostGIS the
    GiST index answers `&&`."""
    xmin, ymin, xmax, ymax = (bindparam(k, type_=Double()) for k in ("xmin", "ymin", "xmax", "ymax"))
    if dialect == "sqlite":
        rtree = _rtree(source.name)
        return source.c.fid.in_(select(rtree.c.id).where(rtree.c.maxx >= xmin, rtree.c.minx <= xmax,
                                                         rtree.c.maxy >= ymin, rtree.c.miny <= ymax))
    return source.c.geom.op("&&")(func.ST_MakeEnvelope(xmin, ymin, xmax, ymax, STORE_SRID))


@lru_cache(maxsize=64)
def _statement(source: Table, columns: tuple[str, ...], dialect: str, by_status: bool, order: tuple[str, ...]):
    """The read of current rows in the box (and of the statuses given as `statuses`), built once."""
    query = select(*[source.c[c] for c in columns], raw_geometry(source, dialect)).where(
        source.c.is_current.is_(True), _in_box(source, dialect))
    if by_status:
        query = query.where(source.c.status.in_(bindparam("statuses", expanding=True)))
    return query.order_by(*[source.c[c] for c in order])


def _box_params(box: Box) -> dict:
    return dict(zip(("xmin", "ymin", "xmax", "ymax"), (float(v) for v in box)))


def _rows(conn: Connection, statement, params: dict, columns: Sequence[str]) -> Rows:
    fetched = conn.execute(statement, params).all()
    return Rows(tuple(columns), [tuple(r)[:-1] for r in fetched],
                decode_geometries([r[-1] for r in fetched], conn.dialect.name))


def features_in_box(conn: Connection, source: Table, columns: Sequence[str], box: Box,
                    statuses: Iterable[str] | None = None) -> Rows:
    """Current features of a plan layer table whose envelope meets the box (of these statuses),
    ordered by municipality and planid as plan.repo reads them."""
    columns = tuple(columns)
    by_status = statuses is not None
    statement = _statement(source, columns, conn.dialect.name, by_status, ("komnr", "planid"))
    params = _box_params(box) | ({"statuses": list(statuses)} if by_status else {})
    return _rows(conn, statement, params, columns)


def designations_in_box(conn: Connection, source: Table, columns: Sequence[str], box: Box) -> Rows:
    """Current joint designations whose envelope meets the box, by theme and id."""
    columns = tuple(columns)
    statement = _statement(source, columns, conn.dialect.name, False, ("theme", "designation_id"))
    return _rows(conn, statement, _box_params(box), columns)


@lru_cache(maxsize=4)
def _municipalities_statement(dialect: str):
    return (select(municipality.c.code, municipality.c.name, raw_geometry(municipality, dialect))
            .where(_in_box(municipality, dialect)).order_by(municipality.c.code))


def municipalities_covering(conn: Connection, point: Point) -> list[tuple[str, str]]:
    """(code, name) of the municipalities whose boundary covers the point: the spatial index picks
    the candidates, so only their boundaries are read and decoded (not all 99)."""
    fetched = conn.execute(_municipalities_statement(conn.dialect.name), _box_params(point_box(point))).all()
    if not fetched:
        return []
    geoms = decode_geometries([r[2] for r in fetched], conn.dialect.name)
    covers = shapely.covers(geoms, point)
    return [(code, name) for (code, name, _), yes in zip(fetched, covers) if yes]


_NAMES = select(municipality.c.code, municipality.c.name)


def municipality_names(conn: Connection) -> dict[str, str]:
    """code → name of every municipality in the store (no boundaries read)."""
    return dict(conn.execute(_NAMES).all())
