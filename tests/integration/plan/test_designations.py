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
    # the demo plan: adopted frames, and the Kolding heavy industry as a proposal
    assert {"designation_transport_logistics", "designation_wind", "designation_solar", "designation_ptx",
            "designation_green_corridor", "kommuneplanramme_vedtaget", "kommuneplanramme_forslag", "plan_conflicts"} == layers
    for layer in layers:
        assert pyogrio.read_info(out, layer=layer)["crs"] == "EPSG:25832"


def test_a_designation_outside_the_region_is_refused(plan_env, tmp_path):
    # Issue 9 #5: a polygon far outside Denmark was stored, covering no municipality.
    path, _ = _corridor(tmp_path)
    far = dict(type="Feature", properties=dict(id="FAR-1", name="Langt væk"),
               geometry=dict(type="Polygon", coordinates=[[[100000, 5000000], [101000, 5000000], [101000, 5001000],
                                                           [100000, 5001000], [100000, 5000000]]]))
    inside = json.loads(path.read_text())["features"][0]
    both = write_geojson(tmp_path / "both.geojson", [inside, far])
    result = runner.invoke(app, ["plan", "designations", str(both), "--theme", "wind"])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "[outside-region]" in line and "id FAR-1, field geometry" in line and "1,000,000 m²" in line


def test_a_designation_in_a_neighbouring_municipality_outside_the_region_is_refused(plan_env, tmp_path):
    # Horsens (0615) borders Vejle but is not one of the seven: 1 km² well inside it is outside the region.
    from unit.plan.builders import real_boundaries

    point = real_boundaries()["0615"].representative_point()
    square = point.buffer(500, cap_style="square")
    path = write_geojson(tmp_path / "horsens.geojson", [dict(type="Feature", properties=dict(id="H-1", name="Horsens"),
                                                            geometry=json.loads(json.dumps(square.__geo_interface__)))])
    result = runner.invoke(app, ["plan", "designations", str(path), "--theme", "solar"])
    assert result.exit_code == 1 and "[outside-region]" in result.stderr and "id H-1" in result.stderr
