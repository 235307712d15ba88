"""Project geometries: GeoJSON-like input in any CRS, stored as Shapely in EPSG:25832."""

from __future__ import annotations

import warnings

import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry import mapping, shape
from shapely.errors import GEOSException
from shapely.geometry.base import BaseGeometry

STORE_CRS = "EPSG:25832"
GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString")
# Denmark with a margin, in EPSG:25832 metres: a geometry outside is almost surely in the wrong CRS.
DENMARK_BOUNDS_M = (380_000.0, 6_030_000.0, 920_000.0, 6_420_000.0)


class GeometryProblem(ValueError):
    """Why a geometry cannot be used (the reader turns it into an Issue)."""


def to_store_crs(geometry_type: str, coordinates: list, crs: str) -> BaseGeometry:
    """Build the geometry, reproject it to EPSG:25832 and check it is valid and inside Denmark."""
    if geometry_type not in GEOMETRY_TYPES:
        raise GeometryProblem(f"geometry type {geometry_type!r} is not one of {', '.join(GEOMETRY_TYPES)}")
    try:
        source = CRS.from_user_input(crs)
    except CRSError:
        raise GeometryProblem(f"unknown CRS {crs!r}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a NaN coordinate: refused just below
            geom = shape({"type": geometry_type, "coordinates": coordinates})
    except (ValueError, TypeError, IndexError, AttributeError, GEOSException) as exc:
        raise GeometryProblem(f"coordinates do not form a {geometry_type}: {exc}") from None
    if geom.is_empty:
        raise GeometryProblem("the geometry is empty")
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        raise GeometryProblem("every coordinate must be a finite number (.nan or .inf found)")
    if source != CRS.from_user_input(STORE_CRS):
        transformer = Transformer.from_crs(source, STORE_CRS, always_xy=True)
        geom = shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    check_store_geometry(geom, crs)
    return geom


def check_store_geometry(geom: BaseGeometry, crs: str = STORE_CRS) -> None:
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        raise GeometryProblem(f"coordinates cannot be placed in {STORE_CRS} from {crs}")
    if not geom.is_valid:
        raise GeometryProblem(f"invalid geometry: {shapely.is_valid_reason(geom)}")
    minx, miny, maxx, maxy = geom.bounds
    bx0, by0, bx1, by1 = DENMARK_BOUNDS_M
    if minx < bx0 or maxx > bx1 or miny < by0 or maxy > by1:
        raise GeometryProblem(f"the geometry lies outside Denmark in {STORE_CRS} (bounds {minx:.0f}, {miny:.0f}, {maxx:.0f}, {maxy:.0f}); "
                              f"is the crs ({crs}) right?")


def to_document(geom: BaseGeometry) -> dict:
    """GeoJSON-like mapping in EPSG:25832, coordinates rounded to 0.1 m."""
    rounded = shapely.set_precision(geom, 0.1)
    doc = mapping(rounded)
    return {"type": doc["type"], "crs": STORE_CRS, "coordinates": _lists(doc["coordinates"])}


def _lists(value):
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return round(float(value), 1)


def length_km(geom: BaseGeometry | None) -> float | None:
    if geom is None or geom.geom_type not in ("LineString", "MultiLineString"):
        return None
    return geom.length / 1000.0
