"""The demo plan: deterministic, labelled, valid by Plandata's rules, with the designed findings."""

import pytest
import shapely

from trekant.plan import checks, demo
from trekant.plan.codes import load_code_lists
from trekant.plan.validate import validate
from unit.plan.builders import real_boundaries

MEMBERS = ["0530", "0607", "0510", "0621", "0410", "0575", "0630"]


@pytest.fixture(scope="module")
def frames():
    return demo.generate_frames(real_boundaries(), MEMBERS, {})


def test_towns_lie_in_their_own_municipality():
    borders = real_boundaries()
    for town in demo.load_towns():
        assert borders[town.komnr].contains(town.point), town.name


def test_deterministic(frames):
    again = demo.generate_frames(real_boundaries(), MEMBERS, {})
    assert list(again["planid"]) == list(frames["planid"])
    assert all(shapely.equals_exact(again.geometry.to_numpy(), frames.geometry.to_numpy(), 0))


def test_labelled_as_demo(frames):
    assert frames["planid"].str.startswith("DEMO-").all()
    assert frames["plannavn"].str.endswith("(demo)").all()


def test_every_member_has_frames_and_rural_land(frames):
    assert set(frames["komnr"]) == set(MEMBERS)
    assert set(frames.loc[frames["anvgen"] == 91, "komnr"]) == set(MEMBERS)


def test_demo_passes_its_own_import_validation(frames):
    issues, _ = validate(frames.assign(where=frames["planid"], feature=range(len(frames))), "demo",
                         load_code_lists(), real_boundaries())
    assert [i.line() for i in issues] == []


def test_frames_of_one_municipality_do_not_overlap(frames):
    for komnr, group in frames.groupby("komnr"):
        union_area = shapely.union_all(group.geometry.to_numpy()).area
        assert union_area == pytest.approx(group.geometry.area.sum(), rel=1e-6), komnr


def test_rural_land_fills_the_rest_of_each_municipality(frames):
    """Frames clipped to the municipality plus its rural land cover it all (to 0.01 %)."""
    borders = real_boundaries()
    for komnr, group in frames.groupby("komnr"):
        covered = shapely.union_all(group.geometry.to_numpy()).intersection(borders[komnr]).area
        assert covered == pytest.approx(borders[komnr].area, rel=1e-4), komnr


def test_designed_findings(frames):
    """Three conflicts (class 6 at 200 m, class 5 at 100 m, class 6 at 250 m), not the class-3 pair at 100 m."""
    conflicts = checks.environmental_conflicts(frames, load_code_lists().distance_m)
    assert [(c.source_planid, c.sensitive_planid, c.distance_m, c.required_m) for c in conflicts] == [
        ("DEMO-0575-9.T.1", "DEMO-0530-9.R.1", 250.0, 300.0),
        ("DEMO-0607-9.E.1", "DEMO-0621-9.D.1", 100.0, 150.0),
        ("DEMO-0621-9.E.1", "DEMO-0630-9.B.1", 200.0, 300.0),
    ]
    (unequal,) = checks.unequal_conditions(frames)
    assert unequal.differences == {"bebygpct": [30, 40], "maxetager": [2, 3]}
    (overlap,) = checks.border_overlaps(frames, real_boundaries())
    assert (overlap.kind, overlap.planid_a, overlap.planid_b, overlap.area_m2) == \
        ("frames-overlap", "DEMO-0510-9.E.2", "DEMO-0621-9.E.2", 60_000.0)


def test_designations_one_theme_each_at_least(frames):
    zones = demo.generate_designations(real_boundaries(), MEMBERS, frames)
    assert set(zones["theme"]) == {"transport_logistics", "wind", "solar", "ptx", "green_corridor"}
    assert zones["designation_id"].str.startswith("DEMO-").all()
    corridor = zones[zones["theme"] == "green_corridor"].iloc[0]
    assert corridor["municipalities"] == "0530,0630"  # Vejle–Billund crosses the border


def test_no_demo_for_a_region_without_demo_towns():
    aarhus = {k: v for k, v in real_boundaries().items() if k in ("0751", "0746")}
    assert len(demo.generate_frames(aarhus, ["0751", "0746"], {})) == 0
