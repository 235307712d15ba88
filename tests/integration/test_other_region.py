"""A region is data: three other municipalities cut from the national file make a working store."""

import json

import pyogrio
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.region.definition import data_root

runner = CliRunner()
AARHUS_SOUTH = ["0751", "0746", "0727"]  # Aarhus, Skanderborg, Odder


def _cut_region(tmp_path):
    national = data_root() / "common" / "boundaries" / "dk_municipalities_2014.geojson"
    frame = pyogrio.read_dataframe(national)
    cut = frame[frame["KOMKODE"].isin(AARHUS_SOUTH)]
    pyogrio.write_dataframe(cut, tmp_path / "three.geojson", driver="GeoJSON")
    definition = tmp_path / "region.yaml"
    definition.write_text(
        "key: aarhus_syd\nname: Aarhus Syd\n"
        f"municipalities: {json.dumps(AARHUS_SOUTH)}\n"
        "boundaries: three.geojson\n"
        "population_indicators: [population]\n"
        "indicators:\n"
        "  - key: population\n    name_da: Folketal\n    name_en: Population\n    unit: persons\n"
        "    frequency: quarter\n    source: Danmarks Statistik FOLK1A\n    licence: CC BY 4.0\n"
        "    files:\n      - path: builtin:dst/folk1a_population_selected_years.csv\n"
        "        area_column: OMRÅDE\n        period_column: TID\n        value_column: INDHOLD\n"
        "        where: {KØN: Total, ALDER: 'Age, total', CIVILSTAND: Total}\n"
        "        skip_areas: ['Region *']\n",
        encoding="utf-8",
    )
    return definition


def test_init_with_another_region(empty_env, tmp_path):
    definition = _cut_region(tmp_path)
    result = runner.invoke(app, ["init", "--region", str(definition), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["region", "show", "--json"]).stdout)
    assert [r["code"] for r in rows] == sorted(AARHUS_SOUTH)
    by_code = {r["code"]: r for r in rows}
    # Aarhus borders Skanderborg and Odder; Skanderborg borders Odder (map of East Jutland).
    assert by_code["0751"]["neighbours"] == ["0727", "0746"]
    assert by_code["0727"]["neighbours"] == ["0746", "0751"]
    # FOLK1A 2022Q1 Aarhus: 355,238 inhabitants (shared/data/dst/folk1a_population_selected_years.csv).
    assert by_code["0751"]["population"] == {"period": "2022Q1", "value": 355_238}


def test_other_region_into_existing_store_needs_force(sqlite_env, tmp_path):
    definition = _cut_region(tmp_path)
    result = runner.invoke(app, ["init", "--region", str(definition)])
    assert result.exit_code == 1
    assert "holds region 'trekantomraadet'" in result.stderr and "--force" in result.stderr
