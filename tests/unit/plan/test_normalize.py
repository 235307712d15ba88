"""Coercion of real-world Plandata drift: floats for codes, mixed komnr, planstatus, date shapes, CRS."""

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, box

from trekant.plan.codes import load_code_lists
from trekant.plan.normalize import normalize

CODES = load_code_lists()
SQUARE = box(533000, 6173000, 533100, 6173100)


def _run(rows: list[dict], geoms=None, crs="EPSG:25832", status=None):
    attributes = pd.DataFrame(rows)
    geoms = np.array(geoms if geoms is not None else [SQUARE] * len(rows), dtype=object)
    return normalize(attributes, geoms, np.zeros(len(rows), bool), crs, "test.geojson", CODES, status)


def test_float_codes_and_mixed_komnr_are_coerced():
    frames, issues = _run([
        dict(planid=1234567.0, komnr=630, anvgen=71.0, zone=1.0, planstatus="V", bebygpct=45.0),
        dict(planid="98", komnr="0630", anvgen="11", zone="2", planstatus="vedtaget", bebygpct="40,5"),
        dict(planid="99", komnr=630.0, anvgen=21, zone=3, planstatus="Forslag", bebygpct=None),
    ])
    assert issues == []
    assert list(frames["planid"]) == ["1234567", "98", "99"]
    assert list(frames["komnr"]) == ["0630", "0630", "0630"]
    assert list(frames["anvgen"]) == [71, 11, 21]
    assert list(frames["zone"]) == [1, 2, 3]
    assert list(frames["status"]) == ["V", "V", "F"]
    assert frames["bebygpct"].iloc[0] == 45.0 and frames["bebygpct"].iloc[1] == 40.5
    assert pd.isna(frames["bebygpct"].iloc[2])
    assert frames.geometry.iloc[0].geom_type == "MultiPolygon"


@pytest.mark.parametrize("value, expected", [
    (20211013, "2021-10-13"), (20230228.0, "2023-02-28"), ("20230228", "2023-02-28"),
    ("2021-10-13T00:00:00", "2021-10-13"), ("2021-10-13", "2021-10-13"),
])
def test_date_shapes(value, expected):
    frames, issues = _run([dict(planid="1", komnr="0630", anvgen=11, status="V", datovedt=value)])
    assert issues == []
    assert frames["datovedt"].iloc[0].isoformat() == expected


@pytest.mark.parametrize("value", [20231345, "yesterday", 99999999, 1850101])
def test_bad_dates_are_invalid_date(value):
    _, issues = _run([dict(planid="1", komnr="0630", anvgen=11, status="V", datoforsl=value)])
    assert [(i.code, i.field, i.where) for i in issues] == [("invalid-date", "datoforsl", "planid 1")]


def test_text_in_a_number_field_is_invalid_value():
    _, issues = _run([dict(planid="1", komnr="0630", anvgen=11, status="V", maxetager="true")])
    assert [(i.code, i.field) for i in issues] == [("invalid-value", "maxetager")]


def test_fractional_code_is_unknown_code():
    _, issues = _run([dict(planid="1", komnr="0630", anvgen=11.5, status="V")])
    assert [(i.code, i.field) for i in issues] == [("unknown-code", "anvgen")]


def test_status_default_and_mismatch():
    frames, issues = _run([dict(planid="1", komnr="0630", anvgen=11), dict(planid="2", komnr="0630", anvgen=11, status="F")],
                          status="V")
    assert frames["status"].iloc[0] == "V"
    assert [(i.code, i.where) for i in issues] == [("status-mismatch", "planid 2")]


def test_missing_status_without_default():
    _, issues = _run([dict(planid="1", komnr="0630", anvgen=11)])
    assert [(i.code, i.field) for i in issues] == [("missing-value", "status")]


def test_unknown_status():
    _, issues = _run([dict(planid="1", komnr="0630", anvgen=11, status="X")])
    assert [(i.code, i.field) for i in issues] == [("unknown-code", "status")]


def test_missing_crs():
    _, issues = _run([dict(planid="1", komnr="0630", anvgen=11, status="V")], crs=None)
    assert [(i.code, i.where) for i in issues] == [("missing-crs", "file")]


def test_metre_coordinates_under_a_lon_lat_crs_are_missing_crs():
    """A GeoJSON without a crs member is read as WGS 84; metres then cannot be lon/lat."""
    _, issues = _run([dict(planid="1", komnr="0630", anvgen=11, status="V")], crs="EPSG:4326")
    assert [i.code for i in issues] == ["missing-crs"]


def test_lon_lat_is_reprojected_to_utm32():
    """On the central meridian 9° E, UTM easting is the false easting 500,000 m exactly; northing is
    0.9996 × the GRS80 meridian arc: at 55.7° N, 111,132.954·55.7 − 16,038.509·sin(111.4°)
    + 16.833·sin(222.8°) = 6,175,161 m, × 0.9996 = 6,172,691 m."""
    square = Point(9.0, 55.7).buffer(0.001, quad_segs=1)  # a small diamond around the point
    frames, issues = _run([dict(planid="1", komnr="0630", anvgen=11, status="V")], geoms=[square], crs="EPSG:4326")
    assert issues == []
    centre = shapely.centroid(frames.geometry.iloc[0])
    assert centre.x == pytest.approx(500_000.0, abs=0.5)
    assert centre.y == pytest.approx(6_172_691, abs=5)


def test_polygon_becomes_multipolygon_and_holes_survive():
    holed = box(0, 0, 100, 100).difference(box(40, 40, 60, 60))
    frames, _ = _run([dict(planid="1", komnr="0630", anvgen=11, status="V")], geoms=[holed])
    geom = frames.geometry.iloc[0]
    assert geom.geom_type == "MultiPolygon"
    assert geom.area == pytest.approx(100 * 100 - 20 * 20)
