"""Pure selections on plan frames: where a business may go (what applies at a point: plan/point.py).

A frame admits environmental class C when minmiljo ≤ C ≤ maxmiljo (a missing minmiljo counts
as 1; a frame without maxmiljo states no class and admits none). `use` is a general use (two
digits, anvgen) or a specific use (four digits, anvspec).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np

M2_PER_HA = 10_000.0


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


def area_ha(frames: gpd.GeoDataFrame) -> np.ndarray:
    return np.round(frames["area_m2"].to_numpy(dtype=float) / M2_PER_HA, 2)
