"""A geometry column type that is a GeoPackage BLOB on SQLite and a PostGIS geometry on PostgreSQL.

Values in Python are always Shapely geometries in the store CRS (EPSG:25832).
"""

from __future__ import annotations

import shapely
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import LargeBinary, UserDefinedType

from trekant.store import gpkg_binary

STORE_SRID = 25832


class Geometry(UserDefinedType):
    """Column type: `Geometry("MULTIPOLYGON")`. Dialect-specific DDL, binding and reading."""

    cache_ok = True

    def __init__(self, geometry_type: str = "GEOMETRY", srid: int = STORE_SRID):
        self.geometry_type = geometry_type.upper()
        self.srid = srid

    def get_col_spec(self, **kw) -> str:  # SQLite / GeoPackage: the geometry type name
        return self.geometry_type

    def bind_processor(self, dialect):
        srid = self.srid
        if dialect.name == "sqlite":
            return lambda g: gpkg_binary.encode(g, srid)
        return lambda g: None if g is None else shapely.to_wkb(g, output_dimension=2)

    def result_processor(self, dialect, coltype):
        if dialect.name == "sqlite":
            return gpkg_binary.decode
        return lambda b: None if b is None else shapely.from_wkb(bytes(b))

    def bind_expression(self, bindvalue):
        return _GeomFromWkb(bindvalue, self.srid)

    def column_expression(self, col):
        return _GeomAsWkb(col, type_=self)


@compiles(Geometry, "postgresql")
def _pg_geometry_spec(type_: Geometry, compiler, **kw) -> str:
    return f"geometry({type_.geometry_type},{type_.srid})"


class _GeomFromWkb(FunctionElement):
    inherit_cache = True
    type = LargeBinary()

    def __init__(self, value, srid: int):
        self.srid = srid
        super().__init__(value)


@compiles(_GeomFromWkb)
def _from_wkb_default(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(_GeomFromWkb, "postgresql")
def _from_wkb_pg(element, compiler, **kw):
    return f"ST_GeomFromWKB({compiler.process(element.clauses, **kw)}, {int(element.srid)})"


class _GeomAsWkb(FunctionElement):
    inherit_cache = True

    def __init__(self, col, type_):
        self.type = type_
        super().__init__(col)


@compiles(_GeomAsWkb)
def _as_wkb_default(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(_GeomAsWkb, "postgresql")
def _as_wkb_pg(element, compiler, **kw):
    return f"ST_AsBinary({compiler.process(element.clauses, **kw)})"
