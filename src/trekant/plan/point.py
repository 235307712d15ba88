"""What applies at a point, from plain rows (pure): the frames and designations covering it, the
environmental conflicts near it, as the JSON-ready records `plan at` and /api/plan/at answer.

Rows come from plan.nearby (only those near the point); nothing here builds a table: the answer
is a few dozen values, and pandas cost more than the work itself. The records are those the
table-based reads give (plan.reports.records of frame_table / designation_table): codes as int,
measures as float, hectares rounded as numpy rounds them, missing values None.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import Point

from trekant.plan import checks
from trekant.plan.model import CheckOptions, Conflict

M2_PER_HA = 10_000.0
NEARBY_CONFLICT_M = 500.0


@dataclass(frozen=True)
class Rows:
    """Rows of one read: the values of `columns` per row (tuples) and the geometries (store CRS)."""

    columns: tuple[str, ...]
    values: list[tuple]
    geoms: np.ndarray

    def __len__(self) -> int:
        return len(self.values)

    def column(self, name: str) -> list:
        at = self.columns.index(name)
        return [row[at] for row in self.values]

    def where(self, mask: np.ndarray) -> "Rows":
        chosen = np.flatnonzero(mask)
        return Rows(self.columns, [self.values[i] for i in chosen], self.geoms[chosen])

    def records(self) -> list[dict]:
        """Each row as a dict of its columns (no geometry)."""
        return [dict(zip(self.columns, row)) for row in self.values]

    def covering(self, point: Point) -> "Rows":
        """The rows whose polygon covers the point (a point on an edge belongs to both polygons)."""
        if not len(self.values):
            return self
        return self.where(shapely.covers(self.geoms, point))

    def any(self, name: str) -> bool:
        return any(bool(v) for v in self.column(name))


def search_box(point: Point, distance_m: Mapping[int, float] | None = None) -> tuple[float, float, float, float]:
    """The box around a point that holds every frame that can be in a conflict within 500 m of it."""
    reach = NEARBY_CONFLICT_M + max((distance_m or {0: 0.0}).values())
    return point.x - reach, point.y - reach, point.x + reach, point.y + reach


def _codes(values: list) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def conflicts_near(frames: Rows, point: Point, distance_m: Mapping[int, float], options: CheckOptions = CheckOptions(),
                   radius_m: float = NEARBY_CONFLICT_M) -> list[Conflict]:
    """Environmental conflicts among the frames (those of search_box) in which a frame within
    radius_m of the point takes part."""
    if not len(frames):
        return []
    found = checks.conflicts_of(np.array(frames.column("planid"), dtype=object), np.array(frames.column("komnr"), dtype=object),
                                _codes(frames.column("maxmiljo")), _codes(frames.column("anvgen")),
                                np.array(frames.column("status"), dtype=object), frames.geoms, distance_m, options)
    if not found:
        return []
    near = shapely.dwithin(frames.geoms, point, radius_m)
    planids = {p for p, yes in zip(frames.column("planid"), near) if yes}
    return [c for c in found if c.source_planid in planids or c.sensitive_planid in planids]


def hectares(rows: Rows) -> list[float]:
    """area_m2 in hectares, rounded to 0.01 ha as numpy rounds (what the table reads show)."""
    return np.round(np.array(rows.column("area_m2"), dtype=float) / M2_PER_HA, 2).tolist()


def _plain(value, name: str, integers: frozenset, floats: frozenset):
    if value is None:
        return None
    if name in integers:
        return int(value)
    if name in floats:
        value = float(value)
        return None if value != value else value  # NaN: missing
    return value


def frame_records(frames: Rows, names: Mapping[str, str], columns: Sequence[str], integers: frozenset,
                  floats: frozenset) -> list[dict]:
    """Frames for people, in `columns` order: their Plandata columns, the municipality's name and
    area_ha (columns the rows do not hold are left out)."""
    areas = hectares(frames)
    out = []
    for record, area in zip(frames.records(), areas):
        record["municipality"] = names.get(record["komnr"])
        record["area_ha"] = area
        out.append({c: _plain(record[c], c, integers, floats) for c in columns if c in record})
    return out


DESIGNATION_RECORD = ("designation_id", "theme", "name", "description", "municipalities", "area_ha", "is_demo")


def designation_records(designations: Rows) -> list[dict]:
    areas = hectares(designations)
    return [{c: (area if c == "area_ha" else record[c]) for c in DESIGNATION_RECORD}
            for record, area in zip(designations.records(), areas)]
