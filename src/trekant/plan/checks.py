"""Cross-border checks on current plan frames (pure; Shapely 2 STRtree, vectorised).

1. Environmental distance: a frame allowing class c (its maxmiljo) closer than the recommended
   distance for c (Miljøstyrelsen 2004: 0, 20, 50, 100, 150, 300, 500 m) to a sensitive frame of
   another municipality. Distance = shortest distance between the two polygons (0 if they touch).
2. Equal conditions: frames with the same anvgen within `touch_distance_m` across a border whose
   rules (both set) differ. Building percentages are compared only where they are percentages of
   the same thing (`bebygpctaf`: of the area as a whole, of each property, each plot, each parcel);
   where that differs or is not given, the pair says so instead (`not_comparable`).
3. Border overlaps: two municipalities' frames overlapping, or a frame reaching more than the
   boundary tolerance into a neighbouring municipality.

The plans checked are those whose status is in `options.statuses` (the subject); they are checked
against each other and against adopted plans. So `--status F` checks proposals against adopted
plans across the border, which is when a neighbour's consultation matters.
"""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from trekant.plan.model import ADOPTED, RULE_COLUMNS, BorderOverlap, CheckOptions, Conflict, UnequalCondition

DISTANCE_SLACK_M = 0.001


def required_distances_m(maxmiljo, distance_m: Mapping[int, float]) -> np.ndarray:
    """Recommended distance per frame from its highest environmental class (0 when none); maxmiljo
    a Series or an array of floats (NaN when missing)."""
    table = np.zeros(max(distance_m) + 1)
    for env_class, metres in distance_m.items():
        table[env_class] = metres
    values = maxmiljo.to_numpy(dtype=float, na_value=np.nan) if isinstance(maxmiljo, pd.Series) else np.asarray(maxmiljo, dtype=float)
    classes = np.nan_to_num(values).astype(int).clip(0, len(table) - 1)
    return table[classes]


def subject_mask(frames: pd.DataFrame, options: CheckOptions) -> np.ndarray:
    """Which frames are checked (their status is one asked for); frames without a status column all are."""
    if "status" not in frames:
        return np.ones(len(frames), dtype=bool)
    return frames["status"].isin(list(options.statuses)).to_numpy(dtype=bool)


def statuses_read(options: CheckOptions) -> tuple[str, ...]:
    """The statuses a check reads: those asked for, and adopted plans to check them against."""
    return tuple(dict.fromkeys([*options.statuses, ADOPTED]))


def conflict_pairs(geoms: np.ndarray, komnr: np.ndarray, required_m: np.ndarray, sensitive: np.ndarray,
                   within_municipality: bool = False, subject: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source rows, sensitive rows, distances) of every pair closer than the source's required
    distance, where at least one of the two is a subject of the check."""
    sources = np.flatnonzero(required_m > 0)
    targets = np.flatnonzero(sensitive)
    if not len(sources) or not len(targets):
        empty = np.array([], dtype=int)
        return empty, empty, np.array([])
    # Candidates by envelope only (the source's box grown by its distance): most are neighbours in the
    # same municipality, dropped here by a comparison of codes before any exact distance is computed.
    xmin, ymin, xmax, ymax = shapely.bounds(geoms[sources]).T
    reach = required_m[sources]
    tree = STRtree(geoms[targets])
    left, right = tree.query(shapely.box(xmin - reach, ymin - reach, xmax + reach, ymax + reach))
    s, t = sources[left], targets[right]
    keep = s != t
    if not within_municipality:
        keep &= komnr[s] != komnr[t]
    if subject is not None:
        keep &= subject[s] | subject[t]
    s, t = s[keep], t[keep]
    distance = shapely.distance(geoms[s], geoms[t])
    # the recommended distance itself is fine (1 mm slack for floating point)
    closer = distance < required_m[s] - DISTANCE_SLACK_M
    return s[closer], t[closer], distance[closer]


def environmental_conflicts(frames: gpd.GeoDataFrame, distance_m: Mapping[int, float],
                            options: CheckOptions = CheckOptions()) -> list[Conflict]:
    f = frames.reset_index(drop=True)
    status = f["status"].to_numpy(dtype=object) if "status" in f else None
    return conflicts_of(f["planid"].to_numpy(dtype=object), f["komnr"].to_numpy(dtype=object),
                        f["maxmiljo"].to_numpy(dtype=float, na_value=np.nan), f["anvgen"].to_numpy(dtype=float, na_value=np.nan),
                        status, f.geometry.to_numpy(), distance_m, options)


def conflicts_of(planid: np.ndarray, komnr: np.ndarray, maxmiljo: np.ndarray, anvgen: np.ndarray,
                 status: np.ndarray | None, geoms: np.ndarray, distance_m: Mapping[int, float],
                 options: CheckOptions = CheckOptions()) -> list[Conflict]:
    """The environmental-distance check on plain arrays (a code missing is NaN; `status` None: every
    frame is a subject): what environmental_conflicts does for a table, without one (the point query)."""
    required = required_distances_m(maxmiljo, distance_m)
    sensitive = np.isin(anvgen, list(options.sensitive_uses))
    subject = np.ones(len(planid), dtype=bool) if status is None else np.isin(status, list(options.statuses))
    s, t, d = conflict_pairs(geoms, komnr, required, sensitive, options.within_municipality, subject)
    # plain arrays, read once: a label lookup per conflict costs more than the spatial query
    classes, uses = np.nan_to_num(maxmiljo), np.nan_to_num(anvgen)
    found = [
        Conflict(planid[i], komnr[i], int(classes[i]), planid[j], komnr[j], int(uses[j]), round(float(dist), 1),
                 float(required[i]))
        for i, j, dist in zip(s, t, d)
    ]
    return sorted(found, key=lambda c: (c.source_komnr, c.source_planid, c.sensitive_planid))


# Business and technical installations: the uses whose environmental class the distance check needs.
CLASS_NEEDED_USES = (31, 81)


def cannot_be_checked(frames: gpd.GeoDataFrame, options: CheckOptions = CheckOptions()) -> list[dict]:
    """Frames of business or technical-installation use (anvgen 31, 81) without an environmental
    class: the distance check cannot tell how far they must be from housing, so they are named
    instead of passing silently as class 0."""
    f = frames.reset_index(drop=True)
    rows = np.flatnonzero((f["anvgen"].isin(CLASS_NEEDED_USES) & f["maxmiljo"].isna()).to_numpy(dtype=bool)
                          & subject_mask(f, options))
    return [dict(planid=f.at[r, "planid"], komnr=f.at[r, "komnr"], anvgen=int(f.at[r, "anvgen"])) for r in rows]


def _plain(value):
    value = float(value)
    return int(value) if value.is_integer() else value


def _basis(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _differences(f: pd.DataFrame, i: int, j: int, basis_names: Mapping[int, str]) -> tuple[dict, dict]:
    """(differences, not comparable): rules both frames set that differ; and building percentages
    that cannot be compared because they are not percentages of the same thing."""
    out, not_comparable = {}, {}
    for column in RULE_COLUMNS:
        a, b = f.at[i, column], f.at[j, column]
        if pd.isna(a) or pd.isna(b):
            continue
        if column == "bebygpct":
            basis_a, basis_b = (_basis(f.at[r, "bebygpctaf"]) if "bebygpctaf" in f else None for r in (i, j))
            if basis_a is not None and basis_b is not None and basis_a != basis_b:
                not_comparable[column] = dict(values=[_plain(a), _plain(b)], bebygpctaf=[basis_a, basis_b],
                                              reason=f"of {basis_names.get(basis_a, basis_a)} against of "
                                                     f"{basis_names.get(basis_b, basis_b)}: not the same measure")
                continue
            if (basis_a is None or basis_b is None) and float(a) != float(b):
                not_comparable[column] = dict(values=[_plain(a), _plain(b)], bebygpctaf=[basis_a, basis_b],
                                              reason="bebygpctaf not given: not known to be the same measure")
                continue
        if float(a) != float(b):
            out[column] = [_plain(a), _plain(b)]
    return out, not_comparable


def unequal_conditions(frames: gpd.GeoDataFrame, options: CheckOptions = CheckOptions(),
                       basis_names: Mapping[int, str] | None = None) -> list[UnequalCondition]:
    f = frames.reset_index(drop=True)
    geoms = f.geometry.to_numpy()
    left, right = STRtree(geoms).query(geoms, predicate="dwithin", distance=options.touch_distance_m)
    komnr, anvgen = f["komnr"].to_numpy(), f["anvgen"].to_numpy()
    subject = subject_mask(f, options)
    keep = (left < right) & (komnr[left] != komnr[right]) & f["anvgen"].notna().to_numpy()[left]
    keep &= (anvgen[left] == anvgen[right]) & (subject[left] | subject[right])
    left, right = left[keep], right[keep]
    distance = shapely.distance(geoms[left], geoms[right])
    found = []
    for i, j, dist in zip(left, right, distance):
        differences, not_comparable = _differences(f, i, j, basis_names or {})
        if differences or not_comparable:
            a, b = sorted((i, j), key=lambda r: (komnr[r], f.at[r, "planid"]))
            if a != i:
                differences = {k: v[::-1] for k, v in differences.items()}
                not_comparable = {k: dict(v, values=v["values"][::-1], bebygpctaf=v["bebygpctaf"][::-1])
                                  for k, v in not_comparable.items()}
            found.append(UnequalCondition(f.at[a, "planid"], komnr[a], f.at[b, "planid"], komnr[b],
                                          int(anvgen[a]), round(float(dist), 1), differences, not_comparable))
    return sorted(found, key=lambda u: (u.komnr_a, u.planid_a, u.planid_b))


def frame_overlaps(f: pd.DataFrame, geoms: np.ndarray, min_m2: float, subject: np.ndarray) -> list[BorderOverlap]:
    left, right = STRtree(geoms).query(geoms, predicate="intersects")
    komnr = f["komnr"].to_numpy()
    keep = (left < right) & (komnr[left] != komnr[right]) & (subject[left] | subject[right])
    left, right = left[keep], right[keep]
    area = shapely.area(shapely.intersection(geoms[left], geoms[right]))
    found = []
    for i, j, a in zip(left, right, area):
        if a >= min_m2:
            i, j = sorted((i, j), key=lambda r: (komnr[r], f.at[r, "planid"]))
            found.append(BorderOverlap("frames-overlap", f.at[i, "planid"], komnr[i], f.at[j, "planid"], komnr[j], round(float(a), 1)))
    return found


def into_neighbours(f: pd.DataFrame, geoms: np.ndarray, boundaries: Mapping[str, BaseGeometry],
                    tolerance_m: float, min_m2: float, subject: np.ndarray) -> list[BorderOverlap]:
    komnr = f["komnr"].to_numpy()
    rows = np.flatnonzero(pd.Series(komnr).isin(list(boundaries)).to_numpy() & subject)
    codes = sorted(set(komnr[rows]))
    grown = dict(zip(codes, shapely.buffer([boundaries[c] for c in codes], tolerance_m, quad_segs=4)))
    for g in grown.values():
        shapely.prepare(g)
    own = np.array([grown[c] for c in komnr[rows]], dtype=object)
    rows = rows[~shapely.covers(own, geoms[rows])]
    if not len(rows):
        return []
    outside = shapely.difference(geoms[rows], np.array([grown[c] for c in komnr[rows]], dtype=object))
    names = list(boundaries)
    areas = [boundaries[n] for n in names]
    hit_row, hit_area = STRtree(areas).query(outside, predicate="intersects")
    found = []
    for r, a in zip(hit_row, hit_area):
        row, neighbour = rows[r], names[a]
        if neighbour == komnr[row]:
            continue
        inside = shapely.area(shapely.intersection(outside[r], areas[a]))
        if inside >= min_m2:
            found.append(BorderOverlap("into-neighbour", f.at[row, "planid"], komnr[row], None, neighbour, round(float(inside), 1)))
    return found


def border_overlaps(frames: gpd.GeoDataFrame, boundaries: Mapping[str, BaseGeometry],
                    options: CheckOptions = CheckOptions()) -> list[BorderOverlap]:
    f = frames.reset_index(drop=True)
    geoms = f.geometry.to_numpy()
    subject = subject_mask(f, options)
    found = frame_overlaps(f, geoms, options.overlap_min_m2, subject)
    found += into_neighbours(f, geoms, boundaries, options.outside_tolerance_m, options.overlap_min_m2, subject)
    return sorted(found, key=lambda o: (o.kind, o.komnr_a, o.planid_a, o.planid_b or ""))
