"""`plan fetch --layer … --status …` for each Plandata layer, from the local WFS replay serving each
layer's real schema (plandata_schema: 326 fields on lokalplan layers), as a register mirror."""

import json

import pytest
from shapely.geometry import MultiPolygon, box
from typer.testing import CliRunner

from integration.plan.wfs_replay import Replay
from trekant.cli.main import app
from trekant.plan.layers import LAYERS
from unit.plan.builders import VEJLE
from unit.plan.plandata_schema import properties

runner = CliRunner()


def _square(i: int, size: float = 300.0):
    return MultiPolygon([box(533000 + i * 400, 6175000, 533000 + i * 400 + size, 6175000 + size)])


def _record(kind: str, i: int, status: str, **values) -> dict:
    """A feature as the layer serves it: Plandata's types (komnr integer, codes as decimals, flags as text)."""
    common = dict(planid=f"{kind[:3].upper()}-{i}", komnr=630)
    if kind == "zonekort":
        return properties(kind, **common, zone=1, zonestatus="Byzone", kommunenavn="Vejle", dataprod="2026", **values)
    fields = dict(common, plannr=f"{i}", plannavn=f"{kind} {i}", anvgen=11.0, zone=1.0, bebygpct=30.0, bebygpctaf=2,
                  maxetager="2.0", planstatus=status, datovedt=20211013 if status == "V" else None, datoforsl=20210510,
                  datooprt="2021-10-13T10:11:12", kommunenavn="Vejle",
                  doklink=f"https://dokument.plandata.dk/20_{i}.pdf",
                  plantype=10.1 if kind == "kommuneplanramme" else 20.1)
    if kind in ("lokalplan", "delomraade"):
        fields.update(kompleks="false", iomfangreg="true", datoattr=20230228.0)
    if kind == "delomraade":
        fields.update(lokplan_id="LOK-1", delnr=f"{i}")
    if kind == "kommuneplanramme":
        fields.update(komplan_id="KP-2021")
    fields.update(values)
    return properties(kind, **fields)


@pytest.mark.parametrize("kind, status", [(kind, status) for kind, spec in LAYERS.items() for status in spec.wfs])
def test_each_layer_and_status_is_fetched_into_its_own_table(plan_env, kind, status):
    layer = LAYERS[kind].wfs[status]
    features = [(_record(kind, i, status), _square(i)) for i in range(3)]
    with Replay({layer: features, "theme_pdk_other": []}) as wfs:
        result = runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", kind,
                                     "--status", {"V": "vedtaget", "F": "forslag"}[status], "--url", wfs.url, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["layer"], report["mode"], report["imported"], report["findings"]) == (kind, "mirror", 3, 0)
    assert {q["typeNames"] for q in wfs.requests} == {f"pdk:{layer}"}
    (version,) = json.loads(runner.invoke(app, ["plan", "history", features[1][0]["planid"], "--json"]).stdout)
    assert (version["layer"], version["status"], version["komnr"], version["change"]) == (kind, status, VEJLE, "fetch")
    assert version["area_m2"] == 90_000.0
    if kind != "zonekort":
        assert (version["plantype"], version["bebygpctaf"], version["maxetager"]) == (
            "10.1" if kind == "kommuneplanramme" else "20.1", 2, 2.0)
    if kind == "delomraade":
        assert (version["lokplan_id"], version["delnr"], version["kompleks"], version["iomfangreg"]) == ("LOK-1", "1", False, True)


def test_the_zone_map_has_no_proposals(plan_env):
    result = runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", "zonekort", "--status", "forslag",
                                 "--url", "http://127.0.0.1:9/wfs"])
    assert result.exit_code == 1
    assert "zonekort" in result.stderr and "vedtaget only" in result.stderr


def test_a_plan_gone_from_the_register_is_withdrawn(plan_env):
    layer = LAYERS["lokalplan"].wfs["V"]
    features = [(_record("lokalplan", i, "V"), _square(i)) for i in range(3)]
    with Replay(layer, features) as wfs:
        runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", "lokalplan", "--url", wfs.url])
    with Replay(layer, features[:2]) as wfs:
        report = json.loads(runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", "lokalplan",
                                                "--url", wfs.url, "--json"]).stdout)
    assert (report["unchanged"], report["withdrawn"]) == (2, 1)
    (gone,) = json.loads(runner.invoke(app, ["plan", "history", "LOK-2", "--json"]).stdout)
    assert gone["is_current"] is False and gone["valid_to"] is not None


def test_legacy_register_data_is_mirrored_with_findings(plan_env):
    layer = LAYERS["lokalplan"].wfs["V"]
    sliver = MultiPolygon([*_square(1).geoms, box(534000, 6176000, 534000.5, 6176001)])  # + a 0.5 m² part
    features = [(_record("lokalplan", 0, "V", anvgen=None), _square(0)), (_record("lokalplan", 1, "V"), sliver)]
    with Replay(layer, features) as wfs:
        strict = runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", "lokalplan", "--url", wfs.url,
                                     "--strict"])
        mirrored = runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", "lokalplan", "--url", wfs.url,
                                       "--json"])
    assert strict.exit_code == 1 and "[too-small]" in strict.stderr and "[missing-value]" in strict.stderr
    assert json.loads(mirrored.stdout)["imported"] == 2
    quality = json.loads(runner.invoke(app, ["plan", "quality", "--json"]).stdout)
    assert {(f["planid"], f["code"], f["action"]) for f in quality["findings"]} == {
        ("LOK-0", "missing-value", "kept"), ("LOK-1", "too-small", "repaired")}


@pytest.mark.parametrize("kind", list(LAYERS))
def test_each_layer_exports_with_its_own_fields(plan_env, kind, tmp_path):
    """CSV and the spreadsheet carry every field of the layer (a frame's plantype, bebygpctaf, komplan_id,
    doklink; a sub-area's lokplan_id and delnr; the zone map's zone), not only the frames' old columns."""
    import pandas as pd

    layer = LAYERS[kind]
    features = [(_record(kind, i, "V"), _square(i)) for i in range(2)]
    with Replay(layer.wfs["V"], features) as wfs:
        assert runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", kind, "--url", wfs.url]).exit_code == 0
    csv = tmp_path / f"{kind}.csv"
    result = runner.invoke(app, ["plan", "export", "--format", "csv", "--layer", kind, "--out", str(csv)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(csv, encoding="utf-8-sig", dtype=str)
    assert set(layer.columns) <= set(table.columns)
    row = table.set_index("planid").loc[features[1][0]["planid"]]
    if kind != "zonekort":
        assert (row["plantype"], row["bebygpctaf"], row["doklink"]) == (
            "10.1" if kind == "kommuneplanramme" else "20.1", "2", "https://dokument.plandata.dk/20_1.pdf")
    expected = dict(kommuneplanramme={"komplan_id": "KP-2021"}, delomraade={"lokplan_id": "LOK-1", "delnr": "1"},
                    zonekort={"zone": "1"}, lokalplan={"kompleks": "False"})[kind]
    assert {k: row[k] for k in expected} == expected
    xlsx = tmp_path / "plan.xlsx"
    assert runner.invoke(app, ["plan", "export", "--format", "xlsx", "--out", str(xlsx)]).exit_code == 0
    (sheet,) = [s for name, s in pd.read_excel(xlsx, sheet_name=None).items() if name not in
                ("Arealregnskab", "Miljøkonflikter", "info")]
    assert set(layer.columns) <= set(sheet.columns)


def test_fetching_one_status_leaves_the_other_status_findings_alone(plan_env):
    """A fetch covers one municipality and one status: the findings of the adopted plans stay when
    the proposals are fetched, and go only when the adopted layer no longer has them."""
    adopted, proposed = LAYERS["lokalplan"].wfs["V"], LAYERS["lokalplan"].wfs["F"]
    legacy = [(_record("lokalplan", 0, "V", anvgen=None), _square(0))]
    proposal = [(_record("lokalplan", 5, "F", anvgen=None), _square(5))]

    def fetch(layers, status):
        with Replay(layers) as wfs:
            result = runner.invoke(app, ["plan", "fetch", "--municipality", VEJLE, "--layer", "lokalplan",
                                         "--status", status, "--url", wfs.url])
        assert result.exit_code == 0, result.output

    def found():
        quality = json.loads(runner.invoke(app, ["plan", "quality", "--json"]).stdout)
        return {(f["planid"], f["status"], f["code"]) for f in quality["findings"]}

    fetch({adopted: legacy}, "vedtaget")
    fetch({proposed: proposal}, "forslag")
    assert found() == {("LOK-0", "V", "missing-value"), ("LOK-5", "F", "missing-value")}
    fetch({adopted: [(_record("lokalplan", 0, "V"), _square(0))]}, "vedtaget")  # the register has fixed it
    assert found() == {("LOK-5", "F", "missing-value")}
