"""Hostile input found by the adversarial pass (issue 9, #1, #4, #10): nothing may be lost or
changed silently; each problem is an error naming the feature and the field."""

import json
import zipfile

import geopandas as gpd
import pyogrio
from shapely.geometry import box

from trekant.plan.service import prepare_file
from unit.plan.builders import VEJLE, frame, real_boundaries, write_geojson

CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}


def _square(i: int = 0):
    return box(533000 + i * 400, 6175000, 533300 + i * 400, 6175300)


def _prepare(path, **kw):
    return prepare_file(path, real_boundaries(), **kw)


def _errors(prepared) -> list[tuple[str, str | None, str]]:
    return [(i.where, i.field, i.code) for i in prepared.issues if i.severity == "error"]


def _document(features) -> str:
    return json.dumps(dict(type="FeatureCollection", crs=CRS, features=features))


def test_nan_in_a_number_is_an_error_not_a_missing_value(tmp_path):
    # GDAL reads the non-standard JSON token NaN as a float NaN; stored it became NULL, a rule lost.
    path = tmp_path / "nan.geojson"
    path.write_text(_document([frame("1", VEJLE, 11, _square(), bebygpct=float("nan")),
                               frame("2", VEJLE, 11, _square(1), bebygpct=None)]))
    assert "NaN" in path.read_text()
    prepared = _prepare(path)
    assert _errors(prepared) == [("planid 1", "bebygpct", "invalid-value")]  # the null of planid 2 is fine
    assert "NaN" in prepared.issues[0].message


def test_two_21_digit_ids_do_not_collide_silently(tmp_path):
    # As JSON numbers both become the float 1.2345678901234568e+20: one id for two plans.
    text = _document([frame("A", VEJLE, 11, _square()), frame("B", VEJLE, 11, _square(1))])
    text = text.replace('"planid": "A"', '"planid": 123456789012345678901').replace('"planid": "B"', '"planid": 123456789012345678902')
    path = tmp_path / "ids.geojson"
    path.write_text(text)
    errors = _errors(_prepare(path))
    assert ("feature 0", "planid", "invalid-value") in errors and ("feature 1", "planid", "invalid-value") in errors
    message = next(i.message for i in _prepare(path).issues if i.where == "feature 0" and i.code == "invalid-value")
    assert "too large to be read exactly" in message


def test_a_planid_of_ten_to_the_fortieth_is_refused(tmp_path):
    # float(1e40) printed as a whole number is 10000000000000000303786028427003666890752: another id.
    path = tmp_path / "e40.geojson"
    path.write_text(_document([frame("X", VEJLE, 11, _square())]).replace('"planid": "X"', '"planid": 1e40'))
    assert _errors(_prepare(path)) == [("feature 0", "planid", "invalid-value")]


def test_a_nul_character_does_not_cut_a_name_silently(tmp_path):
    path = tmp_path / "nul.geojson"
    path.write_text(_document([frame("1", VEJLE, 11, _square(), plannavn="Vej\u0000le Syd")]))
    prepared = _prepare(path)
    assert _errors(prepared) == [("feature 0 (planid 1)", "plannavn", "invalid-value")]
    assert "'Vej'" in prepared.issues[0].message


def test_an_impossible_date_names_its_feature_instead_of_failing_the_file(tmp_path):
    # Alone in its column, GDAL typed "2021-02-30" as a date and either failed the whole file
    # ("day is out of range for month") or, through Arrow, made it 2021-03-02.
    path = write_geojson(tmp_path / "date.geojson", [frame("2", VEJLE, 11, _square(), datovedt="2021-02-30")])
    prepared = _prepare(path)
    assert _errors(prepared) == [("planid 2", "datovedt", "invalid-date")]
    assert "'2021-02-30'" in prepared.issues[0].message


def test_messages_show_values_not_numpy_reprs(tmp_path):
    # An integer date field of a GeoPackage is read as int32; the message said np.int32(20210230).
    frames = gpd.GeoDataFrame(dict(planid=["7"], komnr=["0630"], anvgen=[11], status=["V"], datovedt=[20210230]),
                              geometry=[_square()], crs="EPSG:25832")
    path = tmp_path / "dates.gpkg"
    pyogrio.write_dataframe(frames, path, layer="kommuneplanrammer")
    prepared = _prepare(path)
    (issue,) = [i for i in prepared.issues if i.code == "invalid-date"]
    assert (issue.where, issue.field) == ("planid 7", "datovedt")
    assert "20210230" in issue.message and "np." not in issue.message


def _zip_of_shapefiles(tmp_path, names: list[str]):
    frames = gpd.GeoDataFrame(dict(planid=["1"], komnr=["0630"], anvgen=[11], status=["V"]), geometry=[_square()], crs="EPSG:25832")
    archive = tmp_path / "plans.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name in names:
            folder = tmp_path / name
            folder.mkdir()
            frames.assign(plannavn=[name]).to_file(folder / f"{name}.shp")
            for part in folder.iterdir():
                out.write(part, f"export/{part.name}")
    return archive


def test_a_zip_with_several_shapefiles_asks_which_one(tmp_path):
    # It used to import the first .shp and report success; --layer could not name the others.
    archive = _zip_of_shapefiles(tmp_path, ["vejle", "kolding"])
    prepared = _prepare(archive)
    assert [(i.code, i.severity) for i in prepared.issues] == [("ambiguous-layer", "error")]
    assert "vejle" in prepared.issues[0].message and "kolding" in prepared.issues[0].message
    chosen = _prepare(archive, layer="kolding")
    assert chosen.ok and list(chosen.frames["plannavn"]) == ["kolding"]


def test_a_zip_layer_chosen_by_its_name_says_which_were_not_read(tmp_path):
    archive = _zip_of_shapefiles(tmp_path, ["kommuneplanrammer", "notes"])
    prepared = _prepare(archive)
    assert prepared.ok and list(prepared.frames["plannavn"]) == ["kommuneplanrammer"]
    (warning,) = [i for i in prepared.issues if i.code == "layers-not-read"]
    assert "notes" in warning.message
