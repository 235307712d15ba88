"""Land account, version decisions and the where-selection on small hand-made tables."""

import geopandas as gpd
from shapely.geometry import MultiPolygon, box

from trekant.plan.land import land_account, land_change
from trekant.plan.query import admits
from trekant.plan.versions import plan_versions


def _frames(rows):
    base = dict(anvspec=None, fzone=None, zone=None, bebygpct=None, maxetager=None, maxbygnhjd=None, minuds=None,
                minmiljo=None, maxmiljo=None, status="V", datoforsl=None, datovedt=None, datoikraft=None,
                datoaflyst=None, doklink=None, plannr=None, plannavn=None, plantype=None, bebygpctaf=None,
                komplan_id=None, is_demo=False)
    frame = gpd.GeoDataFrame([{**base, **r} for r in rows], geometry="geometry", crs="EPSG:25832")
    for c in ("anvgen", "anvspec", "fzone", "zone", "minmiljo", "maxmiljo", "bebygpctaf"):
        frame[c] = frame[c].astype("Int64")
    for c in ("bebygpct", "maxetager", "maxbygnhjd", "minuds"):
        frame[c] = frame[c].astype(float)
    frame["area_m2"] = frame.geometry.area
    return frame


SQUARE_1HA = MultiPolygon([box(0, 0, 100, 100)])
SQUARE_4HA = MultiPolygon([box(0, 0, 200, 200)])


def test_land_account_sums_hectares():
    frames = _frames([
        dict(planid="a", komnr="0630", anvgen=11, geometry=SQUARE_1HA),
        dict(planid="b", komnr="0630", anvgen=11, geometry=SQUARE_4HA),
        dict(planid="c", komnr="0630", anvgen=11, status="F", geometry=SQUARE_1HA),
        dict(planid="d", komnr="0621", anvgen=31, geometry=SQUARE_4HA),
    ])
    table = land_account(frames)
    assert table[["komnr", "anvgen", "status", "frames", "area_ha"]].values.tolist() == [
        ["0621", 31, "V", 1, 4.0], ["0630", 11, "F", 1, 1.0], ["0630", 11, "V", 2, 5.0]]


def test_land_change_is_after_minus_before():
    before = _frames([dict(planid="a", komnr="0630", anvgen=11, geometry=SQUARE_1HA)])
    after = _frames([dict(planid="a", komnr="0630", anvgen=11, geometry=SQUARE_4HA),
                     dict(planid="d", komnr="0621", anvgen=31, geometry=SQUARE_1HA)])
    change = land_change(before, after).set_index(["komnr", "anvgen", "status"])["change_ha"].to_dict()
    assert change == {("0621", 31, "V"): 1.0, ("0630", 11, "V"): 3.0}


def test_versions_new_changed_unchanged():
    stored = _frames([dict(planid="a", komnr="0630", anvgen=11, maxmiljo=2, geometry=SQUARE_1HA),
                      dict(planid="b", komnr="0630", anvgen=11, geometry=SQUARE_1HA)])
    stored["fid"], stored["version"] = [10, 11], [3, 1]
    incoming = _frames([dict(planid="a", komnr="0630", anvgen=11, maxmiljo=3, geometry=SQUARE_1HA),
                        dict(planid="b", komnr="0630", anvgen=11, geometry=SQUARE_1HA),
                        dict(planid="c", komnr="0630", anvgen=11, geometry=SQUARE_1HA)])
    plan = plan_versions(incoming, stored)
    assert plan.new.tolist() == [False, False, True]
    assert plan.changed.tolist() == [True, False, False]
    assert plan.version.tolist() == [4, 0, 1]
    assert plan.closed_fids == [10]
    assert plan.changed_fields == {"a": ["maxmiljo"]}


def test_a_moved_geometry_is_a_change():
    stored = _frames([dict(planid="a", komnr="0630", anvgen=11, geometry=SQUARE_1HA)])
    stored["fid"], stored["version"] = [1], [1]
    moved = _frames([dict(planid="a", komnr="0630", anvgen=11, geometry=MultiPolygon([box(0.01, 0, 100.01, 100)]))])
    assert plan_versions(moved, stored).changed_fields == {"a": ["geometry"]}


def test_admits_uses_the_class_range():
    frames = _frames([
        dict(planid="low", komnr="0630", anvgen=31, minmiljo=1, maxmiljo=3, geometry=SQUARE_4HA),
        dict(planid="high", komnr="0630", anvgen=31, minmiljo=4, maxmiljo=6, geometry=SQUARE_4HA),
        dict(planid="open", komnr="0630", anvgen=31, maxmiljo=5, geometry=SQUARE_1HA),
        dict(planid="none", komnr="0630", anvgen=31, geometry=SQUARE_4HA),
    ])
    assert sorted(admits(frames, 3)["planid"]) == ["low", "open"]
    assert sorted(admits(frames, 5)["planid"]) == ["high", "open"]
    assert list(admits(frames, 5, min_area_ha=2)["planid"]) == ["high"]
    assert admits(frames, 7).empty
