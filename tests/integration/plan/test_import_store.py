"""Import, check and versions on both store backends (SQLite GeoPackage and PostGIS)."""

import json

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.store.schema.core import audit_log
from trekant.store.schema.plan import plan_frame
from trekant.store.store import Store
from unit.plan.builders import KOLDING, VEJLE, border_segment, frame, write_geojson

runner = CliRunner()


def _invoke(*args):
    return runner.invoke(app, ["plan", *args])


def _border_file(tmp_path, industry_class=6, name="kv.geojson", **house_rules):
    s = border_segment(KOLDING, VEJLE)
    features = [
        frame("T-BOLIG", VEJLE, 11, s.rect(100, 400), **house_rules),
        frame("T-ERHV6", KOLDING, 31, s.rect(100, 400, side="a"), maxmiljo=industry_class),
        frame("T-ERHV3", KOLDING, 31, s.rect(0, 300, half_width_m=100, side="a").buffer(0), maxmiljo=3),
    ]
    return write_geojson(tmp_path / name, features)


def _counts(settings) -> tuple[int, int]:
    store = Store.from_settings(settings)
    with store.connect() as conn:
        frames = conn.execute(select(func.count()).select_from(plan_frame)).scalar_one()
        audits = conn.execute(select(func.count()).select_from(audit_log)).scalar_one()
    store.dispose()
    return frames, audits


def test_import_then_check_finds_the_border_conflict(plan_env, tmp_path):
    result = _invoke("import", str(_border_file(tmp_path)), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["imported"] == 3
    checked = json.loads(_invoke("check", "--json").stdout)
    ours = [c for c in checked["conflicts"] if c["source_planid"].startswith("T-")]
    assert ours == [dict(source_planid="T-ERHV6", source_komnr=KOLDING, source_class=6, sensitive_planid="T-BOLIG",
                         sensitive_komnr=VEJLE, sensitive_anvgen=11, distance_m=200.0, required_m=300.0)]
    assert set(checked) >= {"conflicts", "unequal_conditions", "border_overlaps"}


def test_failed_import_leaves_the_store_unchanged(plan_env, tmp_path):
    before = _counts(plan_env)
    bad = _border_file(tmp_path)
    text = bad.read_text().replace('"anvgen": 31', '"anvgen": 32', 1)  # one unknown code among good frames
    bad.write_text(text)
    result = _invoke("import", str(bad), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["imported"] == 0
    assert [(i["code"], i["feature"], i["field"]) for i in report["issues"] if i["severity"] == "error"] == \
        [("unknown-code", "planid T-ERHV6", "anvgen")]
    assert "error [unknown-code]" in result.stderr
    assert _counts(plan_env) == before


def test_every_version_is_kept(plan_env, tmp_path):
    assert _invoke("import", str(_border_file(tmp_path, 6, "v1.geojson"))).exit_code == 0
    assert _invoke("import", str(_border_file(tmp_path, 5, "v2.geojson"))).exit_code == 0
    again = _invoke("import", str(_border_file(tmp_path, 5, "v3.geojson")), "--json")
    report = json.loads(again.stdout)
    assert {k: report[k] for k in ("layer", "mode", "imported", "new_frames", "new_versions", "unchanged", "withdrawn")} == \
        dict(layer="kommuneplanramme", mode="submission", imported=0, new_frames=0, new_versions=0, unchanged=3, withdrawn=0)
    history = json.loads(_invoke("history", "T-ERHV6", "--json").stdout)
    assert [(h["version"], h["maxmiljo"], h["is_current"]) for h in history] == [(1, 6, False), (2, 5, True)]
    assert history[0]["valid_to"] == history[1]["valid_from"]
    assert history[1]["source"].endswith("v2.geojson")
    unchanged = json.loads(_invoke("history", "T-BOLIG", "--json").stdout)
    assert [h["version"] for h in unchanged] == [1]


def test_changes_are_audited(plan_env, tmp_path):
    _invoke("import", str(_border_file(tmp_path, 6, "v1.geojson")))
    _invoke("import", str(_border_file(tmp_path, 5, "v2.geojson")))
    store = Store.from_settings(plan_env)
    with store.connect() as conn:
        rows = conn.execute(select(audit_log).where(audit_log.c.action.like("plan.%")).order_by(audit_log.c.id)).all()
    store.dispose()
    assert [(r.action, r.entity_id) for r in rows][-3:] == [
        ("plan.import", str(tmp_path / "v1.geojson")), ("plan.import", str(tmp_path / "v2.geojson")),
        ("plan.new_version", "T-ERHV6")]
    assert json.loads(rows[-1].detail)["fields"] == ["maxmiljo"]
    assert json.loads(rows[-3].detail)["new"] == ["T-BOLIG", "T-ERHV6", "T-ERHV3"]


def test_an_editor_cannot_change_another_municipality(plan_env, tmp_path):
    before = _counts(plan_env)
    result = _invoke("import", str(_border_file(tmp_path)), "--municipality", VEJLE)
    assert result.exit_code == 1
    assert result.stderr.count("[other-municipality]") == 2
    assert _counts(plan_env) == before
    skipped = _invoke("import", str(_border_file(tmp_path)), "--municipality", "630", "--skip-others", "--json")
    assert skipped.exit_code == 0
    assert json.loads(skipped.stdout)["imported"] == 1


def test_history_of_an_unknown_frame(plan_env):
    result = _invoke("history", "NO-SUCH-FRAME")
    assert result.exit_code == 1
    assert "NO-SUCH-FRAME" in result.stderr


@pytest.mark.parametrize("language, title", [("da", "Miljøkonflikter"), ("en", "Cross-border environmental conflicts")])
def test_check_table_speaks_the_language(plan_env, tmp_path, monkeypatch, language, title):
    monkeypatch.setenv("TREKANT_LANGUAGE", language)
    _invoke("import", str(_border_file(tmp_path)))
    result = _invoke("check")
    assert result.exit_code == 0 and title in result.stdout


def test_going_back_in_the_lifecycle_is_a_warning(plan_env, tmp_path):
    assert _invoke("import", str(_border_file(tmp_path, name="v1.geojson"))).exit_code == 0
    proposal = _border_file(tmp_path, name="v2.geojson")
    proposal.write_text(proposal.read_text().replace('"status": "V"', '"status": "F"', 1))
    result = _invoke("import", str(proposal), "--json")
    assert result.exit_code == 0
    issues = json.loads(result.stdout)["issues"]
    assert [(i["severity"], i["code"], i["feature"]) for i in issues] == [("warning", "status-lifecycle", "planid T-BOLIG")]


def test_the_check_read_holds_exactly_the_frames_that_can_conflict(plan_env, tmp_path):
    """read_check_frames (GDAL/Arrow on the GeoPackage, SQL on PostGIS) keeps a frame when its class
    has a recommended distance above 0 (classes 2–7) or its use is sensitive; the rest are left out."""
    from trekant.plan import repo
    from trekant.plan.model import DEFAULT_SENSITIVE_USES, LIVE_STATUSES

    s = border_segment(KOLDING, VEJLE)
    features = [
        frame("R-HOUSE", VEJLE, 11, s.rect(100, 400)),                               # sensitive use
        frame("R-CLASS1", KOLDING, 31, s.rect(100, 400, side="a"), maxmiljo=1),     # 0 m: cannot conflict
        frame("R-CLASS4", KOLDING, 31, s.rect(500, 800, side="a"), maxmiljo=4),     # 100 m
        frame("R-FARM", VEJLE, 91, s.rect(500, 800)),                                # rural land, no class
        frame("R-DRAFT", VEJLE, 11, s.rect(900, 1200), status="K"),                  # live status
        frame("R-GONE", VEJLE, 11, s.rect(1300, 1600), status="A"),                  # cancelled: not live
    ]
    assert _invoke("import", str(write_geojson(tmp_path / "r.geojson", features))).exit_code == 0
    store = Store.from_settings(plan_env)
    with store.connect() as conn:
        read = repo.read_check_frames(conn, LIVE_STATUSES, (2, 3, 4, 5, 6, 7), DEFAULT_SENSITIVE_USES)
    store.dispose()
    ours = read[read["planid"].str.startswith("R-")]
    assert list(ours["planid"]) == ["R-CLASS4", "R-DRAFT", "R-HOUSE"]  # ordered by komnr (0621 < 0630), planid
    assert list(ours.columns) == ["planid", "komnr", "anvgen", "maxmiljo", "status", "is_demo", "geometry"]
    assert ours["maxmiljo"].tolist()[0] == 4 and ours["anvgen"].tolist() == [31, 11, 11]
    assert ours.geometry.area.round(0).tolist() == [90_000.0, 90_000.0, 90_000.0]  # 300 m × 300 m each
