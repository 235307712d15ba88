"""Consequence zones around areas reserved for production companies (pure; Shapely STRtree).

Since the Planning Act amendment of 2017 (act no. 668 of 8 June 2017) a municipality reserves
business areas for production companies in its municipal plan and lays a consequence zone around
them; Erhvervsstyrelsen's guidance names a 500 m zone. Inside it, a new sensitive use (housing,
institutions, recreation, …) needs a justification that the companies will not meet stricter
environmental demands. The law leaves this to each municipality; across a border nobody looks:
this check does.

Production areas come from the municipalities' own designations (theme `production`, each with its
zone width in `consequence_m`, 500 m when not given) and, where a municipality has given none,
from its frames: business or technical-installation frames (anvgen 31, 81) for heavier industry
(anvspec 3130) or allowing environmental class 6 or 7 (300–500 m recommended distance: the
companies the rule protects). A conflict is a sensitive feature (a frame, local plan or sub-area
of a sensitive use) of another municipality within the zone.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely import STRtree

from trekant.plan.model import ADOPTED, STORE_CRS, CheckOptions, ConsequenceConflict

PRODUCTION_THEME = "production"
PRODUCTION_USES = (31, 81)
PRODUCTION_ANVSPEC = (3130,)  # Tungere industri
PRODUCTION_MIN_CLASS = 6
AREA_COLUMNS = ["production_id", "origin", "owners", "zone_m", "status"]


def _empty() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({c: [] for c in AREA_COLUMNS}, geometry=[], crs=STORE_CRS)


def from_designations(designations: gpd.GeoDataFrame, default_zone_m: float) -> gpd.GeoDataFrame:
    if not len(designations):
        return _empty()
    chosen = designations[designations["theme"] == PRODUCTION_THEME]
    if not len(chosen):
        return _empty()
    zone = chosen["consequence_m"] if "consequence_m" in chosen else pd.Series(np.nan, index=chosen.index)
    return gpd.GeoDataFrame(dict(
        production_id=chosen["designation_id"].to_numpy(), origin="designation",
        owners=[tuple(m for m in str(v).split(",") if m) for v in chosen["municipalities"]],
        zone_m=zone.fillna(default_zone_m).astype(float).to_numpy(), status=ADOPTED,
    ), geometry=chosen.geometry.to_numpy(), crs=STORE_CRS)


def from_frames(frames: gpd.GeoDataFrame, zone_m: float) -> gpd.GeoDataFrame:
    if not len(frames):
        return _empty()
    use = frames["anvgen"].isin(PRODUCTION_USES)
    heavy = frames["anvspec"].isin(PRODUCTION_ANVSPEC) if "anvspec" in frames else False
    heavy = heavy | (frames["maxmiljo"].fillna(0) >= PRODUCTION_MIN_CLASS)
    chosen = frames[(use & heavy).fillna(False).to_numpy(dtype=bool)]
    return gpd.GeoDataFrame(dict(
        production_id=chosen["planid"].to_numpy(), origin="frame", owners=[(k,) for k in chosen["komnr"]],
        zone_m=float(zone_m), status=chosen["status"].to_numpy(),
    ), geometry=chosen.geometry.to_numpy(), crs=STORE_CRS)


def production_areas(frames: gpd.GeoDataFrame, designations: gpd.GeoDataFrame,
                     zone_m: float) -> gpd.GeoDataFrame:
    """The areas reserved for production companies: a municipality's designations, and the frames
    of the municipalities that have designated none."""
    designated = from_designations(designations, zone_m)
    owners = {m for group in designated["owners"] for m in group}
    derived = from_frames(frames, zone_m)
    derived = derived[[group[0] not in owners for group in derived["owners"]]] if len(derived) else derived
    if not len(designated):
        return derived.reset_index(drop=True)
    if not len(derived):
        return designated.reset_index(drop=True)
    return gpd.GeoDataFrame(pd.concat([designated, derived], ignore_index=True), crs=STORE_CRS)


def consequence_conflicts(areas: gpd.GeoDataFrame, sensitive: gpd.GeoDataFrame,
                          options: CheckOptions = CheckOptions()) -> list[ConsequenceConflict]:
    """Sensitive features (columns layer, planid, komnr, anvgen, status) of another municipality
    within an area's consequence zone; with `within_municipality` also inside one municipality.
    At least one of the two must have a status the check is about (proposals against adopted plans)."""
    if not len(areas) or not len(sensitive):
        return []
    a, s = areas.reset_index(drop=True), sensitive.reset_index(drop=True)
    area_geoms, geoms = a.geometry.to_numpy(), s.geometry.to_numpy()
    zone = a["zone_m"].to_numpy(dtype=float)
    left, right = STRtree(geoms).query(area_geoms, predicate="dwithin", distance=zone)
    subject = set(options.statuses)
    found = []
    distances = shapely.distance(area_geoms[left], geoms[right])
    for i, j, distance in zip(left, right, distances):
        owners, komnr = a.at[i, "owners"], s.at[j, "komnr"]
        if (komnr in owners and not options.within_municipality) or distance >= zone[i]:
            continue
        if a.at[i, "origin"] == "frame" and s.at[j, "layer"] == "kommuneplanramme" and s.at[j, "planid"] == a.at[i, "production_id"]:
            continue
        if a.at[i, "status"] not in subject and s.at[j, "status"] not in subject:
            continue
        found.append(ConsequenceConflict(
            production_id=a.at[i, "production_id"], origin=a.at[i, "origin"], production_komnr=",".join(owners),
            zone_m=float(zone[i]), sensitive_layer=s.at[j, "layer"], sensitive_planid=s.at[j, "planid"],
            sensitive_komnr=komnr, sensitive_anvgen=int(s.at[j, "anvgen"]), sensitive_status=s.at[j, "status"],
            distance_m=round(float(distance), 1)))
    return sorted(found, key=lambda c: (c.production_komnr, c.production_id, c.sensitive_komnr, c.sensitive_planid))
