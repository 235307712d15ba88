"""A real-shaped register export: refused whole as a submission, mirrored with findings (both backends)."""

import json

from sqlalchemy import func, select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.store.schema.core import audit_log
from trekant.store.schema.plan import plan_local_plan, plan_quality
from trekant.store.store import Store
from unit.plan.real_shaped import EXPECTED_FINDINGS, STORED, _lokalplan, _vejle_square, features, write_export

runner = CliRunner()


def _invoke(*args):
    return runner.invoke(app, ["plan", *args])


def _count(settings, table) -> int:
    store = Store.from_settings(settings)
    with store.connect() as conn:
        count = conn.execute(select(func.count()).select_from(table)).scalar_one()
    store.dispose()
    return count


def _quality(*args) -> dict:
    result = _invoke("quality", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_export_is_refused_whole_as_a_submission(plan_env, tmp_path):
    path = write_export(tmp_path / "lokalplaner_vejle_kolding.geojson")
    before = (_count(plan_env, plan_local_plan), _count(plan_env, audit_log))
    result = _invoke("import", str(path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    codes = {line.split("]")[0].split("[")[1] for line in lines}
    assert {"missing-value", "too-small", "outside-municipality", "invalid-geometry", "invalid-date"} <= codes
    assert (_count(plan_env, plan_local_plan), _count(plan_env, audit_log)) == before


def test_a_mirror_stores_what_the_register_publishes_with_its_findings(plan_env, tmp_path):
    path = write_export(tmp_path / "lokalplaner_vejle_kolding.geojson")
    result = _invoke("import", str(path), "--mirror", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["layer"], report["mode"], report["imported"], report["skipped"]) == ("lokalplan", "mirror", 8, 2)
    assert report["left_out"] == {"0615": 1, "0766": 1}  # Horsens and Hedensted are not in the region
    assert report["findings"] == len(EXPECTED_FINDINGS)

    quality = _quality()
    assert {(f["planid"], f["code"], f["action"]) for f in quality["findings"]} == EXPECTED_FINDINGS
    assert {f["layer"] for f in quality["findings"]} == {"lokalplan"}
    kolding = _quality("--municipality", "621")
    assert {f["planid"] for f in kolding["findings"]} == {"LP-KOLDING-SLIVER", "LP-KOLDING-ACROSS"}
    assert kolding["findings"][0]["municipality"] == "Kolding"
    slivers = _quality("--code", "too-small")
    assert {(f["planid"], f["action"]) for f in slivers["findings"]} == {("LP-KOLDING-SLIVER", "repaired"),
                                                                          ("LP-VEJLE-TWIST", "repaired")}


def test_mirrored_values_are_stored_as_the_register_means_them(plan_env, tmp_path):
    assert _invoke("import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror").exit_code == 0
    versions = {p: json.loads(_invoke("history", p, "--json").stdout)[-1] for p in STORED}
    good = versions["LP-VEJLE-1"]
    assert (good["layer"], good["komnr"], good["plantype"], good["anvgen"], good["zone"], good["bebygpctaf"]) == \
        ("lokalplan", "0630", "20.1", 11, 1, 2)
    assert (good["kompleks"], good["iomfangreg"], good["datovedt"], good["status"]) == (False, True, "2021-10-13", "V")
    assert good["doklink"].startswith("https://dokument.plandata.dk/20_")
    assert versions["LP-VEJLE-LEGACY"]["anvgen"] is None  # unknown, as the register has it
    assert versions["LP-VEJLE-BADDATE"]["datoforsl"] is None and versions["LP-VEJLE-BADDATE"]["datovedt"] == "2021-10-13"
    assert versions["LP-KOLDING-SLIVER"]["area_m2"] == 90_000.0  # 300 m × 300 m; the 0.4 m² part dropped
    assert versions["LP-VEJLE-FORSLAG"]["status"] == "F"


def test_importing_the_same_export_again_changes_nothing(plan_env, tmp_path):
    path = write_export(tmp_path / "lokalplaner.geojson")
    assert _invoke("import", str(path), "--mirror").exit_code == 0
    first = _quality()
    rows = _count(plan_env, plan_quality)
    again = json.loads(_invoke("import", str(path), "--mirror", "--json").stdout)
    assert (again["imported"], again["unchanged"], again["withdrawn"]) == (0, 8, 0)
    assert _quality() == first and _count(plan_env, plan_quality) == rows


def test_a_new_export_records_new_changed_and_withdrawn_plans(plan_env, tmp_path):
    assert _invoke("import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror").exit_code == 0
    later = [f for f in features() if f["properties"]["planid"] not in ("LP-VEJLE-FORSLAG", "LP-VEJLE-BADDATE")]
    changed = next(f for f in later if f["properties"]["planid"] == "LP-VEJLE-1")
    changed["properties"]["maxetager"] = 3.0
    later.append(_lokalplan("LP-VEJLE-NEW", "0630", _vejle_square(2400)))
    result = _invoke("import", str(write_export(tmp_path / "lokalplaner_later.geojson", later)), "--mirror", "--json")
    report = json.loads(result.stdout)
    assert (report["new_frames"], report["new_versions"], report["withdrawn"]) == (1, 1, 2)
    gone = json.loads(_invoke("history", "LP-VEJLE-FORSLAG", "--json").stdout)
    assert len(gone) == 1 and gone[0]["valid_to"] is not None and gone[0]["is_current"] is False
    assert [v["maxetager"] for v in json.loads(_invoke("history", "LP-VEJLE-1", "--json").stdout)] == [2.0, 3.0]
    # the date finding went with the plan: resolved, no longer listed
    assert "LP-VEJLE-BADDATE" not in {f["planid"] for f in _quality()["findings"]}


def test_a_partial_file_withdraws_nothing(plan_env, tmp_path):
    assert _invoke("import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror").exit_code == 0
    one = [f for f in features() if f["properties"]["planid"] == "LP-VEJLE-1"]
    report = json.loads(_invoke("import", str(write_export(tmp_path / "one.geojson", one)), "--mirror", "--partial",
                                "--kind", "lokalplan", "--json").stdout)
    assert (report["unchanged"], report["withdrawn"]) == (1, 0)


def test_every_layer_and_status_is_a_layer_of_its_own_in_the_export(plan_env, tmp_path):
    import pyogrio

    assert _invoke("import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror").exit_code == 0
    out = tmp_path / "plan.gpkg"
    report = json.loads(_invoke("export", "--format", "gpkg", "--out", str(out), "--json").stdout)
    layers = dict(pyogrio.list_layers(out))
    assert {"lokalplan_vedtaget", "lokalplan_forslag", "plan_quality"} <= set(layers) and set(report["layers"]) == set(layers)
    adopted = pyogrio.read_dataframe(out, layer="lokalplan_vedtaget")
    assert set(adopted["planid"]) == STORED - {"LP-VEJLE-FORSLAG"}
    assert {"bebygpctaf", "plantype", "doklink", "kompleks", "iomfangreg", "zone"} <= set(adopted.columns)
    assert list(pyogrio.read_dataframe(out, layer="lokalplan_forslag")["planid"]) == ["LP-VEJLE-FORSLAG"]
    quality = pyogrio.read_dataframe(out, layer="plan_quality", read_geometry=False)
    assert len(quality) == len(EXPECTED_FINDINGS)
    csv = tmp_path / "lokalplaner.csv"
    assert _invoke("export", "--format", "csv", "--layer", "lokalplan", "--out", str(csv)).exit_code == 0
    assert "LP-VEJLE-1" in csv.read_text(encoding="utf-8-sig")
    geojson = tmp_path / "lokalplaner_export.geojson"
    assert _invoke("export", "--format", "geojson", "--layer", "lokalplan", "--out", str(geojson)).exit_code == 0
    assert {f["properties"]["planid"] for f in json.loads(geojson.read_text(encoding="utf-8"))["features"]} == STORED


def test_the_spreadsheet_holds_each_layer_and_the_findings(plan_env, tmp_path):
    import pandas as pd

    assert _invoke("import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror").exit_code == 0
    out = tmp_path / "plan.xlsx"
    result = _invoke("export", "--format", "xlsx", "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    sheets = pd.read_excel(out, sheet_name=None)
    assert {"Lokalplaner", "Datakvalitet"} <= set(sheets)
    assert set(sheets["Lokalplaner"]["planid"]) == STORED
    quality = sheets["Datakvalitet"]
    planids = [None if pd.isna(p) else p for p in quality["planid"]]
    assert set(zip(planids, quality["code"], quality["action"])) == EXPECTED_FINDINGS
    assert quality["found_at_utc"].notna().all()  # a time Excel can hold (it has no time zones)


def test_a_partial_file_resolves_only_its_own_plans_findings(plan_env, tmp_path):
    """A partial file covers its own plans: the export's findings of other plans stay; its own
    plan's finding follows its data."""
    assert _invoke("import", str(write_export(tmp_path / "lokalplaner.geojson")), "--mirror").exit_code == 0
    draft = _lokalplan("LP-VEJLE-KLADDE", "0630", _vejle_square(2800), planstatus="K", anvgen=None, datovedt=None)
    legacy_fixed = next(f for f in features() if f["properties"]["planid"] == "LP-VEJLE-LEGACY")
    legacy_fixed["properties"]["anvgen"] = 11.0  # the register has given the old plan its general use
    path = write_export(tmp_path / "two.geojson", [draft, legacy_fixed])
    assert _invoke("import", str(path), "--mirror", "--partial").exit_code == 0
    found = {(f["planid"], f["code"], f["action"]) for f in _quality()["findings"]}
    assert found == EXPECTED_FINDINGS - {("LP-VEJLE-LEGACY", "missing-value", "kept")} | {
        ("LP-VEJLE-KLADDE", "missing-value", "kept")}
