"""where / at / land / export on both backends, on hand-built frames beside the Kolding–Vejle border.

Frames (300 m wide rectangles off a straight piece of the border):
  T-BOLIG  Vejle 11 housing     100–400 m into Vejle      300 × 300 = 9 ha
  T-ERHV6  Kolding 31, class 3–6 100–400 m into Kolding   300 × 300 = 9 ha
  T-ERHV3  Kolding 31, class ≤3 0–300 m, 200 m wide       200 × 300 = 6 ha
"""

import json
import time
from datetime import datetime, timezone

import openpyxl
import pandas as pd
import pyogrio
import pytest
from typer.testing import CliRunner

from trekant.cli.main import app
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()


def _plan(*args):
    result = runner.invoke(app, ["plan", *args])
    assert result.exit_code == 0, result.output
    return result


def _load(tmp_path, house_far_m=400, name="kv.geojson"):
    s = border_segment(KOLDING, VEJLE)
    features = [
        frame("T-BOLIG", VEJLE, 11, s.rect(100, house_far_m), bebygpct=30, maxetager=2),
        frame("T-ERHV6", KOLDING, 31, s.rect(100, 400, side="a"), minmiljo=3, maxmiljo=6, anvspec=3130),
        frame("T-ERHV3", KOLDING, 31, s.rect(0, 300, half_width_m=100, side="a"), maxmiljo=3),
    ]
    _plan("import", str(write_geojson(tmp_path / name, features)))
    return s


def _ours(rows, key="planid"):
    return [r for r in rows if str(r[key]).startswith("T-")]


def test_where_finds_every_frame_admitting_the_class(plan_env, tmp_path):
    _load(tmp_path)
    class3 = _ours(json.loads(_plan("where", "--class", "3", "--json").stdout)["frames"])
    assert sorted(r["planid"] for r in class3) == ["T-ERHV3", "T-ERHV6"]
    class5 = _ours(json.loads(_plan("where", "--class", "5", "--use", "31", "--json").stdout)["frames"])
    assert [(r["planid"], r["municipality"], r["area_ha"]) for r in class5] == [("T-ERHV6", "Kolding", 9.0)]
    by_spec = _ours(json.loads(_plan("where", "--class", "4", "--use", "3130", "--json").stdout)["frames"])
    assert [r["planid"] for r in by_spec] == ["T-ERHV6"]
    big = _ours(json.loads(_plan("where", "--class", "3", "--min-area-ha", "8", "--json").stdout)["frames"])
    assert [r["planid"] for r in big] == ["T-ERHV6"]


def test_where_rejects_class_8(plan_env):
    result = runner.invoke(app, ["plan", "where", "--class", "8"])
    assert result.exit_code == 2 and "--class" in result.stderr and "7" in result.stderr  # a usage error


def test_at_a_point_in_the_housing_frame(plan_env, tmp_path):
    s = _load(tmp_path)
    x, y = s.middle + s.into_b * 250  # inside T-BOLIG, 250 m into Vejle
    result = json.loads(_plan("at", str(x), str(y), "--json").stdout)
    assert [f["planid"] for f in result["frames"]] == ["T-BOLIG"]
    assert result["frames"][0]["bebygpct"] == 30.0
    assert result["municipality"] == [dict(komnr=VEJLE, name="Vejle")]
    assert [(c["source_planid"], c["sensitive_planid"]) for c in _ours(result["conflicts"], "source_planid")] == \
        [("T-ERHV6", "T-BOLIG")]


def test_at_accepts_lon_lat(plan_env, tmp_path):
    from pyproj import Transformer

    s = _load(tmp_path)
    x, y = s.middle + s.into_b * 250
    lon, lat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True).transform(x, y)
    result = json.loads(_plan("at", str(lon), str(lat), "--crs", "EPSG:4326", "--json").stdout)
    assert [f["planid"] for f in result["frames"]] == ["T-BOLIG"]
    assert result["x"] == pytest.approx(x, abs=0.01)


def test_land_change_between_two_moments(plan_env, tmp_path):
    start = datetime.now(timezone.utc).isoformat()
    time.sleep(0.01)
    _load(tmp_path, name="v1.geojson")
    middle = datetime.now(timezone.utc).isoformat()
    time.sleep(0.01)
    _load(tmp_path, house_far_m=700, name="v2.geojson")  # T-BOLIG grows from 300 m to 600 m deep: 9 → 18 ha
    first = {(r["komnr"], r["anvgen"]): r for r in json.loads(_plan("land", "--since", start, "--at", middle, "--json").stdout)["rows"]}
    assert first[(VEJLE, 11)]["change_ha"] == 9.0
    assert first[(KOLDING, 31)]["change_ha"] == 15.0  # 9 ha + 6 ha
    second = {(r["komnr"], r["anvgen"]): r for r in json.loads(_plan("land", "--since", middle, "--json").stdout)["rows"]}
    assert second[(VEJLE, 11)]["change_ha"] == 9.0  # 18 − 9
    assert second[(KOLDING, 31)]["change_ha"] == 0.0


def test_land_rejects_a_bad_date(plan_env):
    result = runner.invoke(app, ["plan", "land", "--at", "yesterday"])
    assert result.exit_code == 1 and "not a date" in result.stderr


def test_export_files_reopen_with_their_layers_and_crs(plan_env, tmp_path):
    _load(tmp_path)
    gpkg = tmp_path / "out" / "plan.gpkg"
    report = json.loads(_plan("export", "--format", "gpkg", "--out", str(gpkg), "--json").stdout)
    layers = dict(pyogrio.list_layers(gpkg))
    assert layers["kommuneplanramme_vedtaget"] == "MultiPolygon" and layers["plan_conflicts"] == "LineString"
    assert set(report["layers"]) == set(layers)
    assert pyogrio.read_info(gpkg, layer="kommuneplanramme_vedtaget")["crs"] == "EPSG:25832"
    frames = pyogrio.read_dataframe(gpkg, layer="kommuneplanramme_vedtaget")
    assert {"T-BOLIG", "T-ERHV6", "T-ERHV3"} <= set(frames["planid"])
    lines = pyogrio.read_dataframe(gpkg, layer="plan_conflicts")
    ours = lines[lines["source_planid"] == "T-ERHV6"]
    assert ours.geometry.length.round(1).tolist() == [200.0]  # the shortest line is the 200 m gap

    geojson = tmp_path / "plan.geojson"
    _plan("export", "--format", "geojson", "--out", str(geojson))
    assert pyogrio.read_info(geojson)["crs"] == "EPSG:4326"
    lon_lat = pyogrio.read_dataframe(geojson).total_bounds
    assert 8 < lon_lat[0] < lon_lat[2] < 11 and 54.5 < lon_lat[1] < lon_lat[3] < 58

    csv = tmp_path / "plan.csv"
    _plan("export", "--format", "csv", "--out", str(csv))
    table = pd.read_csv(csv, encoding="utf-8-sig", dtype={"komnr": str})
    assert table.set_index("planid").loc["T-BOLIG", ["komnr", "municipality", "area_ha"]].tolist() == [VEJLE, "Vejle", 9.0]

    xlsx = tmp_path / "plan.xlsx"
    _plan("export", "--format", "xlsx", "--out", str(xlsx))
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Rammer", "Arealregnskab", "Miljøkonflikter", "info"]


def test_export_rejects_an_unknown_format(plan_env, tmp_path):
    result = runner.invoke(app, ["plan", "export", "--format", "shp", "--out", str(tmp_path / "x.shp")])
    assert result.exit_code == 1 and "gpkg" in result.stderr
