"""Joint designations: import one theme, versions, listed at a point, one GeoPackage layer per theme."""

import json

import pyogrio
from shapely.geometry import LineString
from typer.testing import CliRunner

from trekant.cli.main import app
from unit.plan.builders import KOLDING, VEJLE, border_segment, write_geojson

runner = CliRunner()


def _corridor(tmp_path, width_m=400, name="corridor.geojson"):
    """A logistics area straddling the Kolding–Vejle border: 2 km along it, width_m across."""
    s = border_segment(KOLDING, VEJLE)
    line = LineString([s.middle - s.into_b * 1000, s.middle + s.into_b * 1000])
    area = line.buffer(width_m / 2, cap_style="flat")
    feature = dict(type="Feature", properties=dict(id="TL-1", name="Logistikområde ved grænsen"),
                   geometry=json.loads(json.dumps(area.__geo_interface__)))
    return write_geojson(tmp_path / name, [feature]), s


def test_import_designations_and_find_them_at_a_point(plan_env, tmp_path):
    path, s = _corridor(tmp_path)
    result = runner.invoke(app, ["plan", "designations", str(path), "--theme", "transport_logistics", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["imported"] == 1
    x, y = s.middle + s.into_b * 500
    at = json.loads(runner.invoke(app, ["plan", "at", str(x), str(y), "--json"]).stdout)
    (zone,) = at["designations"]
    assert (zone["designation_id"], zone["theme"], zone["municipalities"]) == ("TL-1", "transport_logistics", "0621,0630")
    assert zone["area_ha"] == 80.0  # 2,000 m × 400 m


def test_a_changed_designation_is_a_new_version(plan_env, tmp_path):
    path, _ = _corridor(tmp_path)
    runner.invoke(app, ["plan", "designations", str(path), "--theme", "wind"])
    wider, _ = _corridor(tmp_path, 600, "wider.geojson")
    again = json.loads(runner.invoke(app, ["plan", "designations", str(wider), "--theme", "wind", "--json"]).stdout)
    assert (again["new"], again["new_versions"]) == (0, 1)


def test_unknown_theme_and_missing_field(plan_env, tmp_path):
    path, _ = _corridor(tmp_path)
    result = runner.invoke(app, ["plan", "designations", str(path), "--theme", "nuclear"])
    assert result.exit_code == 1 and "[unknown-code]" in result.stderr
    result = runner.invoke(app, ["plan", "designations", str(path), "--theme", "wind", "--name-field", "navn"])
    assert result.exit_code == 1 and "navn" in result.stderr


def test_demo_designations_export_one_layer_per_theme(store_env, tmp_path):
    out = tmp_path / "plan.gpkg"
    assert runner.invoke(app, ["plan", "export", "--format", "gpkg", "--out", str(out)]).exit_code == 0
    layers = set(pyogrio.list_layers(out)[:, 0])
    assert {"designation_transport_logistics", "designation_wind", "designation_solar", "designation_ptx",
            "designation_green_corridor", "plan_frames", "plan_conflicts"} == layers
    for layer in layers:
        assert pyogrio.read_info(out, layer=layer)["crs"] == "EPSG:25832"
