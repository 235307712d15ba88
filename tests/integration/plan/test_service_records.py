"""The read functions the web layer calls (plan.service): features as GeoJSON, findings, published only."""

import json

import pytest
from pyproj import Transformer
from shapely.geometry import Point
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.errors import InputError
from trekant.plan import service
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson
from unit.plan.real_shaped import write_export

runner = CliRunner()
S = border_segment(KOLDING, VEJLE)


def _import(tmp_path):
    plans = [frame("V-1", VEJLE, 11, S.rect(100, 400)), frame("F-1", VEJLE, 11, S.rect(500, 800), status="F"),
             frame("K-1", VEJLE, 11, S.rect(900, 1200), status="K"), frame("A-1", VEJLE, 11, S.rect(1300, 1600), status="A")]
    result = runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "plans.geojson", plans))])
    assert result.exit_code == 0, result.output


def test_anonymous_users_see_proposals_and_adopted_plans_never_drafts(plan_env, tmp_path):
    _import(tmp_path)
    editor = service.layer_features(plan_env, "kommuneplanramme")
    public = service.layer_features(plan_env, "kommuneplanramme", published_only=True)
    assert [f["id"] for f in editor["features"]] == ["F-1", "K-1", "V-1"]  # live: cancelled A-1 is not
    assert [f["id"] for f in public["features"]] == ["F-1", "V-1"]
    assert public["published_only"] is True and public["numberMatched"] == 2


def test_features_are_geojson_in_longitude_latitude(plan_env, tmp_path):
    _import(tmp_path)
    collection = service.layer_features(plan_env, "kommuneplanramme", statuses=["V"])
    (feature,) = collection["features"]
    json.dumps(collection)  # JSON-ready as it is
    assert feature["geometry"]["type"] == "MultiPolygon"
    lon, lat = feature["geometry"]["coordinates"][0][0][0]
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True).transform(lon, lat)
    assert S.rect(100, 400).boundary.distance(Point(x, y)) < 0.01  # a corner of the frame, back in metres
    props = feature["properties"]
    assert (props["planid"], props["komnr"], props["municipality"], props["use"], props["area_ha"], props["layer"]) == (
        "V-1", VEJLE, "Vejle", "Boligområde", 9.0, "kommuneplanramme")


def test_a_bounding_box_in_the_output_crs(plan_env, tmp_path):
    _import(tmp_path)
    to_lonlat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    centre = S.rect(500, 800).centroid  # a 20 m box in the middle of F-1 (the frames' envelopes overlap: the border is oblique)
    box = to_lonlat.transform_bounds(centre.x - 10, centre.y - 10, centre.x + 10, centre.y + 10)
    found = service.layer_features(plan_env, "kommuneplanramme", bbox=box)
    assert [f["id"] for f in found["features"]] == ["F-1"]


def test_findings_for_the_public_are_those_of_published_plans(plan_env, tmp_path):
    assert runner.invoke(app, ["plan", "import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror"]).exit_code == 0
    everything = service.quality_findings(plan_env)
    public = service.quality_findings(plan_env, published_only=True)
    # the skipped feature without a planid has a status V in the file: published; all findings here are
    assert public["count"] == everything["count"] and everything["by_action"]["repaired"] == 4
    assert service.quality_findings(plan_env, "0621", ["too-small"])["count"] == 1
    with pytest.raises(InputError):
        service.quality_findings(plan_env, layer="byggefelt")
