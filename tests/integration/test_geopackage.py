"""The embedded store is a GeoPackage that GDAL (and so QGIS) reads as it is."""

import sqlite3

import pyogrio

from trekant.store.gpkg_registry import GPKG_APPLICATION_ID


def test_gdal_lists_the_layers_in_epsg_25832(sqlite_env):
    path = sqlite_env.store_path
    layers = dict(pyogrio.list_layers(path))
    assert layers["municipality"] == "MultiPolygon"
    info = pyogrio.read_info(path, layer="municipality")
    assert info["crs"] == "EPSG:25832"
    assert info["features"] == 99
    assert info["capabilities"]["fast_spatial_filter"]  # the R-tree is recognised


def test_spatial_filter_through_gdal_uses_real_geometry(sqlite_env):
    # A box around Vejle town centre (EPSG:25832): only Vejle municipality intersects it.
    frame = pyogrio.read_dataframe(sqlite_env.store_path, layer="municipality", bbox=(540000, 6174000, 541000, 6175000))
    assert list(frame["code"]) == ["0630"]


def test_file_header_wal_and_integrity(sqlite_env):
    con = sqlite3.connect(sqlite_env.store_path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == GPKG_APPLICATION_ID
        assert con.execute("PRAGMA user_version").fetchone()[0] >= 10200
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("SELECT count(*) FROM rtree_municipality_geom").fetchone()[0] == 99
        srs = {r[0] for r in con.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")}
        assert {-1, 0, 4326, 25832} <= srs
    finally:
        con.close()


def test_real_columns_are_8_byte_doubles_for_gdal(sqlite_env):
    """GeoPackage reads a column declared FLOAT as a 4-byte float; values need DOUBLE (8 bytes)."""
    path = sqlite_env.store_path
    for layer, _ in pyogrio.list_layers(path):
        info = pyogrio.read_info(path, layer=layer)
        narrow = [f for f, d in zip(info["fields"], info["dtypes"]) if str(d) == "float32"]
        assert narrow == [], (layer, narrow)
    info = pyogrio.read_info(path, layer="indicator_value")
    assert dict(zip(info["fields"], map(str, info["dtypes"])))["value"] == "float64"
