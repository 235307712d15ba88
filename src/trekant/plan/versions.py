"""Decide, per incoming feature, whether it is new, a new version of a stored one, or unchanged (pure).

A feature is unchanged when every Plandata attribute and the geometry (to 1 mm) equal the current
version; otherwise it becomes version n + 1 and the stored version n is closed. A mirror of the
register also withdraws: a stored feature of the mirrored scope that the new export no longer holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from trekant.plan.layers import KOMMUNEPLANRAMME

FRAME_COLUMNS = KOMMUNEPLANRAMME.columns
NUMERIC_COLUMNS = KOMMUNEPLANRAMME.numeric

GEOMETRY_TOLERANCE_M = 0.001


@dataclass
class VersionPlan:
    new: np.ndarray  # bool per incoming row: planid not stored yet
    changed: np.ndarray  # bool: stored, but different
    version: np.ndarray  # int version number for each incoming row (0 for unchanged)
    closed_fids: list[int] = field(default_factory=list)  # stored rows to close
    changed_fields: dict[str, list[str]] = field(default_factory=dict)  # planid → fields that differ


def _same_column(a: pd.Series, b: pd.Series, numeric: bool) -> np.ndarray:
    """Element-wise equality where two missing values are equal."""
    if numeric:
        x = pd.to_numeric(a, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        y = pd.to_numeric(b, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        return (x == y) | (np.isnan(x) & np.isnan(y))
    x = np.array(["\0" if pd.isna(v) else str(v) for v in a], dtype=object)  # "\0": missing (map() would make NaN)
    y = np.array(["\0" if pd.isna(v) else str(v) for v in b], dtype=object)
    return x == y


def plan_versions(incoming: gpd.GeoDataFrame, current: gpd.GeoDataFrame, key: str = "planid",
                  columns: tuple[str, ...] = FRAME_COLUMNS, numeric: tuple[str, ...] = NUMERIC_COLUMNS) -> VersionPlan:
    """Compare incoming rows with the current stored versions by `key` over `columns` and geometry."""
    stored = current.set_index(key) if len(current) else None
    n = len(incoming)
    new, changed, version = np.zeros(n, bool), np.zeros(n, bool), np.zeros(n, int)
    plan = VersionPlan(new, changed, version)
    if stored is None:
        new[:] = True
        version[:] = 1
        return plan
    known = incoming[key].isin(stored.index).to_numpy()
    new[~known] = True
    version[~known] = 1
    rows = np.flatnonzero(known)
    old = stored.loc[incoming[key].to_numpy()[rows]]
    same_geom = shapely.equals_exact(incoming.geometry.to_numpy()[rows], old.geometry.to_numpy(), GEOMETRY_TOLERANCE_M)
    columns = [c for c in columns if c != key]
    differs = np.column_stack([
        ~_same_column(incoming[c].iloc[rows].reset_index(drop=True), old[c].reset_index(drop=True), c in numeric)
        for c in columns
    ] + [~same_geom])
    names = [*columns, "geometry"]
    for k in np.flatnonzero(differs.any(axis=1)):
        row = rows[k]
        changed[row] = True
        version[row] = int(old["version"].iloc[k]) + 1
        plan.closed_fids.append(int(old["fid"].iloc[k]))
        plan.changed_fields[incoming[key].iloc[row]] = [names[j] for j in np.flatnonzero(differs[k])]
    return plan


def backward_statuses(incoming: gpd.GeoDataFrame, current: gpd.GeoDataFrame, order: dict[str, int]) -> list[tuple[str, str, str]]:
    """(planid, stored status, new status) where a new version goes back in Plandata's lifecycle
    (kladde til forslag → forslag → kladde til vedtaget → vedtaget → aflyst), e.g. V → F or A → V."""
    if not len(current):
        return []
    stored = current.set_index("planid")["status"]
    found = []
    for planid, status in zip(incoming["planid"], incoming["status"]):
        old = stored.get(planid)
        if old is not None and order.get(status, 0) < order.get(old, 0):
            found.append((planid, old, status))
    return found


def withdrawn(stored: pd.DataFrame, incoming_keys, key: str = "planid") -> pd.DataFrame:
    """The stored rows (of the mirrored scope) whose key the new export no longer holds."""
    if not len(stored):
        return stored
    return stored[~stored[key].isin(set(incoming_keys))]
