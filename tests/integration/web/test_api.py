"""The JSON API: every endpoint answers what the CLI's use case answers, and bad input is a JSON issue
with the right status (404 unknown ids, 422 malformed input, 401 writes by anonymous)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app as cli

runner = CliRunner()


def cli_json(*args):
    result = runner.invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def issues_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status
    for issue in body["issues"]:
        assert set(issue) >= {"severity", "code", "feature", "field", "message"}
    return body["issues"]


# ---- the same answers as the CLI ----------------------------------------------------------------

@pytest.mark.parametrize("path, command", [
    ("/api/plan/check", ("plan", "check", "--status", "F,V")),  # anonymous: the published live statuses
    ("/api/plan/where?env_class=5", ("plan", "where", "--class", "5")),
    ("/api/plan/where?env_class=3&use=31&min_area_ha=10", ("plan", "where", "--class", "3", "--use", "31", "--min-area-ha", "10")),
    ("/api/plan/at?x=533150&y=6175150", ("plan", "at", "533150", "6175150")),
    ("/api/energy/accounts?municipality=Vejle", ("energy", "accounts", "-m", "Vejle")),
    ("/api/energy/pathway", ("energy", "pathway")),
    ("/api/energy/factors", ("energy", "factors", "list")),
    ("/api/economy/indicators", ("economy", "indicators")),
    ("/api/economy/growth?indicator=fulltime_employees", ("economy", "growth", "-i", "fulltime_employees")),
    ("/api/economy/claim?indicator=fulltime_employees", ("economy", "claim", "-i", "fulltime_employees")),
    ("/api/economy/lq", ("economy", "lq")),
    ("/api/economy/shift-share", ("economy", "shift-share")),
    ("/api/economy/strengths", ("economy", "strengths")),
    ("/api/infra/projects", ("infra", "list")),
    ("/api/infra/projects/billund-rail-gadbjerg", ("infra", "show", "billund-rail-gadbjerg")),
    ("/api/infra/projects/billund-rail-gadbjerg/risk?draws=500&seed=3", ("infra", "risk", "billund-rail-gadbjerg", "--draws", "500", "--seed", "3")),
    ("/api/infra/rank", ("infra", "rank")),
    ("/api/strategy/status", ("strategy", "status")),
    ("/api/strategy/sources", ("strategy", "sources")),
    ("/api/energy/factors/dk-default", ("energy", "factors", "show", "dk-default")),
    ("/api/energy/scenarios", ("energy", "model", "list")),
    ("/api/economy/groups", ("economy", "group", "list")),
    ("/api/economy/specialisation", ("economy", "specialisation")),
])
def test_api_answers_what_the_cli_answers(client, path, command):
    response = client.get(path)
    assert response.status_code == 200, response.text
    body = response.json()
    expected = cli_json(*command)
    if isinstance(body, dict) and "project_name" in body:
        body.pop("project_name")
    assert body == json.loads(json.dumps(expected, default=str))


def test_land_account_answers_what_the_cli_answers(admin_client):
    """The cooperation's own view (drafts too) is the CLI's; the public's holds the published plans
    only (test_published_only.py)."""
    assert admin_client.get("/api/plan/land").json() == json.loads(json.dumps(cli_json("plan", "land"), default=str))


def without_timing(result: dict) -> dict:
    return {k: v for k, v in result.items() if k not in ("timing_s", "simulate_s")}


@pytest.mark.parametrize("path, command", [
    ("/api/energy/scenarios/today/simulate?hours=48&start=100", ("energy", "model", "simulate", "today", "--hours", "48", "--start", "100")),
    ("/api/energy/scenarios/today/sweep?vary=electrolyser_mw=0,100&hours=48",
     ("energy", "sweep", "today", "--vary", "electrolyser_mw=0,100", "--hours", "48")),
])
def test_energy_system_answers_what_the_cli_answers(sqlite_client, path, command):
    response = sqlite_client.get(path)
    assert response.status_code == 200, response.text
    assert without_timing(response.json()) == without_timing(cli_json(*command))


def test_optimisation_over_a_window_of_hours(sqlite_client):
    body = sqlite_client.get("/api/energy/scenarios/today/run?hours=24").json()
    assert (body["method"], body["hours"]) == ("optimisation", 24)
    assert body["import_mwh"] >= 0 and body["demo"] is True


def test_hourly_week_is_the_services(sqlite_client):
    from trekant.energy import system_service

    body = sqlite_client.get("/api/energy/scenarios/today/hourly?week=5").json()  # weeks count from 1 here
    assert body == json.loads(json.dumps(system_service.week_charts("today", 4)))


def test_key_figures_and_series(sqlite_client, sqlite_env):
    from trekant.economy import overview_service

    assert sqlite_client.get("/api/economy/key-figures").json() == overview_service.key_figures(sqlite_env)
    series = sqlite_client.get("/api/economy/series?indicator=population_monthly&areas=Vejle,DK").json()
    assert [a["area"] for a in series["areas"]] == ["0630", "DK"]


def test_shipped_names(sqlite_client):
    assert sqlite_client.get("/api/infra/params").json() == ["fm2017", "fm2023"]
    assert set(sqlite_client.get("/api/infra/profiles").json()) >= {"default", "all"}


def test_cba_is_the_clis_item_by_item(client):
    body = client.get("/api/infra/projects/billund-rail-gadbjerg/cba?params=fm2017&co2_sensitivity=true").json()
    expected = cli_json("infra", "cba", "billund-rail-gadbjerg", "--params", "fm2017", "--co2-sensitivity")
    assert body == json.loads(json.dumps(expected, default=str))
    assert body["params"] == "fm2017" and body["pv_items_dkk"]


def test_english_statements_on_request(sqlite_client):
    danish = sqlite_client.get("/api/economy/growth?indicator=fulltime_employees").json()["statement"]
    english = sqlite_client.get("/api/economy/growth?indicator=fulltime_employees&lang=en").json()["statement"]
    assert "among the five metropolitan areas" in english and "among the five" not in danish


# ---- map layers ---------------------------------------------------------------------------------

def test_frames_layer_holds_every_live_frame_with_its_rules(client):
    layer = client.get("/api/plan/frames").json()
    landed = cli_json("plan", "land")
    live = sum(r["frames"] for r in landed["rows"] if r["status"] != "A")
    assert layer["type"] == "FeatureCollection" and len(layer["features"]) == live
    assert layer["demo"] is True
    west, south, east, north = layer["bbox"]
    assert 8 < west < east < 11 and 55 < south < north < 56.2  # Trekantområdet in WGS 84
    first = layer["features"][0]
    assert first["id"] == first["properties"]["planid"]
    assert {"use_name", "status_name", "maxmiljo", "bebygpct", "area_ha"} <= set(first["properties"])


def test_conflict_lines_are_the_checks_conflicts_with_the_distance(client):
    lines = client.get("/api/plan/conflicts").json()["features"]
    checked = client.get("/api/plan/check").json()["conflicts"]
    assert len(lines) == len(checked) > 0
    for line, conflict in zip(lines, checked):
        assert {k: line["properties"][k] for k in conflict} == conflict
        assert line["geometry"]["type"] == "LineString"
        west, south, east, north = line["properties"]["bbox"]
        for lon, lat in line["geometry"]["coordinates"]:
            assert west - 1e-6 <= lon <= east + 1e-6 and south - 1e-6 <= lat <= north + 1e-6


def test_outlines_of_the_seven_municipalities(client):
    layer = client.get("/api/region/outlines").json()
    assert {f["id"] for f in layer["features"]} == {"0530", "0607", "0510", "0621", "0410", "0575", "0630"}


def test_infra_map_and_designations(client):
    assert client.get("/api/infra/map").json()["features"]
    zones = client.get("/api/plan/designations").json()
    assert zones["features"] and all(f["properties"]["theme_name"] for f in zones["features"])


def test_history_of_a_frame(client):
    planid = client.get("/api/plan/frames").json()["features"][0]["id"]
    versions = client.get(f"/api/plan/frames/{planid}/history").json()["versions"]
    assert [v["version"] for v in versions] == [1] and versions[0]["planid"] == planid


# ---- downloads ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, media, magic", [
    ("gpkg", "application/geopackage+sqlite3", b"SQLite format 3\x00"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ("csv", "text/csv", "\ufeff".encode()),
    ("geojson", "application/geo+json", b"{"),
])
def test_downloads(client, fmt, media, magic):
    response = client.get(f"/api/plan/export?format={fmt}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    assert f'filename="trekant-plan.{fmt}"' in response.headers["content-disposition"]
    assert response.content.startswith(magic)
    assert response.headers["x-trekant-demo"] == "true"


def test_geojson_download_is_the_clis_export(sqlite_client, tmp_path):
    document = json.loads(sqlite_client.get("/api/plan/export?format=geojson").content)
    written = cli_json("plan", "export", "--format", "geojson", "--out", str(tmp_path / "plan.geojson"))
    assert len(document["features"]) == written["frames"]
    assert document["features"] == json.loads((tmp_path / "plan.geojson").read_text(encoding="utf-8"))["features"]


# ---- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, status, field", [
    ("/api/plan/frames/NO-SUCH-FRAME/history", 404, None),
    ("/api/plan/where?env_class=9", 422, None),
    ("/api/plan/where?env_class=five", 422, "env_class"),
    ("/api/plan/where", 422, "env_class"),
    ("/api/plan/where?env_class=3&use=77", 422, None),
    ("/api/plan/at?x=abc&y=55", 422, "x"),
    ("/api/plan/at?x=9.5&y=55.5&crs=EPSG:999999", 422, None),
    ("/api/plan/at?x=inf&y=55&crs=EPSG:4326", 422, None),
    ("/api/plan/check?sensitive=abc", 422, "sensitive"),
    ("/api/plan/check?status=Z", 422, None),
    ("/api/plan/check?touch_distance_m=-5", 422, None),
    ("/api/plan/land?at=yesterday", 422, None),
    ("/api/plan/export?format=pdf", 422, None),
    ("/api/plan/export?format=gpkg&crs=EPSG:0", 422, None),
    ("/api/energy/accounts?municipality=Aarhus", 404, None),
    ("/api/energy/accounts?year=1850", 404, None),
    ("/api/energy/factors/no-such-table", 404, None),
    ("/api/energy/scenarios/no-such/simulate", 404, None),
    ("/api/energy/scenarios/..%2F..%2Fetc%2Fpasswd/simulate", 404, None),
    ("/api/energy/scenarios/today/hourly?week=60", 422, "week"),
    ("/api/energy/scenarios/today/run?hours=9000", 422, "hours"),
    ("/api/energy/scenarios/today/sweep?vary=nonsense_mw=1", 422, None),
    ("/api/energy/scenarios/today/sweep", 422, "vary"),
    ("/api/economy/growth?indicator=no_such", 404, None),
    ("/api/economy/growth?indicator=fulltime_employees&from=abc", 422, None),
    ("/api/economy/growth?indicator=fulltime_employees&area=Atlantis", 404, None),
    ("/api/economy/series?indicator=fulltime_employees&areas=Atlantis", 404, None),
    ("/api/economy/key-figures?years=0", 422, "years"),
    ("/api/infra/projects/no-such-project", 404, None),
    ("/api/infra/projects/no-such-project/cba", 404, None),
    ("/api/infra/projects/billund-rail-gadbjerg/cba?params=..%2F..%2Fetc%2Fpasswd", 404, None),
    ("/api/infra/projects/billund-rail-gadbjerg/risk?draws=0", 422, "draws"),
    ("/api/infra/projects/billund-rail-gadbjerg/risk?draws=10&optimism_bias=900", 422, None),
    ("/api/infra/rank?profile=%2Fetc%2Fpasswd", 404, None),
    ("/api/infra/rank?method=best", 422, "method"),
    ("/api/infra/rank?weights=cohesion", 422, "weights"),
    ("/api/infra/rank?weights=cohesion:x", 422, "weights"),
    ("/api/infra/rank?weights=no_such:1", 422, "no_such"),
    ("/api/infra/rank?weights=cohesion:-1", 422, "cohesion"),
])
def test_bad_input_is_a_json_issue(sqlite_client, path, status, field):
    issues = issues_of(sqlite_client.get(path), status)
    assert issues and all(i["message"] for i in issues)
    if field:
        assert field in [i["field"] for i in issues]
    assert "Traceback" not in json.dumps(issues)


def test_malformed_multipart_is_400(admin_client):
    response = admin_client.post("/api/plan/import", content=b"--x\r\nnonsense",
                                 headers={"content-type": "multipart/form-data; boundary=x"})
    assert response.status_code in (400, 422)
    issues_of(response, response.status_code)


def test_openapi_documents_every_module(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for prefix in ("/api/region", "/api/plan/", "/api/energy/", "/api/economy/", "/api/infra/", "/api/strategy/"):
        assert any(p.startswith(prefix) for p in paths), prefix
    assert "post" in paths["/api/plan/import"]
