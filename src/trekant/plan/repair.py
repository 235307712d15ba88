"""Explicit geometry repairs for a register mirror (pure, vectorised).

The national register itself holds geometries that break Plandata's present rules: sliver parts of
a fraction of a square metre, repeated vertices, rings that touch themselves. A mirror stores
what the register publishes, so it repairs what can be repaired without changing the plan, says
so for each feature, and skips only what cannot be stored at all:

1. duplicate consecutive vertices are removed (the shape does not change);
2. an invalid polygon is replaced by GEOS `make_valid`'s polygonal part when that keeps the area
   within 0.1 %; otherwise the feature is skipped (a repair that changes the plan is no repair);
3. parts under 1 m² are dropped from a multipolygon; the feature is skipped when nothing is left.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import MultiPolygon

from trekant.plan.model import MIN_POLYGON_AREA_M2
from trekant.plan.validate import ring_vertex_problems

AREA_TOLERANCE = 0.001  # make_valid may change the area by at most 0.1 %


@dataclass
class Repairs:
    """The repaired geometries, what was done to each row, and the rows that cannot be stored."""

    geoms: np.ndarray
    done: list[tuple[int, str, str]] = field(default_factory=list)  # (row, code, message)
    skip: list[tuple[int, str, str]] = field(default_factory=list)  # (row, code, message)


def _polygons_only(geom) -> MultiPolygon | None:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    nested = [q for p in shapely.get_parts(geom) if p.geom_type == "MultiPolygon" for q in shapely.get_parts(p)]
    parts += nested
    return MultiPolygon(parts) if parts else None


def _repeated_vertices(geoms: np.ndarray, rows: np.ndarray, out: Repairs) -> None:
    _too_few, duplicate_xy = ring_vertex_problems(geoms[rows])
    hit = rows[~np.isnan(duplicate_xy[:, 0])]
    if len(hit):
        geoms[hit] = shapely.remove_repeated_points(geoms[hit], tolerance=0.0)
        for row in hit:
            out.done.append((int(row), "invalid-geometry", "duplicate consecutive vertices removed"))


def _make_valid(geoms: np.ndarray, rows: np.ndarray, out: Repairs) -> np.ndarray:
    """Rows still usable after repairing the invalid ones (or deciding they cannot be)."""
    invalid = rows[~shapely.is_valid(geoms[rows])]
    unusable = []
    for row in invalid:
        before = geoms[row]
        reason = shapely.is_valid_reason(before)
        fixed = _polygons_only(shapely.make_valid(before))
        area_before, area_after = float(shapely.area(before)), (float(fixed.area) if fixed is not None else 0.0)
        change = abs(area_after - area_before) / area_before if area_before > 0 else np.inf
        if fixed is None or change > AREA_TOLERANCE:
            unusable.append(row)
            out.skip.append((int(row), "invalid-geometry", f"{reason}: make_valid would change the area from "
                             f"{area_before:,.1f} to {area_after:,.1f} m² (more than {AREA_TOLERANCE:.1%}), so it is not stored"))
            continue
        geoms[row] = fixed
        out.done.append((int(row), "invalid-geometry",
                         f"{reason}: repaired with make_valid (area {area_before:,.1f} → {area_after:,.1f} m²)"))
    return np.setdiff1d(rows, np.array(unusable, dtype=int))


def _drop_slivers(geoms: np.ndarray, rows: np.ndarray, out: Repairs) -> None:
    parts, part_of = shapely.get_parts(geoms[rows], return_index=True)
    areas = shapely.area(parts)
    small = areas < MIN_POLYGON_AREA_M2
    if not small.any():
        return
    for k in np.unique(part_of[small]):
        row = rows[k]
        mine = part_of == k
        kept = parts[mine & ~small]
        dropped = areas[mine & small]
        if not len(kept):
            out.skip.append((int(row), "too-small", f"every part is under {MIN_POLYGON_AREA_M2:g} m² "
                             f"({dropped.sum():.3f} m² in all): nothing is left to store"))
            continue
        geoms[row] = MultiPolygon(list(kept))
        out.done.append((int(row), "too-small", f"{len(dropped)} part(s) under {MIN_POLYGON_AREA_M2:g} m² dropped "
                         f"({dropped.sum():.3f} m² in all)"))


def repair(geoms: np.ndarray) -> Repairs:
    """Repair what can be repaired (see the module docstring); missing geometries are left alone."""
    geoms = np.array(geoms, dtype=object)
    out = Repairs(geoms)
    rows = np.flatnonzero(~shapely.is_missing(geoms))
    if not len(rows):
        return out
    _repeated_vertices(geoms, rows, out)
    rows = _make_valid(geoms, rows, out)
    _drop_slivers(geoms, rows, out)
    return out
