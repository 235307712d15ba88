"""`plan at X Y`: delområde → lokalplan → kommuneplanramme → zone beside the real Kolding–Vejle border."""

import json

from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.plan import service
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()
S = border_segment(KOLDING, VEJLE)


def _rect(near, far, half, along=0.0, side="b"):
    from shapely.affinity import translate

    return translate(S.rect(near, far, half_width_m=half, side=side), *(S.along * along))


def _point(off_m, along=0.0, side="b"):
    n = S.into_b if side == "b" else -S.into_b
    x, y = S.middle + n * off_m + S.along * along
    return str(x), str(y)


def _import(tmp_path, name, kind, features):
    result = runner.invoke(app, ["plan", "import", str(write_geojson(tmp_path / f"{name}.geojson", features)), "--kind", kind])
    assert result.exit_code == 0, result.output


def _build(tmp_path):
    """Vejle: byzone 200–3,000 m from the border, landzone 3,000–5,000 m; a housing frame 200–2,000 m; a
    local plan 400–1,400 m in it with sub-area 1 (400–800 m); a local plan proposal 1,600–1,900 m.
    Kolding: a business frame 200–1,000 m on its side."""
    zone = lambda planid, near, far, code: dict(type="Feature", geometry=_rect(near, far, 1500).__geo_interface__,
                                                 properties=dict(planid=planid, komnr=VEJLE, zone=code))
    _import(tmp_path, "zoner", "zonekort", [zone("Z-BY", 200, 3000, 1), zone("Z-LAND", 3000, 5000, 2)])
    _import(tmp_path, "rammer", "kommuneplanramme", [
        frame("R-BOLIG", VEJLE, 11, _rect(200, 2000, 1000), plantype="10.1", bebygpct=40, bebygpctaf=1, zone=1,
              doklink="https://dokument.plandata.dk/11_R-BOLIG.pdf"),
        frame("R-ERHV", KOLDING, 31, _rect(200, 1000, 500, side="a"), maxmiljo=4, zone=1),
    ])
    _import(tmp_path, "lokalplaner", "lokalplan", [
        frame("LP-1", VEJLE, 11, _rect(400, 1400, 400), plantype="20.1", bebygpct=30, bebygpctaf=2, maxetager=2,
              doklink="https://dokument.plandata.dk/20_LP-1.pdf", iomfangreg="true"),
        frame("LP-F", VEJLE, 11, _rect(1600, 1900, 300), status="F", plantype="20.1",
              doklink="https://dokument.plandata.dk/20_LP-F.pdf"),
        frame("LP-K", VEJLE, 11, _rect(1600, 1900, 300, along=700), status="K", plantype="20.1"),
    ])
    _import(tmp_path, "delomraader", "delomraade", [
        frame("D-1", VEJLE, 11, _rect(400, 800, 400), lokplan_id="LP-1", delnr="1", bebygpct=25, bebygpctaf=3,
              maxbygnhjd=8.5, doklink="https://dokument.plandata.dk/20_LP-1.pdf"),
    ])


def _at(x, y) -> dict:
    result = runner.invoke(app, ["plan", "at", x, y, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _levels(answer) -> dict:
    return {level["level"]: [f["planid"] for f in level["features"]] for level in answer["cascade"]}


def test_in_a_sub_area_the_sub_area_governs(plan_env, tmp_path):
    _build(tmp_path)
    answer = _at(*_point(600))
    assert answer["municipality"] == [dict(komnr=VEJLE, name="Vejle")]
    assert _levels(answer) == dict(delomraade=["D-1"], lokalplan=["LP-1"], kommuneplanramme=["R-BOLIG"], zonekort=["Z-BY"])
    assert (answer["governs"]["level"], answer["governs"]["planid"], answer["governs"]["lokplan_id"]) == ("delomraade", "D-1", "LP-1")
    sub = answer["cascade"][0]["features"][0]
    assert sub["rules"] == dict(bebygpct=25, bebygpctaf=3, maxbygnhjd=8.5, bebygpct_of="Den enkelte grund")
    assert sub["doklink"] == "https://dokument.plandata.dk/20_LP-1.pdf"
    local = answer["cascade"][1]["features"][0]
    assert local["notes"] == ["iomfangreg"] and local["rules"]["bebygpct_of"] == "Den enkelte ejendom"
    assert answer["zone"] == dict(zone=1, name="Byzone", source="zonekort", planid="Z-BY")


def test_the_cascade_falls_back_level_by_level(plan_env, tmp_path):
    _build(tmp_path)
    in_local_plan = _at(*_point(1100))
    assert (in_local_plan["governs"]["level"], in_local_plan["governs"]["planid"]) == ("lokalplan", "LP-1")
    assert _levels(in_local_plan)["delomraade"] == []
    frame_only = _at(*_point(300))
    assert (frame_only["governs"]["level"], frame_only["governs"]["doklink"]) == (
        "kommuneplanramme", "https://dokument.plandata.dk/11_R-BOLIG.pdf")
    rural = _at(*_point(4000))
    assert (rural["governs"]["level"], rural["zone"]["zone"], rural["zone"]["name"]) == ("zonekort", 2, "Landzone")
    kolding = _at(*_point(600, side="a"))
    assert kolding["municipality"][0]["komnr"] == KOLDING and kolding["governs"]["planid"] == "R-ERHV"
    assert kolding["zone"]["source"] == "kommuneplanramme"  # no zone map there: the frame's own zone field


def test_a_proposal_is_named_beside_what_governs(plan_env, tmp_path):
    _build(tmp_path)
    answer = _at(*_point(1750))
    assert (answer["governs"]["level"], answer["governs"]["planid"]) == ("kommuneplanramme", "R-BOLIG")
    assert answer["proposals"] == [dict(level="lokalplan", planid="LP-F", plannr="LP-F", doklink="https://dokument.plandata.dk/20_LP-F.pdf")]
    text = runner.invoke(app, ["plan", "at", *_point(1750)]).stdout
    assert "LP-F" in text and "§ 17" in text and "R-BOLIG" in text


def test_anonymous_users_do_not_see_drafts(plan_env, tmp_path):
    _build(tmp_path)
    x, y = (float(v) for v in _point(1750, along=700))
    editor = service.cascade(plan_env, x, y)
    public = service.cascade(plan_env, x, y, published_only=True)
    assert [f["planid"] for f in editor["levels"][1]["features"]] == ["LP-K"]
    assert public["levels"][1]["features"] == []


def test_the_zone_map_row_names_the_zone_and_history_speaks_of_plans(plan_env, tmp_path):
    _build(tmp_path)
    rural = _at(*_point(4000))
    assert rural["cascade"][3]["features"][0]["zone_name"] == "Landzone"
    text = runner.invoke(app, ["plan", "at", *_point(4000)], env={"COLUMNS": "200"}).stdout
    (row,) = [line for line in text.splitlines() if line.startswith("│") and "Z-LAND" in line]
    assert "2 Landzone" in row  # not the bare code where the other layers show their use
    history = runner.invoke(app, ["plan", "history", "LP-1"], env={"COLUMNS": "200"}).stdout
    assert "Versioner af plan LP-1" in history and "lokalplan" in history
