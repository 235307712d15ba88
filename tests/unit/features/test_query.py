"""Parsing what a client asks of a layer, and bounding boxes across CRSs (pure, no store)."""

from datetime import date, datetime, timezone

import pytest
from pyproj import Transformer
from shapely.geometry import LineString, Point

from trekant.features import crs
from trekant.features.layers import MUNICIPALITIES, PLAN_CONFLICTS, PLAN_FRAMES
from trekant.features.query import QueryError, parse_count, parse_datetime, parse_value

UTC = timezone.utc


@pytest.mark.parametrize("layer, prop, text, expected", [
    (PLAN_FRAMES, "komnr", "0621", "0621"),          # a code stays text: the leading zero matters
    (PLAN_FRAMES, "anvgen", "21", 21),
    (PLAN_FRAMES, "bebygpct", "40.5", 40.5),
    (PLAN_FRAMES, "is_demo", "true", True),
    (PLAN_FRAMES, "datovedt", "2021-10-13", date(2021, 10, 13)),
    (MUNICIPALITIES, "in_region", "0", False),
    (PLAN_CONFLICTS, "source_class", "6", 6),
])
def test_filter_values_are_read_as_the_property_type(layer, prop, text, expected):
    assert parse_value(layer, prop, text) == expected


@pytest.mark.parametrize("prop, text", [("anvgen", "housing"), ("bebygpct", "nan"), ("is_demo", "yes"),
                                        ("datovedt", "13-10-2021"), ("bebygpct", "inf")])
def test_bad_filter_values_name_the_property(prop, text):
    with pytest.raises(QueryError) as caught:
        parse_value(PLAN_FRAMES, prop, text)
    assert caught.value.field == prop


@pytest.mark.parametrize("text, expected", [
    ("2026-11-28T12:00:00Z", (datetime(2026, 11, 28, 12, tzinfo=UTC),) * 2),
    ("2020-01-01T00:00:00Z/..", (datetime(2020, 1, 1, tzinfo=UTC), None)),
    ("../2020-01-01T00:00:00+01:00", (None, datetime(2019, 12, 31, 23, tzinfo=UTC))),
    ("/2020-01-01T00:00:00Z", (None, datetime(2020, 1, 1, tzinfo=UTC))),
])
def test_datetime_instants_and_half_open_intervals(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "../..", "a/b/c", "2020-02-01T00:00:00Z/2020-01-01T00:00:00Z"])
def test_bad_datetimes_are_refused(text):
    with pytest.raises(QueryError):
        parse_datetime(text)


def test_counts_in_range_and_out():
    assert parse_count("limit", None, 10, 1, 10_000) == 10
    assert parse_count("limit", "10000", 10, 1, 10_000) == 10_000
    for text in ("0", "10001", "-5", "1.5", "x"):
        with pytest.raises(QueryError):
            parse_count("limit", text, 10, 1, 10_000)


def test_crs_uris_and_curies_are_recognised():
    assert crs.lookup("http://www.opengis.net/def/crs/EPSG/0/25832").code == "EPSG:25832"
    assert crs.lookup("https://www.opengis.net/def/crs/OGC/1.3/CRS84").code == "OGC:CRS84"
    assert crs.lookup("[EPSG:4326]").flip is True
    assert crs.lookup("EPSG:9999") is None and crs.lookup("http://www.opengis.net/def/crs/EPSG/0/2154") is None


def test_a_lon_lat_box_becomes_the_curved_area_in_utm():
    area, bounds = crs.bbox_area([9.0, 55.0, 10.0, 56.0], crs.BY_URI[crs.CRS84])
    to_utm = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True)
    corners = [to_utm.transform(x, y) for x, y in ((9, 55), (10, 55), (10, 56), (9, 56))]
    for x, y in corners:
        assert bounds[0] - 1e-6 <= x <= bounds[2] + 1e-6 and bounds[1] - 1e-6 <= y <= bounds[3] + 1e-6
    # the southern edge is the 55th parallel, a curve in UTM: the area follows it through its
    # middle (9.5°E), while the straight line between the two corners misses that point
    middle = Point(to_utm.transform(9.5, 55.0))
    assert area.exterior.distance(middle) < 1.0
    assert LineString(corners[:2]).distance(middle) > 20.0


def test_latitude_first_for_epsg_4326():
    lonlat, _ = crs.bbox_area([9.0, 55.0, 10.0, 56.0], crs.BY_URI[crs.CRS84])
    latlon, _ = crs.bbox_area([55.0, 9.0, 56.0, 10.0], crs.lookup("[EPSG:4326]"))
    assert lonlat.hausdorff_distance(latlon) < 1e-3  # metres


@pytest.mark.parametrize("values", [[1, 2, 3], [10, 55, 9, 56], [9, 95, 10, 96], [9, 55, 10, float("nan")], [-190, 0, 0, 1]])
def test_unusable_boxes_are_refused(values):
    with pytest.raises(crs.BboxError):
        crs.bbox_area(values, crs.BY_URI[crs.CRS84])
