"""Each import issue code, on a crafted bad file, read through the real reader (pyogrio)."""

import json
import zipfile

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box

from trekant.plan.service import prepare_file
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, real_boundaries, write_geojson

VEJLE_INSIDE = box(533000, 6175000, 533300, 6175300)  # 300 m square north of Vejle town centre


def _good(planid="1", geom=VEJLE_INSIDE, komnr=VEJLE, anvgen=11, **rules):
    return frame(planid, komnr, anvgen, geom, **rules)


def _codes(prepared):
    return sorted({(i.severity, i.code, i.field) for i in prepared.issues})


def _prepare(path, **kwargs):
    return prepare_file(path, real_boundaries(), **kwargs)


def test_a_good_file_has_no_issues(tmp_path):
    prepared = _prepare(write_geojson(tmp_path / "ok.geojson", [_good()]))
    assert prepared.issues == [] and prepared.ok
    assert list(prepared.frames["planid"]) == ["1"]


BOWTIE = Polygon([(533000, 6175000), (533300, 6175300), (533300, 6175000), (533000, 6175300), (533000, 6175000)])
DUPLICATE = Polygon([(533000, 6175000), (533300, 6175000), (533300, 6175000), (533300, 6175300), (533000, 6175300)])
TINY = box(533000, 6175000, 533000.5, 6175001)  # 0.5 m²
DEEP_IN_KOLDING = box(525000, 6148000, 525300, 6148300)  # a "Vejle" frame 12 km south of the border


@pytest.mark.parametrize("feature, expected", [
    (_good(geom=BOWTIE), ("error", "invalid-geometry", "geometry")),
    (_good(geom=DUPLICATE), ("error", "invalid-geometry", "geometry")),
    (_good(geom=TINY), ("error", "too-small", "geometry")),
    (_good(geom=DEEP_IN_KOLDING), ("error", "outside-municipality", "geometry")),
    (_good(anvgen=12), ("error", "unknown-code", "anvgen")),
    (_good(zone=4), ("error", "unknown-code", "zone")),
    (_good(maxmiljo=8), ("error", "unknown-code", "maxmiljo")),
    (_good(anvspec=9999), ("warning", "unknown-code", "anvspec")),
    (_good(datovedt=20231345), ("error", "invalid-date", "datovedt")),
    (_good(bebygpct=4500), ("error", "out-of-range", "bebygpct")),
    (_good(komnr="9999"), ("error", "unknown-code", "komnr")),
    (_good(planid=None), ("error", "missing-value", "planid")),
], ids=["self-intersection", "duplicate-vertex", "too-small", "outside", "anvgen", "zone", "env-class",
        "anvspec", "date", "range", "komnr", "planid"])
def test_issue_code_on_crafted_file(tmp_path, feature, expected):
    prepared = _prepare(write_geojson(tmp_path / "bad.geojson", [feature]))
    assert expected in _codes(prepared)
    assert prepared.ok == (expected[0] == "warning")


def test_self_intersection_message_names_the_point(tmp_path):
    prepared = _prepare(write_geojson(tmp_path / "bad.geojson", [_good(geom=BOWTIE)]))
    (issue,) = [i for i in prepared.issues if i.code == "invalid-geometry"]
    assert issue.message.startswith("Self-intersection[533150 6175150]")
    assert issue.where == "planid 1"


def test_ring_with_two_distinct_vertices(tmp_path):
    """A ring A, B, A (written by hand: Shapely refuses to build it) has fewer than 3 vertices."""
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:25832"}},
                                "features": [{"type": "Feature", "properties": _good()["properties"], "geometry": {
                                    "type": "Polygon", "coordinates": [[[533000, 6175000], [533300, 6175000], [533000, 6175000]]]}}]}))
    prepared = _prepare(path)
    assert ("error", "invalid-geometry", "geometry") in _codes(prepared)


def test_duplicate_planid_flags_both(tmp_path):
    second = box(533400, 6175000, 533700, 6175300)
    prepared = _prepare(write_geojson(tmp_path / "bad.geojson", [_good("7"), _good("7", geom=second)]))
    dups = [i for i in prepared.issues if i.code == "duplicate-planid"]
    assert [i.where for i in dups] == ["feature 0 (planid 7)", "feature 1 (planid 7)"]


def test_wrong_geometry_type(tmp_path):
    prepared = _prepare(write_geojson(tmp_path / "bad.geojson", [_good(geom=Point(533000, 6175000))]))
    assert ("error", "wrong-geometry-type", "geometry") in _codes(prepared)


def test_missing_geometry_is_missing_value(tmp_path):
    feature = _good()
    feature["geometry"] = None
    prepared = _prepare(write_geojson(tmp_path / "bad.geojson", [feature]))
    assert ("error", "missing-value", "geometry") in _codes(prepared)


def test_missing_crs_in_a_zipped_shapefile_without_prj(tmp_path):
    frames = gpd.GeoDataFrame({"planid": ["1"], "komnr": [VEJLE], "anvgen": [11], "status": ["V"]},
                              geometry=[VEJLE_INSIDE], crs=None)
    with pytest.warns(UserWarning, match="crs"):
        pyogrio.write_dataframe(frames, tmp_path / "rammer.shp")
    archive = tmp_path / "rammer.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for suffix in (".shp", ".shx", ".dbf"):
            z.write(tmp_path / f"rammer{suffix}", f"rammer{suffix}")
    prepared = _prepare(archive)
    assert _codes(prepared) == [("error", "missing-crs", None)]


def test_all_problems_are_collected_not_just_the_first(tmp_path):
    features = [_good("1", geom=BOWTIE), _good("2", anvgen=12), _good("3", datovedt="x"), _good("3", geom=TINY)]
    prepared = _prepare(write_geojson(tmp_path / "bad.geojson", features))
    codes = {i.code for i in prepared.issues if i.severity == "error"}
    assert codes == {"invalid-geometry", "unknown-code", "invalid-date", "duplicate-planid", "too-small"}


def test_truncated_file(tmp_path):
    path = write_geojson(tmp_path / "cut.geojson", [_good(), _good("2", geom=box(533400, 6175000, 533700, 6175300))])
    path.write_bytes(path.read_bytes()[:300])
    prepared = _prepare(path)
    assert [(i.code, i.where) for i in prepared.issues] == [("unreadable-file", "file")]


def test_missing_file(tmp_path):
    prepared = _prepare(tmp_path / "nope.gpkg")
    assert [i.code for i in prepared.issues] == ["unreadable-file"]


def test_latin1_file_is_read_with_a_warning(tmp_path):
    path = write_geojson(tmp_path / "latin.geojson", [_good(plannavn="Bøgeskov Ældre")])
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    prepared = _prepare(path)
    assert [(i.severity, i.code) for i in prepared.issues] == [("warning", "encoding")]
    assert prepared.frames["plannavn"].iloc[0] == "Bøgeskov Ældre"


def test_municipality_scope_refuses_or_skips_others(tmp_path):
    segment = border_segment(KOLDING, VEJLE)
    features = [frame("V1", VEJLE, 11, segment.rect(100, 400)), frame("K1", KOLDING, 31, segment.rect(100, 400, side="a"))]
    path = write_geojson(tmp_path / "mixed.geojson", features)
    refused = _prepare(path, municipality=VEJLE)
    assert [(i.severity, i.code, i.where) for i in refused.issues] == [("error", "other-municipality", "planid K1")]
    skipped = _prepare(path, municipality=VEJLE, skip_others=True)
    assert skipped.ok and list(skipped.frames["planid"]) == ["V1"]


def _plandata_frames() -> gpd.GeoDataFrame:
    """Two frames as Plandata serves them: float codes, planstatus, integer dates, MultiPolygon with a hole."""
    holed = MultiPolygon([box(533000, 6175000, 533400, 6175400).difference(box(533100, 6175100, 533200, 6175200))])
    return gpd.GeoDataFrame({
        "planid": [4410001, 4410002], "komnr": [630, 630], "plannr": ["1.B.1", "1.E.2"],
        "plannavn": ["Boligområde ved Nørremarken", "Erhverv ved motorvejen"], "anvgen": [11.0, 31.0],
        "planstatus": ["V", "V"], "maxmiljo": [None, 5.0], "datovedt": [20211013, 20220301],
    }, geometry=[holed, MultiPolygon([box(533600, 6175000, 534000, 6175400)])], crs="EPSG:25832")


@pytest.mark.parametrize("driver, name", [("GPKG", "rammer.gpkg"), ("GML", "rammer.gml"), ("GeoJSON", "rammer.json")])
def test_formats_read_the_same(tmp_path, driver, name):
    path = tmp_path / name
    pyogrio.write_dataframe(_plandata_frames().to_crs("EPSG:4326") if driver == "GeoJSON" else _plandata_frames(), path, driver=driver)
    prepared = _prepare(path)
    assert prepared.ok, prepared.issues
    f = prepared.frames
    assert list(f["planid"]) == ["4410001", "4410002"] and list(f["anvgen"]) == [11, 31]
    assert f["datovedt"].iloc[0].isoformat() == "2021-10-13"
    # 400 m × 400 m minus a 100 m × 100 m hole = 150,000 m² (to 1 m² after a round trip through WGS 84)
    assert f.geometry.iloc[0].area == pytest.approx(150_000, abs=1)


def test_zipped_shapefile(tmp_path):
    pyogrio.write_dataframe(_plandata_frames(), tmp_path / "rammer.shp")
    archive = tmp_path / "rammer.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for suffix in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
            if (tmp_path / f"rammer{suffix}").exists():
                z.write(tmp_path / f"rammer{suffix}", f"data/rammer{suffix}")
    prepared = _prepare(archive)
    assert prepared.ok, prepared.issues
    assert list(prepared.frames["plannavn"]) == ["Boligområde ved Nørremarken", "Erhverv ved motorvejen"]


def test_a_file_with_several_layers_needs_a_choice(tmp_path):
    path = tmp_path / "two.gpkg"
    pyogrio.write_dataframe(_plandata_frames(), path, layer="zonekort", driver="GPKG")
    pyogrio.write_dataframe(_plandata_frames(), path, layer="lokalplaner", driver="GPKG", append=True)
    assert [i.code for i in _prepare(path).issues] == ["ambiguous-layer"]
    assert _prepare(path, layer="lokalplaner").ok
    assert [i.code for i in _prepare(path, layer="nope").issues] == ["unknown-layer"]
    pyogrio.write_dataframe(_plandata_frames(), path, layer="kommuneplanrammer", driver="GPKG", append=True)
    assert _prepare(path).ok  # the one frame layer is chosen by its name
