"""Features for a web map: GeoJSON in WGS 84 (longitude, latitude), light enough to send to a browser.

Store geometries are EPSG:25832 and precise to the centimetre; a map on a screen needs neither.
Each geometry is simplified in metres (topology kept) before it is reprojected, and coordinates
are rounded to 6 decimals (about 0.1 m), so the whole region's plan fits a page load.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import mapping

STORE_CRS = "EPSG:25832"
MAP_CRS = "EPSG:4326"
DIGITS = 6
_TO_MAP = Transformer.from_crs(STORE_CRS, MAP_CRS, always_xy=True)


def to_map(geometry, simplify_m: float = 0.0):
    """One store geometry (EPSG:25832) as a WGS 84 geometry, simplified by `simplify_m` metres."""
    if geometry is None or geometry.is_empty:
        return None
    if simplify_m > 0:
        geometry = shapely.simplify(geometry, simplify_m, preserve_topology=True)
    return shapely.transform(geometry, lambda xy: np.column_stack(_TO_MAP.transform(xy[:, 0], xy[:, 1])))


def _rounded(value):
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return round(float(value), DIGITS)


def geometry_json(geometry) -> dict | None:
    """A WGS 84 Shapely geometry as a GeoJSON geometry mapping with rounded coordinates."""
    if geometry is None:
        return None
    doc = mapping(geometry)
    if doc["type"] == "GeometryCollection":
        return {"type": doc["type"], "geometries": [geometry_json(g) for g in geometry.geoms]}
    return {"type": doc["type"], "coordinates": _rounded(doc["coordinates"])}


def plain(value):
    """numpy/pandas scalars and timestamps → JSON values (NA and NaN → None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def feature(geometry, properties: dict, feature_id=None, simplify_m: float = 0.0) -> dict:
    out = {"type": "Feature", "geometry": geometry_json(to_map(geometry, simplify_m)),
           "properties": {k: plain(v) for k, v in properties.items()}}
    if feature_id is not None:
        out["id"] = plain(feature_id)
    return out


def feature_collection(frame, properties: Sequence[str], id_column: str | None = None,
                       simplify_m: float = 0.0) -> dict:
    """A GeoDataFrame (EPSG:25832) as a GeoJSON FeatureCollection in WGS 84 with the chosen columns."""
    columns = [c for c in properties if c in frame.columns]
    rows = frame[columns].astype(object).to_dict("records") if len(frame) else []
    ids = frame[id_column].tolist() if id_column and len(frame) else [None] * len(rows)
    return {"type": "FeatureCollection",
            "features": [feature(g, row, fid, simplify_m) for g, row, fid in zip(frame.geometry, rows, ids)]}


def collection(features: Iterable[dict]) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def bounds(geometries: Iterable) -> list[float] | None:
    """[west, south, east, north] in WGS 84 of store geometries together (for zooming a map to them)."""
    shapes = [g for g in geometries if g is not None and not g.is_empty]
    if not shapes:
        return None
    west, south, east, north = to_map(shapely.union_all(shapes).envelope).bounds
    return [round(west, DIGITS), round(south, DIGITS), round(east, DIGITS), round(north, DIGITS)]
