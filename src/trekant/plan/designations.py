"""Joint regional designations read from a file (pure): one theme per import, ids and names from fields.

A designation belongs to no single municipality (a logistics area on a motorway, a wind area, a
green corridor); `municipalities` lists those it covers. The same geometry rules as for frames apply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from trekant.errors import Issue
from trekant.plan.codes import CodeLists
from trekant.plan.consequence import PRODUCTION_THEME
from trekant.plan.model import MAX_TOLERANCE_M, OUTSIDE_TOLERANCE_M, STORE_CRS
from trekant.plan.normalize import Normalizer, as_multipolygons, as_number, as_text, to_store_crs
from trekant.plan.validate import Validator, check_geometry

MIN_SHARE_M2 = 10_000.0  # a municipality counts as covered from 1 ha


def covered_municipalities(geom: BaseGeometry, borders: Mapping[str, BaseGeometry]) -> str:
    return ",".join(c for c, b in sorted(borders.items()) if b.intersects(geom) and b.intersection(geom).area >= MIN_SHARE_M2)


def check_in_region(v: Validator, usable: np.ndarray, region: Mapping[str, BaseGeometry],
                    tolerance_m: float = OUTSIDE_TOLERANCE_M) -> None:
    """A joint designation lies in the region: error for the part more than the boundary tolerance
    outside every member municipality (a polygon far outside Denmark used to be stored, covering none)."""
    rows = np.flatnonzero(usable)
    if not len(rows) or not region:
        return
    grown = shapely.buffer(shapely.union_all(list(region.values())), tolerance_m, quad_segs=4)
    shapely.prepare(grown)
    geoms = v.frames.geometry.to_numpy()
    outside = rows[~shapely.covers(grown, geoms[rows])]
    v.add("error", "outside-region", outside, "geometry", lambda r: (
        f"{shapely.area(shapely.difference(geoms[r], grown)):,.0f} m² lie more than {tolerance_m:g} m outside "
        f"the region's municipalities ({', '.join(sorted(region))})"))


CONSEQUENCE_FIELDS = ("consequence_m", "konsekvens_m", "konsekvenszone_m")


def consequence_zones(n: Normalizer, attributes: pd.DataFrame, columns: dict, theme: str) -> pd.Series:
    """The consequence zone (m) of each production area: its own field (consequence_m, konsekvens_m or
    konsekvenszone_m) when the file has one, else empty (the checks use 500 m); for other themes empty."""
    field = next((columns[f] for f in CONSEQUENCE_FIELDS if f in columns), None)
    if theme != PRODUCTION_THEME or field is None:
        return pd.Series([np.nan] * len(attributes), dtype=float)
    values = as_number(n, attributes[field].reset_index(drop=True), str(field))
    bad = np.flatnonzero((values.notna() & ~values.between(0.0, MAX_TOLERANCE_M, inclusive="right")).to_numpy(dtype=bool))
    n.add("error", "out-of-range", bad, str(field), lambda r: f"{values.iloc[r]:g} m is not a zone width from 0 to {MAX_TOLERANCE_M:,.0f} m")
    return values.where(values.between(0.0, MAX_TOLERANCE_M, inclusive="right"))


def prepare_designations(attributes: pd.DataFrame, geometries: np.ndarray, unreadable: np.ndarray, crs: str | None,
                         source: str, codes: CodeLists, theme: str, borders: Mapping[str, BaseGeometry],
                         id_field: str = "id", name_field: str = "name",
                         members: Sequence[str] | None = None) -> tuple[gpd.GeoDataFrame, list[Issue]]:
    """Designations of one theme and every issue; `members` (the region's municipality codes, all of
    `borders` when None) is where a designation may lie."""
    n = Normalizer(source, codes)
    columns = {str(c).lower(): c for c in attributes.columns}
    if theme not in codes.themes:
        n.file_issue("unknown-code", f"theme {theme!r} is not one of {', '.join(codes.themes)}")
    missing = [f for f in (id_field, name_field) if f.lower() not in columns]
    for field in missing:
        n.file_issue("missing-value", f"no field {field!r}; the file has {', '.join(map(str, attributes.columns))}")
    if missing or n.issues:
        return gpd.GeoDataFrame(geometry=[], crs=STORE_CRS), n.issues
    ids = as_text(attributes[columns[id_field.lower()]].reset_index(drop=True))
    n.where = np.array([f"feature {i}" if v is None else f"id {v}" for i, v in enumerate(ids)], dtype=object)
    names = as_text(attributes[columns[name_field.lower()]].reset_index(drop=True))
    n.add("error", "missing-value", np.flatnonzero(ids.isna().to_numpy()), id_field, "an id is required")
    n.add("error", "duplicate-planid", np.flatnonzero((ids.notna() & ids.duplicated(keep=False)).to_numpy()), id_field,
          "the id occurs more than once in the file")
    n.add("error", "missing-value", np.flatnonzero(names.isna().to_numpy()), name_field, "a name is required")
    projected = to_store_crs(n, np.asarray(geometries, dtype=object), crs)
    geoms = np.full(len(ids), None, dtype=object) if projected is None else as_multipolygons(n, projected, np.asarray(unreadable, bool))
    frame = gpd.GeoDataFrame({"designation_id": ids, "theme": theme, "name": names, "description": "", "where": n.where,
                              "consequence_m": consequence_zones(n, attributes, columns, theme)},
                             geometry=gpd.GeoSeries(geoms, crs=STORE_CRS), crs=STORE_CRS)
    v = Validator(frame, source)
    usable = check_geometry(v) if projected is not None else np.zeros(len(frame), dtype=bool)
    region = {c: g for c, g in borders.items() if members is None or c in members}
    check_in_region(v, usable, region)
    issues = n.issues + v.issues
    # only valid polygons: GEOS cannot intersect a self-intersecting one (that is already an issue)
    frame["municipalities"] = [covered_municipalities(g, borders) if ok else "" for g, ok in zip(frame.geometry, usable)]
    return frame.drop(columns="where"), issues
