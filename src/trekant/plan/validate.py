"""Validate canonical plan frames against Plandata's rules and the code lists (pure, vectorised).

Geometry rules (Plandata.dk): valid, at least 3 vertices per ring, no duplicate consecutive
vertices, no polygon under 1 m², inside the municipality's own boundary. Boundaries here are the
1:500,000 DAGI outlines, so "inside" allows `outside_tolerance_m` (see model.OUTSIDE_TOLERANCE_M).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from trekant.errors import Issue
from trekant.plan.codes import CodeLists
from trekant.plan.layers import KOMMUNEPLANRAMME, MEASURE_RANGES, PlanLayer
from trekant.plan.model import MIN_POLYGON_AREA_M2, OUTSIDE_TOLERANCE_M


@dataclass(frozen=True)
class Scope:
    """Who imports: `municipality` set means an editor of that municipality only."""

    municipality: str | None = None
    skip_others: bool = False  # warn about and leave out other municipalities' frames instead of refusing


class Validator:
    def __init__(self, frames: gpd.GeoDataFrame, source: str):
        self.frames = frames
        self.source = source
        self.where = frames["where"].to_numpy()
        self.issues: list[Issue] = []

    def add(self, severity: str, code: str, rows, field: str | None, message) -> None:
        for row in rows:
            text = message(row) if callable(message) else message
            self.issues.append(Issue(severity, code, self.source, str(self.where[row]), text, field))


def check_required(v: Validator, layer: PlanLayer = KOMMUNEPLANRAMME) -> None:
    f = v.frames
    for column in layer.required:
        v.add("error", "missing-value", np.flatnonzero(f[column].isna().to_numpy()), column, f"{column} is required")
    for column in ("plannr", "plannavn"):
        if column in f:
            v.add("warning", "missing-value", np.flatnonzero(f[column].isna().to_numpy()), column, f"{column} is empty")


def check_duplicates(v: Validator) -> None:
    planid = v.frames["planid"]
    dup = np.flatnonzero((planid.notna() & planid.duplicated(keep=False)).to_numpy())
    v.add("error", "duplicate-planid", dup, "planid", lambda r: f"planid {planid.iloc[r]} occurs more than once in the file")


def _unknown(values: pd.Series, known) -> np.ndarray:
    return np.flatnonzero((values.notna() & ~values.isin(list(known))).to_numpy(dtype=bool))


def check_codes(v: Validator, codes: CodeLists, known_municipalities) -> None:
    f = v.frames
    if "anvgen" in f:
        v.add("error", "unknown-code", _unknown(f["anvgen"], codes.anvgen), "anvgen",
              lambda r: f"general use {f['anvgen'].iloc[r]} is not in Plandata's list")
    if "anvspec" in f:
        _check_anvspec(v, codes)
    for column in ("zone", "fzone"):
        if column in f:
            v.add("error", "unknown-code", _unknown(f[column], codes.zone), column,
                  lambda r, c=column: f"zone {f[c].iloc[r]} is not 1 (byzone), 2 (landzone) or 3 (sommerhusområde)")
    if "bebygpctaf" in f:
        v.add("error", "unknown-code", _unknown(f["bebygpctaf"], codes.bebygpctaf), "bebygpctaf",
              lambda r: f"{f['bebygpctaf'].iloc[r]} is not 1 (the area as a whole), 2 (each property), 3 (each plot) "
                        "or 4 (each cadastral parcel)")
    if "maxmiljo" in f:
        _check_classes(v, codes)
    v.add("error", "unknown-code", _unknown(f["komnr"], known_municipalities), "komnr",
          lambda r: f"municipality {f['komnr'].iloc[r]} is not in the store")


def _check_anvspec(v: Validator, codes: CodeLists) -> None:
    f = v.frames
    v.add("warning", "unknown-code", _unknown(f["anvspec"], codes.anvspec), "anvspec",
          lambda r: f"specific use {f['anvspec'].iloc[r]} is not in the shipped (older) anvspec list")
    spec_gen = f["anvspec"].astype("Int64").map(codes.anvspec).astype("Int64")  # NA stays NA; unknown codes too
    mismatch = np.flatnonzero((spec_gen.notna() & f["anvgen"].notna() & (spec_gen != f["anvgen"])).to_numpy(dtype=bool))
    v.add("warning", "unknown-code", mismatch, "anvspec",
          lambda r: f"specific use {f['anvspec'].iloc[r]} belongs to general use {spec_gen.iloc[r]}, not {f['anvgen'].iloc[r]}")


def _check_classes(v: Validator, codes: CodeLists) -> None:
    f = v.frames
    for column in ("minmiljo", "maxmiljo"):
        v.add("error", "unknown-code", _unknown(f[column], codes.distance_m), column,
              lambda r, c=column: f"environmental class {f[c].iloc[r]} is not 1–7")
    both = f["minmiljo"].notna() & f["maxmiljo"].notna()
    reversed_ = np.flatnonzero((both & (f["minmiljo"].fillna(0) > f["maxmiljo"].fillna(0))).to_numpy(dtype=bool))
    v.add("error", "invalid-value", reversed_, "minmiljo",
          lambda r: f"minmiljo {f['minmiljo'].iloc[r]} is above maxmiljo {f['maxmiljo'].iloc[r]}")


def check_plantype(v: Validator, layer: PlanLayer) -> None:
    """Plandata's plantype says the kind of plan: 10.x a kommuneplan(ramme), 20.x a lokalplan (and
    its sub-areas). Another kind in the layer means the wrong file or the wrong --kind."""
    if layer.plantype is None or "plantype" not in v.frames:
        return
    plantype = v.frames["plantype"]
    head = plantype.str.split(".").str[0]
    wrong = np.flatnonzero((plantype.notna() & (head != layer.plantype)).to_numpy(dtype=bool))
    v.add("error", "wrong-plantype", wrong, "plantype", lambda r: (
        f"plantype {plantype.iloc[r]} is not a {layer.names[1][:-1]} ({layer.plantype}.x); is this the right file (or --kind)?"))


def check_ranges(v: Validator) -> None:
    f = v.frames
    for column, (low, high) in MEASURE_RANGES.items():
        if column not in f:
            continue
        values = f[column]
        out = np.flatnonzero((values.notna() & ~values.between(low, high)).to_numpy(dtype=bool))
        v.add("error", "out-of-range", out, column, lambda r, c=column, lo=low, hi=high:
              f"{f[c].iloc[r]:g} is outside the plausible range {lo:g}–{hi:g}")


def check_dates(v: Validator) -> None:
    f = v.frames
    if "datoforsl" not in f or "datovedt" not in f:
        return
    proposed, adopted = f["datoforsl"], f["datovedt"]
    both = proposed.notna() & adopted.notna()
    order = np.flatnonzero([bool(b) and a < p for b, p, a in zip(both, proposed, adopted)])
    v.add("warning", "invalid-date", order, "datovedt", lambda r: f"adopted {adopted.iloc[r]} before proposed {proposed.iloc[r]}")


def check_scope(v: Validator, scope: Scope) -> np.ndarray:
    """Rows of other municipalities than the editor's: errors, or warnings when skipping them."""
    if scope.municipality is None:
        return np.zeros(len(v.frames), dtype=bool)
    other = (v.frames["komnr"].notna() & (v.frames["komnr"] != scope.municipality)).to_numpy(dtype=bool)
    severity = "warning" if scope.skip_others else "error"
    verb = "left out" if scope.skip_others else "refused"
    v.add(severity, "other-municipality", np.flatnonzero(other), "komnr",
          lambda r: f"frame of municipality {v.frames['komnr'].iloc[r]} {verb}: this import may change only {scope.municipality}")
    return other


def _rings_of(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(coordinates, ring of each coordinate, geometry of each ring), one Python object per ring:
    used only on the few geometries the cheap whole-geometry tests point at."""
    parts, part_of = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    return coords, coord_ring, part_of[ring_part]


def ring_vertex_problems(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per geometry: any ring with < 3 distinct vertices; first duplicate consecutive vertex (x, y) or NaN.

    A national plan has 100,000 geometries, so the rings are looked at only where the geometry's own
    coordinate sequence repeats a vertex (a ring with fewer than 3 distinct vertices has to)."""
    too_few = np.zeros(len(geoms), dtype=bool)
    duplicate_xy = np.full((len(geoms), 2), np.nan)
    coords, coord_geom = shapely.get_coordinates(geoms, return_index=True)
    repeated = (coord_geom[1:] == coord_geom[:-1]) & np.all(coords[1:] == coords[:-1], axis=1)
    suspects = np.unique(coord_geom[1:][repeated])
    if not len(suspects):
        return too_few, duplicate_xy
    coords, coord_ring, ring_geom = _rings_of(geoms[suspects])
    rings = len(ring_geom)
    same_ring = coord_ring[1:] == coord_ring[:-1]
    repeated = same_ring & np.all(coords[1:] == coords[:-1], axis=1)
    per_ring = np.bincount(coord_ring, minlength=rings) - 1  # closing vertex repeats the first
    per_ring -= np.bincount(coord_ring[1:][repeated], minlength=rings)
    too_few[suspects[ring_geom[per_ring < 3]]] = True
    hit_rows = np.flatnonzero(repeated) + 1
    hit_geoms = ring_geom[coord_ring[hit_rows]]
    first_geoms, first_pos = np.unique(hit_geoms, return_index=True)  # the first duplicate per geometry
    duplicate_xy[suspects[first_geoms]] = coords[hit_rows[first_pos]]
    return too_few, duplicate_xy


def smallest_parts(geoms: np.ndarray) -> np.ndarray:
    """The area of each geometry's smallest polygon: its whole area when it has one part (most have),
    its parts' areas only for the others."""
    smallest = shapely.area(geoms)
    several = np.flatnonzero(shapely.get_num_geometries(geoms) > 1)
    if len(several):
        parts, part_of = shapely.get_parts(geoms[several], return_index=True)
        least = np.full(len(several), np.inf)
        np.minimum.at(least, part_of, shapely.area(parts))
        smallest[several] = least
    return smallest


def check_geometry(v: Validator) -> np.ndarray:
    """Invalid, too-few-vertex, duplicate-vertex and too-small polygons; returns the rows still usable."""
    geoms = v.frames.geometry.to_numpy()
    present = ~pd.isna(pd.Series(geoms, dtype=object)).to_numpy()
    usable = present.copy()
    idx = np.flatnonzero(present)
    too_few, dup_xy = ring_vertex_problems(geoms[idx])
    v.add("error", "invalid-geometry", idx[too_few], "geometry", "a ring has fewer than 3 distinct vertices")
    has_dup = ~np.isnan(dup_xy[:, 0])
    v.add("error", "invalid-geometry", idx[has_dup], "geometry",
          lambda r: "duplicate consecutive vertex at ({:.2f}, {:.2f})".format(*dup_xy[np.searchsorted(idx, r)]))
    valid = shapely.is_valid(geoms[idx])
    invalid = idx[~valid & ~too_few]
    v.add("error", "invalid-geometry", invalid, "geometry", lambda r: shapely.is_valid_reason(geoms[r]))
    usable[idx[~valid | too_few]] = False
    check_too_small(v, geoms, np.flatnonzero(usable))
    return usable


def check_too_small(v: Validator, geoms: np.ndarray, idx: np.ndarray) -> None:
    smallest = smallest_parts(geoms[idx])
    small = idx[smallest < MIN_POLYGON_AREA_M2]
    v.add("error", "too-small", small, "geometry",
          lambda r: f"a polygon of {smallest[np.searchsorted(idx, r)]:.3f} m² is under {MIN_POLYGON_AREA_M2:g} m²")


def check_inside(v: Validator, usable: np.ndarray, boundaries: Mapping[str, BaseGeometry],
                 tolerance_m: float = OUTSIDE_TOLERANCE_M) -> None:
    """Error when a frame reaches more than tolerance_m outside its own municipality."""
    komnr = v.frames["komnr"].to_numpy()
    rows = np.flatnonzero(usable & pd.Series(komnr).isin(list(boundaries)).to_numpy())
    if not len(rows):
        return
    codes = sorted(set(komnr[rows]))
    grown = dict(zip(codes, shapely.buffer([boundaries[c] for c in codes], tolerance_m, quad_segs=4)))
    for g in grown.values():
        shapely.prepare(g)
    geoms = v.frames.geometry.to_numpy()[rows]
    own = np.array([grown[c] for c in komnr[rows]], dtype=object)
    outside = rows[~shapely.covers(own, geoms)]
    v.add("error", "outside-municipality", outside, "geometry", lambda r: (
        f"{shapely.area(shapely.difference(v.frames.geometry.iloc[r], grown[komnr[r]])):,.0f} m² lie more than "
        f"{tolerance_m:g} m outside municipality {komnr[r]}"))


def validate(frames: gpd.GeoDataFrame, source: str, codes: CodeLists, boundaries: Mapping[str, BaseGeometry],
             scope: Scope = Scope(), tolerance_m: float = OUTSIDE_TOLERANCE_M,
             layer: PlanLayer = KOMMUNEPLANRAMME) -> tuple[list[Issue], np.ndarray]:
    """All issues of the features, and a mask of the rows to write (others' features left out when skipping)."""
    v = Validator(frames, source)
    check_required(v, layer)
    check_duplicates(v)
    check_codes(v, codes, boundaries)
    check_plantype(v, layer)
    check_ranges(v)
    check_dates(v)
    others = check_scope(v, scope)
    usable = check_geometry(v)
    check_inside(v, usable, boundaries, tolerance_m)
    return v.issues, ~others
