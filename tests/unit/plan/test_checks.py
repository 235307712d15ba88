"""The three cross-border checks on hand-built frames beside real borders (DAGI 1:500,000).

Rectangles are 300 m wide and laid out perpendicular to a straight piece of the border, so the
gap between a frame on one side and a frame on the other is the sum of their offsets.
Recommended distances: Miljøstyrelsen, Håndbog om Miljø og Planlægning (2004), ch. 7:
class 3 → 50 m, class 5 → 150 m, class 6 → 300 m.
"""

import geopandas as gpd
import pytest
from shapely.geometry import MultiPolygon

from trekant.plan import checks
from trekant.plan.codes import load_code_lists
from trekant.plan.model import CheckOptions
from unit.plan.builders import HADERSLEV, KOLDING, VEJEN, VEJLE, border_segment, real_boundaries

DISTANCE_M = load_code_lists().distance_m


def _frames(rows: list[dict]) -> gpd.GeoDataFrame:
    base = dict(anvspec=None, bebygpct=None, bebygpctaf=None, maxetager=None, maxbygnhjd=None, minuds=None, minmiljo=None,
                maxmiljo=None, status="V", is_demo=False)
    data = [{**base, **r} for r in rows]
    frame = gpd.GeoDataFrame(data, geometry="geometry", crs="EPSG:25832")
    for c in ("anvgen", "minmiljo", "maxmiljo", "bebygpctaf"):
        frame[c] = frame[c].astype("Int64")
    return frame


def _kolding_vejle(source_class: int, gap_m: float) -> gpd.GeoDataFrame:
    s = border_segment(KOLDING, VEJLE)
    return _frames([
        dict(planid="V-BOLIG", komnr=VEJLE, anvgen=11, geometry=s.rect(100, 400)),
        dict(planid="K-ERHV", komnr=KOLDING, anvgen=31, maxmiljo=source_class, geometry=s.rect(gap_m - 100, gap_m + 200, side="a")),
    ])


def test_class_6_at_200_m_from_housing_across_kolding_vejle_is_a_conflict():
    (conflict,) = checks.environmental_conflicts(_kolding_vejle(6, 200), DISTANCE_M)
    assert (conflict.source_planid, conflict.source_komnr, conflict.sensitive_planid, conflict.sensitive_komnr) == \
        ("K-ERHV", KOLDING, "V-BOLIG", VEJLE)
    assert conflict.distance_m == pytest.approx(200.0, abs=0.1)
    assert conflict.required_m == 300.0
    assert conflict.source_class == 6 and conflict.sensitive_anvgen == 11


def test_class_3_at_100_m_is_not_a_conflict():
    assert checks.environmental_conflicts(_kolding_vejle(3, 100), DISTANCE_M) == []


def test_class_6_at_exactly_300_m_meets_the_recommendation():
    assert checks.environmental_conflicts(_kolding_vejle(6, 300), DISTANCE_M) == []


def test_class_5_at_149_m_is_a_conflict_requiring_150():
    (conflict,) = checks.environmental_conflicts(_kolding_vejle(5, 149), DISTANCE_M)
    assert conflict.required_m == 150.0 and conflict.distance_m == pytest.approx(149.0, abs=0.1)


def test_sensitive_uses_are_configurable():
    options = CheckOptions(sensitive_uses=(61,))  # only summer houses
    assert checks.environmental_conflicts(_kolding_vejle(6, 200), DISTANCE_M, options) == []


def test_same_municipality_only_with_the_option():
    frames = _kolding_vejle(6, 200)
    frames.loc[1, "komnr"] = VEJLE  # pretend the industry is Vejle's own
    assert checks.environmental_conflicts(frames, DISTANCE_M) == []
    (inside,) = checks.environmental_conflicts(frames, DISTANCE_M, CheckOptions(within_municipality=True))
    assert inside.source_komnr == inside.sensitive_komnr == VEJLE


def test_touching_frames_are_at_distance_zero():
    s = border_segment(KOLDING, VEJLE)
    frames = _frames([
        dict(planid="V-BOLIG", komnr=VEJLE, anvgen=11, geometry=s.rect(0, 300)),
        dict(planid="K-ERHV", komnr=KOLDING, anvgen=31, maxmiljo=4, geometry=s.rect(0, 300, side="a")),
    ])
    (conflict,) = checks.environmental_conflicts(frames, DISTANCE_M)
    assert conflict.distance_m == 0.0 and conflict.required_m == 100.0


def _vejen_kolding(gap_m: float, second_use: int = 11, **rules) -> gpd.GeoDataFrame:
    s = border_segment(VEJEN, KOLDING)
    first = dict(planid="VJ-1", komnr=VEJEN, anvgen=11, bebygpct=30, bebygpctaf=2, maxetager=2, maxbygnhjd=8.5,
                 geometry=s.rect(gap_m / 2, gap_m / 2 + 300, side="a"))
    second = dict(planid="KO-1", komnr=KOLDING, anvgen=second_use, bebygpct=30, bebygpctaf=2, maxetager=2, maxbygnhjd=8.5,
                  geometry=s.rect(gap_m / 2, gap_m / 2 + 300))
    second.update(rules)
    return _frames([first, second])


def test_unequal_conditions_lists_only_the_differing_rules():
    (found,) = checks.unequal_conditions(_vejen_kolding(0, bebygpct=40, maxetager=2))
    # pairs are ordered by municipality code: Vejen 0575 before Kolding 0621
    assert (found.planid_a, found.komnr_a, found.planid_b, found.komnr_b) == ("VJ-1", VEJEN, "KO-1", KOLDING)
    assert found.differences == {"bebygpct": [30, 40]}
    assert found.anvgen == 11


def test_equal_rules_are_not_reported():
    assert checks.unequal_conditions(_vejen_kolding(0)) == []


def test_frames_further_apart_than_the_touch_distance_are_not_compared():
    assert checks.unequal_conditions(_vejen_kolding(100, bebygpct=40)) == []
    assert len(checks.unequal_conditions(_vejen_kolding(100, bebygpct=40), CheckOptions(touch_distance_m=150))) == 1


def test_different_uses_are_not_compared():
    assert checks.unequal_conditions(_vejen_kolding(0, second_use=21, bebygpct=40)) == []


def test_a_missing_rule_is_not_a_difference():
    (found,) = checks.unequal_conditions(_vejen_kolding(0, bebygpct=None, maxetager=3))
    assert found.differences == {"maxetager": [2, 3]}  # bebygpct 30 vs none is not compared


def test_building_percentages_of_different_things_are_not_compared():
    # 30 % of each property (2) against 40 % of the area as a whole (1): not the same measure.
    (found,) = checks.unequal_conditions(_vejen_kolding(0, bebygpct=40, bebygpctaf=1, maxetager=3))
    assert found.differences == {"maxetager": [2, 3]}
    assert found.not_comparable["bebygpct"]["values"] == [30, 40]
    assert found.not_comparable["bebygpct"]["bebygpctaf"] == [2, 1]
    # the same number of different things is no agreement either: the pair says so
    (same_number,) = checks.unequal_conditions(_vejen_kolding(0, bebygpctaf=1))
    assert same_number.differences == {} and same_number.not_comparable["bebygpct"]["bebygpctaf"] == [2, 1]


def test_building_percentages_without_their_basis_are_not_compared():
    (found,) = checks.unequal_conditions(_vejen_kolding(0, bebygpct=40, bebygpctaf=None))
    assert found.differences == {} and "not given" in found.not_comparable["bebygpct"]["reason"]
    assert checks.unequal_conditions(_vejen_kolding(0, bebygpctaf=None)) == []  # 30 and 30: nothing to say


def test_business_frames_without_a_class_cannot_be_checked():
    s = border_segment(KOLDING, VEJLE)
    frames = _frames([
        dict(planid="V-BOLIG", komnr=VEJLE, anvgen=11, geometry=s.rect(100, 400)),
        dict(planid="K-ERHV", komnr=KOLDING, anvgen=31, geometry=s.rect(0, 300, side="a")),  # no maxmiljo
        dict(planid="K-TEKN", komnr=KOLDING, anvgen=81, geometry=s.rect(400, 700, side="a")),  # no maxmiljo
        dict(planid="K-ERHV4", komnr=KOLDING, anvgen=31, maxmiljo=4, geometry=s.rect(800, 1100, side="a")),
    ])
    assert checks.environmental_conflicts(frames, DISTANCE_M) == []  # it used to pass silently as class 0
    assert checks.cannot_be_checked(frames) == [dict(planid="K-ERHV", komnr=KOLDING, anvgen=31),
                                                dict(planid="K-TEKN", komnr=KOLDING, anvgen=81)]


def test_proposals_are_checked_against_adopted_plans_across_the_border():
    s = border_segment(KOLDING, VEJLE)
    frames = _frames([
        dict(planid="V-BOLIG", komnr=VEJLE, anvgen=11, geometry=s.rect(100, 400)),  # adopted housing
        dict(planid="V-BOLIG-F", komnr=VEJLE, anvgen=11, status="F", geometry=s.rect(100, 400, half_width_m=50).buffer(-1)),
        dict(planid="K-ERHV-F", komnr=KOLDING, anvgen=31, maxmiljo=6, status="F", geometry=s.rect(100, 400, side="a")),
        dict(planid="K-ERHV-V", komnr=KOLDING, anvgen=31, maxmiljo=6, geometry=s.rect(100, 400, half_width_m=20, side="a")),
    ])
    proposals = CheckOptions(statuses=("F",))
    pairs = {(c.source_planid, c.sensitive_planid) for c in checks.environmental_conflicts(frames, DISTANCE_M, proposals)}
    # every pair with a proposal in it (the proposed industry against adopted and proposed housing,
    # the adopted industry against the proposed housing); adopted against adopted is not asked for
    assert pairs == {("K-ERHV-F", "V-BOLIG"), ("K-ERHV-F", "V-BOLIG-F"), ("K-ERHV-V", "V-BOLIG-F")}
    adopted = {(c.source_planid, c.sensitive_planid) for c in checks.environmental_conflicts(frames, DISTANCE_M, CheckOptions(statuses=("V",)))}
    assert adopted == {("K-ERHV-V", "V-BOLIG"), ("K-ERHV-F", "V-BOLIG"), ("K-ERHV-V", "V-BOLIG-F")}


def test_frames_overlapping_across_a_border():
    """Each frame reaches 100 m over the border: the overlap is 200 m × 300 m = 60,000 m²."""
    s = border_segment(HADERSLEV, VEJEN)
    frames = _frames([
        dict(planid="H-1", komnr=HADERSLEV, anvgen=31, geometry=s.rect(-100, 300, side="a")),
        dict(planid="V-1", komnr=VEJEN, anvgen=31, geometry=s.rect(-100, 300)),
    ])
    found = checks.border_overlaps(frames, real_boundaries())
    assert [(o.kind, o.planid_a, o.planid_b) for o in found] == [("frames-overlap", "H-1", "V-1")]
    assert found[0].area_m2 == pytest.approx(60_000, abs=1)


def test_frame_reaching_deep_into_the_neighbour():
    """600 m over the border, 250 m allowed: about (600 − 250) × 300 = 105,000 m² lie in Vejen."""
    s = border_segment(HADERSLEV, VEJEN)
    frames = _frames([dict(planid="H-2", komnr=HADERSLEV, anvgen=31, geometry=s.rect(-300, 600))])
    (found,) = checks.border_overlaps(frames, real_boundaries())
    assert (found.kind, found.planid_a, found.komnr_a, found.planid_b, found.komnr_b) == \
        ("into-neighbour", "H-2", HADERSLEV, None, VEJEN)
    assert found.area_m2 == pytest.approx(105_000, rel=0.03)


def test_multipolygon_frames_use_their_nearest_part():
    s = border_segment(KOLDING, VEJLE)
    far, near = s.rect(2000, 2300, side="a").geoms[0], s.rect(100, 400, side="a").geoms[0]
    frames = _kolding_vejle(6, 200)
    frames.loc[1, "geometry"] = MultiPolygon([far, near])
    (conflict,) = checks.environmental_conflicts(frames, DISTANCE_M)
    assert conflict.distance_m == pytest.approx(200.0, abs=0.1)
