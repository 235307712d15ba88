"""Bad input never crashes and never half-writes: one line per problem, exit 1, store untouched."""

import hashlib
import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.region.definition import data_root

runner = CliRunner()
BOUNDARIES = data_root() / "common" / "boundaries" / "dk_municipalities_2014.geojson"


def _digest(settings) -> str:
    return hashlib.sha256(settings.store_path.read_bytes()).hexdigest()


def _definition(tmp_path, codes='["0530", "0607"]', boundaries=str(BOUNDARIES)):
    path = tmp_path / "region.yaml"
    path.write_text(f"key: trekantomraadet\nname: T\nmunicipalities: {codes}\nboundaries: {boundaries}\n", encoding="utf-8")
    return path


def _fails_cleanly(result, *needles):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines, "no message on stderr"
    for needle in needles:
        assert any(needle in line for line in lines), (needle, lines)
    return lines


def test_unknown_municipality_code(sqlite_env, tmp_path):
    before = _digest(sqlite_env)
    result = runner.invoke(app, ["init", "--region", str(_definition(tmp_path, codes='["0530", "0999"]'))])
    lines = _fails_cleanly(result, "0999", "region.yaml")
    assert len(lines) == 1
    assert _digest(sqlite_env) == before


def test_boundary_file_that_is_not_geojson(sqlite_env, tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text(BOUNDARIES.read_text(encoding="utf-8")[:5000], encoding="utf-8")  # truncated
    before = _digest(sqlite_env)
    result = runner.invoke(app, ["init", "--force", "--region", str(_definition(tmp_path, boundaries=str(broken)))])
    lines = _fails_cleanly(result, "broken.geojson")
    assert len(lines) == 1
    assert _digest(sqlite_env) == before


def test_boundary_feature_with_invalid_geometry(sqlite_env, tmp_path):
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"KOMKODE": "0530"},
         "geometry": {"type": "Polygon", "coordinates": [[[9, 55], [9.1, 55.1], [9.1, 55], [9, 55.1], [9, 55]]]}},
    ]}
    bowtie = tmp_path / "bowtie.geojson"
    bowtie.write_text(json.dumps(doc), encoding="utf-8")
    before = _digest(sqlite_env)
    result = runner.invoke(app, ["init", "--region", str(_definition(tmp_path, codes='["0530"]', boundaries=str(bowtie)))])
    _fails_cleanly(result, "invalid-geometry", "feature 0", "Self-intersection")
    assert _digest(sqlite_env) == before


def test_missing_region_file(sqlite_env, tmp_path):
    _fails_cleanly(runner.invoke(app, ["init", "--region", str(tmp_path / "nope.yaml")]), "not found")


def test_unwritable_data_directory(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TREKANT_DATA_DIR", str(blocker / "data"))
    monkeypatch.delenv("TREKANT_DATABASE_URL", raising=False)
    lines = _fails_cleanly(runner.invoke(app, ["init"]), "not writable")
    assert len(lines) == 1


def test_show_without_a_store(empty_env):
    _fails_cleanly(runner.invoke(app, ["region", "show"]), "trekant init")


def test_unreachable_postgresql(monkeypatch):
    monkeypatch.setenv("TREKANT_DATABASE_URL", "postgresql+psycopg://nobody:x@127.0.0.1:1/none")
    lines = _fails_cleanly(runner.invoke(app, ["region", "show", "--json"]), "store")
    assert len(lines) == 1


def test_bad_setting_value(monkeypatch, tmp_path):
    monkeypatch.setenv("TREKANT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TREKANT_LANGUAGE", "klingon")
    _fails_cleanly(runner.invoke(app, ["region", "show"]), "TREKANT_LANGUAGE")


def test_bad_indicator_rows_are_each_reported(sqlite_env, tmp_path):
    table = tmp_path / "pop.csv"
    table.write_text("OMRÅDE;TID;INDHOLD\nBillund;2020Q1;26608\nAtlantis;2020Q1;5\nBillund;2020Q7;1\n", encoding="utf-8")
    definition = _definition(tmp_path, codes='["0530"]')
    definition.write_text(
        definition.read_text(encoding="utf-8")
        + "indicators:\n  - {key: population, name_da: F, name_en: P, unit: persons, frequency: quarter,"
        f" source: test, licence: none, files: [{{path: {table}, area_column: OMRÅDE, period_column: TID,"
        " value_column: INDHOLD}]}\n",
        encoding="utf-8",
    )
    before = _digest(sqlite_env)
    lines = _fails_cleanly(runner.invoke(app, ["init", "--region", str(definition)]), "Atlantis", "row 4")
    assert len(lines) == 2
    assert _digest(sqlite_env) == before


def test_usage_error_exits_2():
    assert runner.invoke(app, ["region", "show", "--no-such-flag"]).exit_code == 2


@pytest.mark.parametrize("args", [["--version"]])
def test_version(args):
    from trekant import __version__

    result = runner.invoke(app, args)
    assert result.exit_code == 0 and result.stdout.strip() == f"trekant {__version__}"
