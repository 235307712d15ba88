"""Hand-built plan frames beside real municipal borders (DAGI 1:500,000, as shipped by trekant).

A border segment is the longest straight piece of municipality A's outline that runs within
50 m of municipality B. Rectangles are laid out perpendicular to it, so the distance between a
frame on A's side and one on B's side is exactly the sum of their offsets from the segment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping

from trekant.region.boundaries import read_boundaries
from trekant.region.definition import data_root, read_names

KOLDING, VEJLE, FREDERICIA, VEJEN, HADERSLEV, BILLUND, MIDDELFART = "0621", "0630", "0607", "0575", "0510", "0530", "0410"


@lru_cache(maxsize=1)
def real_boundaries() -> dict:
    """komnr → MultiPolygon (EPSG:25832) from the DAGI file trekant ships."""
    common = data_root() / "common"
    names = read_names(common / "municipalities.csv")
    return {m.code: m.geom for m in read_boundaries(common / "boundaries" / "dk_municipalities_2014.geojson", names)}


@dataclass(frozen=True)
class Segment:
    middle: np.ndarray
    along: np.ndarray  # unit vector along the border
    into_b: np.ndarray  # unit normal pointing into municipality B

    def rect(self, near_m: float, far_m: float, half_width_m: float = 150.0, side: str = "b") -> MultiPolygon:
        """A rectangle from near_m to far_m off the border on B's (or A's) side."""
        n = self.into_b if side == "b" else -self.into_b
        m, u = self.middle, self.along
        corners = [m + n * near_m - u * half_width_m, m + n * near_m + u * half_width_m,
                   m + n * far_m + u * half_width_m, m + n * far_m - u * half_width_m]
        return MultiPolygon([Polygon([tuple(c) for c in corners])])


@lru_cache(maxsize=16)
def border_segment(a: str, b: str) -> Segment:
    borders = real_boundaries()
    near_b = borders[b].buffer(50)
    best = None
    for ring in shapely.get_rings(shapely.get_parts(borders[a])):
        coords = np.asarray(ring.coords)
        for p, q in zip(coords[:-1], coords[1:]):
            line = LineString([p, q])
            if near_b.covers(line) and (best is None or line.length > best.length):
                best = line
    p, q = np.asarray(best.coords)
    along = (q - p) / np.linalg.norm(q - p)
    normal = np.array([-along[1], along[0]])
    middle = (p + q) / 2
    if not borders[b].contains(Point(middle + normal * 500)):
        normal = -normal
    return Segment(middle, along, normal)


def frame(planid: str, komnr: str, anvgen: int, geom, status: str = "V", **rules) -> dict:
    """A Plandata-shaped feature (properties + geometry) for a GeoJSON FeatureCollection."""
    properties = dict(planid=planid, komnr=komnr, plannr=planid, plannavn=f"Test {planid}", anvgen=anvgen,
                      status=status, datovedt=20240115)
    properties.update(rules)
    return dict(type="Feature", properties=properties, geometry=mapping(geom))


def write_geojson(path: Path, features: list[dict], crs: str | None = "urn:ogc:def:crs:EPSG::25832") -> Path:
    document = dict(type="FeatureCollection", features=features)
    if crs:
        document["crs"] = dict(type="name", properties=dict(name=crs))
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
