"""Coordinate reference systems of the published layers, named by OGC URI (OGC API Features Part 2).

Geometries are stored in EPSG:25832. Each CRS is used in its authority's axis order, as Part 2
asks: CRS84 is longitude/latitude, EPSG:4326 latitude/longitude, EPSG:25832 easting/northing.
Pure functions: no web, no database.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import Polygon, box

from trekant.store.geometry_type import STORE_SRID

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
STORAGE_CRS = f"http://www.opengis.net/def/crs/EPSG/0/{STORE_SRID}"
EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/{}"


@dataclass(frozen=True)
class Crs:
    """One supported CRS: its URI, what pyproj calls it, and how many decimals a coordinate keeps."""

    uri: str
    code: str
    decimals: int | None  # None: the stored coordinates unchanged
    geographic: bool
    srid: int  # PostGIS's SRID of it (PostGIS keeps longitude first: `flip` for latitude-first)
    flip: bool = False


SUPPORTED = (
    Crs(CRS84, "OGC:CRS84", 7, True, 4326),  # 7 decimals of a degree: about 1 cm
    Crs(STORAGE_CRS, f"EPSG:{STORE_SRID}", None, False, STORE_SRID),
    Crs(EPSG_URI.format(4326), "EPSG:4326", 7, True, 4326, flip=True),
    Crs(EPSG_URI.format(3857), "EPSG:3857", 3, False, 3857),
)
BY_URI = {c.uri: c for c in SUPPORTED}
URIS = tuple(c.uri for c in SUPPORTED)


def lookup(uri: str) -> Crs | None:
    """The supported CRS of a URI (also its https:// spelling and a [EPSG:n] / [OGC:CRS84] CURIE)."""
    text = uri.strip()
    if text.startswith("https://"):
        text = "http://" + text[len("https://"):]
    if text.startswith("[") and text.endswith("]"):
        authority, _, code = text[1:-1].partition(":")
        text = CRS84 if (authority.upper(), code.upper()) == ("OGC", "CRS84") else EPSG_URI.format(code)
    return BY_URI.get(text)


@lru_cache(maxsize=16)
def _transformer(source: str, target: str) -> Transformer:
    return Transformer.from_crs(CRS.from_user_input(source), CRS.from_user_input(target), always_xy=False)


def _apply(transformer: Transformer, decimals: int | None):
    def move(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        moved = np.column_stack([x, y])
        return moved if decimals is None else np.round(moved, decimals)

    return move


def from_store(geometries: np.ndarray, target: Crs) -> np.ndarray:
    """Store geometries (EPSG:25832) in the target CRS, rounded to its precision, vectorised."""
    if target.uri == STORAGE_CRS:
        return geometries
    return shapely.transform(geometries, _apply(_transformer(f"EPSG:{STORE_SRID}", target.code), target.decimals))


def to_store(geometry, source: Crs):
    """One geometry given in `source` moved to the store CRS (EPSG:25832)."""
    if source.uri == STORAGE_CRS:
        return geometry
    return shapely.transform(geometry, _apply(_transformer(source.code, f"EPSG:{STORE_SRID}"), None))


class BboxError(ValueError):
    """A bounding box that cannot be used: the message says why."""


def bbox_area(values: list[float], source: Crs) -> tuple[Polygon, tuple[float, float, float, float]]:
    """A bbox (4 or 6 numbers, in the source CRS's axis order) as the area to match in the store CRS:
    the box densified before transformation (a lon/lat box is curved in UTM), and its envelope
    for the spatial index."""
    if len(values) not in (4, 6):
        raise BboxError(f"a bbox has 4 or 6 numbers, not {len(values)}")
    if not all(math.isfinite(v) for v in values):
        raise BboxError("every bbox number must be finite")
    low_a, low_b, high_a, high_b = (values[0], values[1], values[3], values[4]) if len(values) == 6 else values
    if low_a > high_a or low_b > high_b:
        detail = " (a box across the antimeridian is not supported)" if source.geographic else ""
        raise BboxError(f"the lower corner must not exceed the upper corner{detail}")
    if source.geographic:
        lat = (low_b, high_b) if source.code == "OGC:CRS84" else (low_a, high_a)
        lon = (low_a, high_a) if source.code == "OGC:CRS84" else (low_b, high_b)
        if not (-90 <= lat[0] <= 90 and -90 <= lat[1] <= 90 and -180 <= lon[0] <= 180 and -180 <= lon[1] <= 180):
            raise BboxError("longitude must lie in -180…180 and latitude in -90…90")
    area = box(low_a, low_b, high_a, high_b)
    if source.uri != STORAGE_CRS:
        step = max(high_a - low_a, high_b - low_b) / 16 or 1.0
        area = to_store(shapely.segmentize(area, step), source)
    bounds = tuple(float(v) for v in area.bounds)
    if not all(math.isfinite(v) for v in bounds):
        raise BboxError("the bbox cannot be placed in the store's coordinate system")
    return area, bounds


def extent_crs84(bounds: tuple[float, float, float, float] | None) -> list[float] | None:
    """A store-CRS envelope as a CRS84 bbox [west, south, east, north] (densified edges)."""
    if bounds is None:
        return None
    area = shapely.segmentize(box(*bounds), max(bounds[2] - bounds[0], bounds[3] - bounds[1]) / 16 or 1.0)
    moved = from_store(np.array([area], dtype=object), BY_URI[CRS84])[0]
    return [round(float(v), 6) for v in moved.bounds]
