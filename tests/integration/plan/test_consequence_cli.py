"""`plan check`: a sensitive use planned inside a neighbour's consequence zone, across the real
Kolding–Vejle border; the same case inside Kolding is Kolding's own matter (both backends)."""

import json

from typer.testing import CliRunner

from trekant.cli.main import app
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()
S = border_segment(KOLDING, VEJLE)


def _setup(tmp_path):
    production = dict(type="Feature", properties=dict(id="KOL-PROD-1", name="Produktionserhverv ved grænsen", konsekvens_m=500),
                      geometry=S.rect(300, 900, side="a").__geo_interface__)
    path = write_geojson(tmp_path / "produktion.geojson", [production])
    result = runner.invoke(app, ["plan", "designations", str(path), "--theme", "production"])
    assert result.exit_code == 0, result.output
    plans = [
        frame("LP-VEJLE-BOLIG", VEJLE, 11, S.rect(100, 400), plantype="20.1"),  # 400 m from the area, in Vejle
        frame("LP-KOLDING-BOLIG", KOLDING, 11, S.rect(0, 200, side="a"), plantype="20.1"),  # 100 m, in Kolding itself
        frame("LP-VEJLE-FORSLAG", VEJLE, 11, S.rect(500, 700), status="F", plantype="20.1"),  # 800 m: outside the zone
        frame("LP-VEJLE-FORSLAG2", VEJLE, 21, S.rect(20, 90, half_width_m=50), status="F", plantype="20.1"),  # 320 m
    ]
    result = runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "lokalplaner.geojson", plans)), "--kind", "lokalplan"])
    assert result.exit_code == 0, result.output


def _check(*args) -> dict:
    result = runner.invoke(app, ["plan", "check", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_sensitive_use_in_the_neighbour_s_zone_is_found_and_the_same_inside_kolding_is_not(plan_env, tmp_path):
    _setup(tmp_path)
    found = _check()["consequence_conflicts"]
    assert [(c["production_id"], c["sensitive_planid"], c["sensitive_komnr"], c["distance_m"]) for c in found] == [
        ("KOL-PROD-1", "LP-VEJLE-BOLIG", VEJLE, 400.0), ("KOL-PROD-1", "LP-VEJLE-FORSLAG2", VEJLE, 320.0)]
    assert found[0] | {"distance_m": 0} == dict(production_id="KOL-PROD-1", origin="designation", production_komnr=KOLDING,
                                                zone_m=500.0, sensitive_layer="lokalplan", sensitive_planid="LP-VEJLE-BOLIG",
                                                sensitive_komnr=VEJLE, sensitive_anvgen=11, sensitive_status="V", distance_m=0)
    within = _check("--within")["consequence_conflicts"]
    assert "LP-KOLDING-BOLIG" in {c["sensitive_planid"] for c in within}


def test_proposals_are_checked_against_adopted_plans_across_the_border(plan_env, tmp_path):
    _setup(tmp_path)
    result = _check("--status", "forslag")
    assert result["statuses"] == ["F"]
    assert [c["sensitive_planid"] for c in result["consequence_conflicts"]] == ["LP-VEJLE-FORSLAG2"]


def test_business_frames_without_a_class_are_counted(plan_env, tmp_path):
    frames = [frame("K-ERHV", KOLDING, 31, S.rect(100, 400, side="a")), frame("V-BOLIG", VEJLE, 11, S.rect(100, 400))]
    assert runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / "rammer.geojson", frames))]).exit_code == 0
    result = _check()
    assert result["cannot_check"] == dict(count=1, frames=[dict(planid="K-ERHV", komnr=KOLDING, anvgen=31)])
    text = runner.invoke(app, ["plan", "check"]).stdout
    assert "K-ERHV" in text and "miljøklasse" in text
