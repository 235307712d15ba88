"""Pure geometry on municipalities: areas and land-border neighbours (EPSG:25832, metres)."""

from __future__ import annotations

from collections.abc import Mapping

from shapely import STRtree
from shapely.geometry.base import BaseGeometry

# The DAGI 1:500,000 boundaries are generalised: neighbours' outlines do not coincide exactly.
# Two municipalities are land neighbours when their outlines come within NEIGHBOUR_GAP_M of each
# other along at least MIN_SHARED_BORDER_M of boundary. Middelfart is 672 m from Fredericia
# across the Little Belt in this data, so a gap of 50 m keeps water crossings out.
NEIGHBOUR_GAP_M = 50.0
MIN_SHARED_BORDER_M = 500.0


def area_km2(geom: BaseGeometry) -> float:
    return geom.area / 1e6


def shared_border_m(a: BaseGeometry, b: BaseGeometry, gap_m: float = NEIGHBOUR_GAP_M) -> float:
    """Length of a's outline that lies within gap_m of b."""
    return a.boundary.intersection(b.buffer(gap_m)).length


def neighbours(
    geoms: Mapping[str, BaseGeometry],
    gap_m: float = NEIGHBOUR_GAP_M,
    min_shared_m: float = MIN_SHARED_BORDER_M,
) -> dict[str, list[str]]:
    """code → sorted codes of the municipalities sharing a land border with it."""
    codes = list(geoms)
    values = [geoms[c] for c in codes]
    tree = STRtree(values)
    left, right = tree.query(values, predicate="dwithin", distance=gap_m)
    result: dict[str, set[str]] = {c: set() for c in codes}
    for i, j in zip(left, right):
        if i < j and shared_border_m(values[i], values[j], gap_m) >= min_shared_m:
            result[codes[i]].add(codes[j])
            result[codes[j]].add(codes[i])
    return {c: sorted(n) for c, n in result.items()}

