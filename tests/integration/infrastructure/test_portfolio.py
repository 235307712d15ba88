"""The portfolio in the store, on both backends: init, round-trip, import, export, CBA via the CLI."""

import json

import pyogrio
import pytest
import yaml
from sqlalchemy import func, select
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.infrastructure import repo
from trekant.infrastructure.defaults import projects_dir
from trekant.infrastructure.io.project import read_project_file, to_document_dict
from trekant.store.schema.core import audit_log
from trekant.store.schema.infrastructure import infra_project
from trekant.store.store import Store

runner = CliRunner()
SHIPPED = sorted(p.stem for p in projects_dir().glob("*.yaml"))


def _invoke(*args):
    return runner.invoke(app, ["infra", *args])


def _json(*args):
    result = _invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _count(settings, table=infra_project, where=None):
    store = Store.from_settings(settings)
    try:
        with store.connect() as conn:
            query = select(func.count()).select_from(table)
            return conn.execute(query.where(where) if where is not None else query).scalar_one()
    finally:
        store.dispose()


def test_init_loaded_every_shipped_project(store_env):
    assert [p["key"] for p in _json("list")] == SHIPPED


def test_store_round_trip_is_lossless(store_env):
    store = Store.from_settings(store_env)
    try:
        with store.connect() as conn:
            stored = {p.key: p for p in repo.read_projects(conn)}
    finally:
        store.dispose()
    for key in SHIPPED:
        from_file, _ = read_project_file(projects_dir() / f"{key}.yaml")
        assert to_document_dict(stored[key]) == to_document_dict(from_file)
        assert stored[key].geometry.equals_exact(from_file.geometry, 1e-6)


def test_init_twice_duplicates_nothing(store_env):
    from trekant.bootstrap import init

    init(store_env)
    assert _count(store_env) == len(SHIPPED)


def test_import_updates_by_key_and_is_audited(store_env, tmp_path):
    doc = yaml.safe_load((projects_dir() / "little-belt-third-crossing.yaml").read_text(encoding="utf-8"))
    doc["status"] = "decided"
    (tmp_path / "lb.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    before = _count(store_env, audit_log, audit_log.c.entity == "infra_project")
    assert _json("import", str(tmp_path / "lb.yaml"))["imported"] == ["little-belt-third-crossing"]
    assert _json("show", "little-belt-third-crossing")["status"] == "decided"
    assert _count(store_env) == len(SHIPPED)
    assert _count(store_env, audit_log, audit_log.c.entity == "infra_project") == before + 1


def test_a_bad_file_writes_nothing_and_names_each_field(store_env, tmp_path):
    good = yaml.safe_load((projects_dir() / "e45-e20-kolding-v.yaml").read_text(encoding="utf-8"))
    good["key"] = "new-good-project"
    bad = dict(good, key="new-bad-project", municipalities=["0621", "9999"])
    bad["costs"] = dict(good["costs"], construction_dkk={2030: -1.0})
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(good, allow_unicode=True), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    result = _invoke("import", str(tmp_path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "costs.construction_dkk.2030" in result.stderr and "opening_year" in result.stderr
    assert _count(store_env) == len(SHIPPED)  # not even the good file was written
    again = _invoke("import", str(tmp_path / "a.yaml"), str(tmp_path / "a.yaml"))
    assert again.exit_code == 1 and "key also used" in again.stderr


def test_unknown_municipality_code_is_refused(store_env, tmp_path):
    doc = yaml.safe_load((projects_dir() / "e45-e20-kolding-v.yaml").read_text(encoding="utf-8"))
    doc["municipalities"] = ["0621", "0999"]
    (tmp_path / "x.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = _invoke("import", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and "unknown municipality code '0999'" in result.stderr


def test_export_yaml_reimports_and_gis_files_open(store_env, tmp_path):
    written = _json("export", "--out", str(tmp_path), "--format", "yaml,geojson,gpkg")["written"]
    assert len(written) == len(SHIPPED) + 2
    assert _json("import", str(tmp_path))["imported"] == SHIPPED
    gpkg = pyogrio.read_dataframe(tmp_path / "infra_projects.gpkg")
    assert len(gpkg) == len(SHIPPED) and gpkg.crs.to_epsg() == 25832
    geojson = pyogrio.read_dataframe(tmp_path / "infra_projects.geojson")
    assert geojson.crs.to_epsg() == 4326
    kolding = gpkg.set_index("key").loc["e45-e20-kolding-v"]
    assert 6_000 < kolding.geometry.length < 8_000


def test_export_of_an_unknown_key_fails_cleanly(store_env, tmp_path):
    result = _invoke("export", "no-such-project", "--out", str(tmp_path))
    assert result.exit_code == 1 and "no-such-project" in result.stderr


HAND_PARAMS = """name: hand
title: hand-checkable set
price_year: 2022
operation_years: 2
net_tax_factor: 1.0
tax_distortion_factor: 1.0
discount_rates: [{from_year: 1, rate: 0.04}]
unit_values:
  value_of_time_commuting_dkk_per_h: {value: 1.0, unit: DKK per hour, illustrative: true}
sources: [{id: 1, title: t, publisher: p, year: 2024, supports: [discount_rates, net_tax_factor, tax_distortion_factor]}]
"""

HAND_PROJECT = {
    "key": "hand-built", "name": "Håndregnet", "mode": "road", "status": "idea", "municipalities": ["0621"],
    "opening_year": 2021, "lifetime_years": 4,
    "costs": {"price_year": 2022, "construction_dkk": {2020: 100.0}},
    "effects": {"quantities": {"travel_time_commuting_h": 60.0}},
    "sources": [{"id": 1, "title": "t", "publisher": "p", "year": 2024, "supports": ["costs", "opening_year", "lifetime_years"]}],
    "illustrative": ["effects"],
}


def test_cba_of_a_stored_project_matches_a_hand_calculation(store_env, tmp_path):
    """A project imported into the store and appraised through the CLI, against paper:
    2020: −100 (construction, NAF 1); 2021 and 2022: +60 hours × 1 DKK; 2022 also the residual value
    100 × (1 − 2/4) = 50. NPV at 4 % = −100 + 60/1.04 + (60 + 50)/1.04²."""
    (tmp_path / "hand.yaml").write_text(HAND_PARAMS, encoding="utf-8")
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(HAND_PROJECT, allow_unicode=True), encoding="utf-8")
    assert _json("import", str(tmp_path / "p.yaml"))["imported"] == ["hand-built"]
    data = _json("cba", "hand-built", "--params", str(tmp_path / "hand.yaml"))
    assert data["npv_dkk"] == pytest.approx(-100 + 60 / 1.04 + (60 + 50) / 1.04 ** 2)
    assert data["pv_items_dkk"]["residual_value"] == pytest.approx(50 / 1.04 ** 2)
    assert data["illustrative"] is True and "effects" in data["illustrative_inputs"]


def test_the_shipped_kolding_project_carries_the_published_irr(store_env):
    """Trekantområdet Danmark, "Motorvejsudvidelse rundt om Kolding: Danmarks bedst forrentede
    motorvejsprojekt" (https://www.trekantomraadet.dk/viden-nyheder/cases/motorvejsudvidelse-rundt-om-
    kolding-danmarks-bedst-forrentede-motorvejsprojekt): Vejdirektoratet's 2011 analysis gives an internal
    rate of return of 13.8 %; TV SYD, "Pengene fosser ud, når bilister holder i kø" (2019), the same."""
    data = _json("cba", "e45-e20-kolding-v")
    assert data["published"]["irr"]["value"] == 0.138 and data["published"]["irr"]["year"] == 2011


def test_cba_unknown_project_and_params(store_env):
    result = _invoke("cba", "no-such-project")
    assert result.exit_code == 1 and "no project 'no-such-project'" in result.stderr
    result = _invoke("cba", "e45-e20-kolding-v", "--params", "fm1999")
    assert result.exit_code == 1 and "unknown parameter set 'fm1999'" in result.stderr


def test_list_marks_illustrative_costs_and_opening_years_in_the_table(store_env):
    """The Hærvej Haderslev–Give opening year (2036) and cost point (7.0 billion within the published
    6.6–7.3) are trekant's; the Kolding W opening year 2028 and budget 631 million are published."""
    result = runner.invoke(app, ["infra", "list"], env={"COLUMNS": "200"})  # wide: one line per project

    def row(prefix):
        return next(line for line in result.stdout.splitlines() if prefix in line)

    assert "2036 *" in row("haervej-had") and "7.000,0 *" in row("haervej-had")
    assert "2028 *" not in row("e45-e20-kol") and "631,0 *" not in row("e45-e20-kol")
    assert "* = illustrativ" in result.stdout
    rows = {p["key"]: p for p in _json("list")}
    assert rows["haervej-haderslev-give"]["opening_year_illustrative"] is True
    assert rows["e45-e20-kolding-v"]["construction_total_illustrative"] is False
