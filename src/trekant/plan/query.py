"""Pure selections on plan frames: where a business may go, and what applies at a point.

A frame admits environmental class C when minmiljo ≤ C ≤ maxmiljo (a missing minmiljo counts
as 1; a frame without maxmiljo states no class and admits none). `use` is a general use (two
digits, anvgen) or a specific use (four digits, anvspec).
"""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import Point

from trekant.plan import checks
from trekant.plan.model import CheckOptions, Conflict

M2_PER_HA = 10_000.0
NEARBY_CONFLICT_M = 500.0


def admits(frames: gpd.GeoDataFrame, env_class: int, use: int | None = None, min_area_ha: float = 0.0) -> gpd.GeoDataFrame:
    """Frames admitting a business of class env_class (and use), at least min_area_ha large."""
    low = frames["minmiljo"].fillna(1)
    high = frames["maxmiljo"]
    mask = high.notna() & (low <= env_class) & (high.fillna(0) >= env_class)
    if use is not None:
        column = "anvgen" if use < 100 else "anvspec"
        mask &= frames[column] == use
    mask &= frames["area_m2"] >= min_area_ha * M2_PER_HA
    chosen = frames[mask.fillna(False).to_numpy(dtype=bool)].copy()
    return chosen.sort_values(["komnr", "area_m2"], ascending=[True, False]).reset_index(drop=True)


def containing(frames: gpd.GeoDataFrame, point: Point) -> gpd.GeoDataFrame:
    """Frames whose polygon covers the point (a point on an edge belongs to both frames)."""
    if not len(frames):
        return frames
    return frames[shapely.covers(frames.geometry.to_numpy(), point)].reset_index(drop=True)


def search_box(point: Point, distance_m: Mapping[int, float] | None = None) -> tuple[float, float, float, float]:
    """The box around a point that holds every frame that can be in a conflict within 500 m of it."""
    reach = NEARBY_CONFLICT_M + max((distance_m or {0: 0.0}).values())
    return point.x - reach, point.y - reach, point.x + reach, point.y + reach


def conflicts_near(frames: gpd.GeoDataFrame, point: Point, distance_m, options: CheckOptions = CheckOptions(),
                   radius_m: float = NEARBY_CONFLICT_M) -> list[Conflict]:
    """Environmental conflicts in which a frame within radius_m of the point takes part."""
    if not len(frames):
        return []
    near = frames[shapely.dwithin(frames.geometry.to_numpy(), point, radius_m)]
    found = checks.environmental_conflicts(frames, distance_m, options)
    planids = set(near["planid"])
    return [c for c in found if c.source_planid in planids or c.sensitive_planid in planids]


def area_ha(frames: gpd.GeoDataFrame) -> np.ndarray:
    return np.round(frames["area_m2"].to_numpy(dtype=float) / M2_PER_HA, 2)
