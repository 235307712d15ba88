"""GeoPackage binary: round trip, and the header laid out as OGC 12-128r18 §2.1.3 says."""

import struct

import shapely
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Point, Polygon

from trekant.store import gpkg_binary

coords = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)


@given(x=coords, y=coords, w=st.floats(1, 1e5), h=st.floats(1, 1e5))
def test_round_trip_and_envelope(x, y, w, h):
    poly = MultiPolygon([Polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])])
    blob = gpkg_binary.encode(poly, 25832)
    assert shapely.equals_exact(gpkg_binary.decode(blob), poly, tolerance=0)
    assert gpkg_binary.envelope(blob) == (x, x + w, y, y + h)


def test_header_fields():
    blob = gpkg_binary.encode(Point(1.5, 2.5), 25832)
    magic, version, flags, srs = struct.unpack("<2sBBi", blob[:8])
    assert (magic, version, srs) == (b"GP", 0, 25832)
    assert flags & 1 == 1  # little endian
    assert (flags >> 1) & 0b111 == 1  # XY envelope
    assert struct.unpack("<4d", blob[8:40]) == (1.5, 1.5, 2.5, 2.5)
    assert blob[40:] == shapely.to_wkb(Point(1.5, 2.5), byte_order=1)


def test_empty_geometry_has_flag_and_no_envelope():
    blob = gpkg_binary.encode(Polygon(), 25832)
    assert blob[3] & 0b1_0000
    assert gpkg_binary.envelope(blob) is None


def test_not_a_geopackage_blob():
    import pytest

    with pytest.raises(ValueError, match="magic"):
        gpkg_binary.decode(b"XX\x00\x01\x00\x00\x00\x00")
