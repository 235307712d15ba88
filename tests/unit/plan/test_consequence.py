"""Consequence zones around production areas, beside the real Kolding–Vejle border (DAGI 1:500,000).

Distances by construction (builders.Segment): a feature `near`–`far` m off the border on one side
and one `near2`–`far2` m off on the other are `near + near2` m apart.
"""

import geopandas as gpd
import pandas as pd
import pytest

from trekant.plan import consequence
from trekant.plan.model import CheckOptions
from unit.plan.builders import KOLDING, VEJLE, border_segment

S = border_segment(KOLDING, VEJLE)


def _designation(zone_m=None, near=300.0, owners=KOLDING):
    return gpd.GeoDataFrame(dict(designation_id=["P-KOLDING"], theme=["production"], municipalities=[owners],
                                 consequence_m=[zone_m]), geometry=[S.rect(near, near + 600, side="a")], crs="EPSG:25832")


def _features(rows):
    base = dict(status="V", anvspec=None, maxmiljo=None)
    frame = gpd.GeoDataFrame([{**base, **r} for r in rows], geometry="geometry", crs="EPSG:25832")
    frame["anvgen"] = frame["anvgen"].astype("Int64")
    frame["maxmiljo"] = frame["maxmiljo"].astype("Int64")
    return frame


NO_FRAMES = _features([dict(planid="-", komnr=KOLDING, anvgen=91, geometry=S.rect(5000, 5100, side="a"))]).iloc[:0]


def _housing(komnr, near, side="b", layer="lokalplan", status="V", planid="BOLIG"):
    return dict(planid=planid, komnr=komnr, anvgen=11, status=status, layer=layer, geometry=S.rect(near, near + 300, side=side))


def test_housing_across_the_border_inside_the_zone_is_reported():
    areas = consequence.production_areas(NO_FRAMES, _designation(), 500.0)
    sensitive = _features([_housing(VEJLE, 100)])  # 300 m + 100 m = 400 m from the production area
    (found,) = consequence.consequence_conflicts(areas, sensitive)
    assert (found.production_id, found.origin, found.production_komnr, found.zone_m) == ("P-KOLDING", "designation", KOLDING, 500.0)
    assert (found.sensitive_planid, found.sensitive_komnr, found.sensitive_layer) == ("BOLIG", VEJLE, "lokalplan")
    assert found.distance_m == pytest.approx(400.0, abs=0.1)


def test_the_same_inside_one_municipality_is_the_municipality_s_own_matter():
    areas = consequence.production_areas(NO_FRAMES, _designation(), 500.0)
    own = _features([_housing(KOLDING, 50, side="a")])  # Kolding housing 250 m from Kolding's production area
    assert consequence.consequence_conflicts(areas, own) == []
    assert len(consequence.consequence_conflicts(areas, own, CheckOptions(within_municipality=True))) == 1


def test_outside_the_zone_or_a_narrower_zone_is_no_conflict():
    sensitive = _features([_housing(VEJLE, 100)])  # 400 m away
    assert consequence.consequence_conflicts(consequence.production_areas(NO_FRAMES, _designation(200.0), 500.0), sensitive) == []
    far = _features([_housing(VEJLE, 250)])  # 550 m away
    assert consequence.consequence_conflicts(consequence.production_areas(NO_FRAMES, _designation(), 500.0), far) == []


def test_heavy_industry_frames_are_production_areas_where_nothing_is_designated():
    frames = _features([
        dict(planid="K-TUNG", komnr=KOLDING, anvgen=31, maxmiljo=6, geometry=S.rect(300, 600, side="a")),
        dict(planid="K-LET", komnr=KOLDING, anvgen=31, maxmiljo=3, geometry=S.rect(0, 200, side="a")),
        dict(planid="K-3130", komnr=KOLDING, anvgen=31, anvspec=3130, geometry=S.rect(2000, 2300, side="a")),
    ])
    areas = consequence.production_areas(frames, gpd.GeoDataFrame(), 500.0)
    assert list(areas["production_id"]) == ["K-TUNG", "K-3130"] and set(areas["origin"]) == {"frame"}
    (found,) = consequence.consequence_conflicts(areas, _features([_housing(VEJLE, 100, layer="kommuneplanramme")]))
    assert (found.production_id, found.origin) == ("K-TUNG", "frame")
    # a municipality that has designated its production areas is taken at its word
    assert list(consequence.production_areas(frames, _designation(), 500.0)["origin"]) == ["designation"]


def test_a_proposal_in_the_zone_is_checked_against_the_adopted_area():
    areas = consequence.production_areas(NO_FRAMES, _designation(), 500.0)
    sensitive = _features([_housing(VEJLE, 100, status="F", planid="FORSLAG"), _housing(VEJLE, 120, planid="VEDTAGET")])
    proposals = CheckOptions(statuses=("F",))
    assert [c.sensitive_planid for c in consequence.consequence_conflicts(areas, sensitive, proposals)] == ["FORSLAG"]
    assert pd.Series([c.sensitive_planid for c in consequence.consequence_conflicts(areas, sensitive)]).tolist() == [
        "FORSLAG", "VEDTAGET"]
