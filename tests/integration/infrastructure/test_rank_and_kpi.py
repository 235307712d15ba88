"""Ranking over the stored portfolio and the strategy KPI, on both backends."""

import json
from pathlib import Path

import pytest

import yaml
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.infrastructure.defaults import projects_dir
from trekant.infrastructure.kpis import SOURCES
from trekant.store.store import Store

runner = CliRunner()


def _rank(*args):
    result = runner.invoke(app, ["infra", "rank", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_default_profile_ranks_the_undecided_asks(store_env):
    data = _rank()
    keys = {r["key"] for r in data["ranking"]}
    # statuses idea/studied/shelved only: the two widenings under construction and the decided stage are out
    assert "e45-e20-kolding-v" not in keys and "haervej-give-billund" not in keys
    assert len(keys) == 7
    assert [r["rank"] for r in data["ranking"]] == list(range(1, 8))
    assert data["illustrative"] is True and data["profile_illustrative"] is True
    assert abs(sum(c["weight"] for c in data["criteria"]) - 1) < 1e-9
    for row in data["ranking"]:
        assert 0 <= row["keeps_rank_share"] <= 1 and 0 <= row["top_k_share"] <= 1


@pytest.mark.parametrize("method", ["topsis", "weighted-sum", "promethee"])
def test_on_one_criterion_every_method_orders_by_that_score(store_env, tmp_path, method):
    """With a single benefit criterion all three methods are monotone in it: weighted sum and TOPSIS
    score (x − min) / (max − min), PROMETHEE II 'usual' scores (#worse − #better) / (n − 1). So the
    ranking must be the shipped files' climate scores, highest first, ties by key (read from the
    YAML files here, not from the ranking code)."""
    climate = {doc["key"]: doc["criteria"]["climate"]
               for doc in (yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted(projects_dir().glob("*.yaml")))}
    expected = sorted(climate, key=lambda key: (-climate[key], key))
    profile = {"name": "climate-only", "method": method, "criteria": {"climate": {"weight": 1.0}},
               "stability": {"draws": 0}}
    path = tmp_path / "climate.yaml"
    path.write_text(yaml.safe_dump(profile), encoding="utf-8")
    data = _rank("--profile", str(path))
    assert [r["key"] for r in data["ranking"]] == expected
    assert data["method"] == method and expected[0] == "timemodel-odense-aarhus"  # the only climate score of 5


def test_a_users_profile_with_score_overrides(store_env, tmp_path):
    profile = {
        "name": "mine", "method": "weighted-sum", "statuses": ["studied"],
        "criteria": {"climate": {"weight": 1.0}},
        "scores": {"billund-rail-gadbjerg": {"climate": 5}},
        "stability": {"draws": 0},
    }
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(profile), encoding="utf-8")
    data = _rank("--profile", str(path))
    assert data["ranking"][0]["key"] == "billund-rail-gadbjerg"  # the only 5 on the only criterion
    assert data["profile_illustrative"] is False


def test_bad_profile_names_the_field(store_env, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: bad\ncriteria: {beauty: {weight: 1}}\n", encoding="utf-8")
    result = runner.invoke(app, ["infra", "rank", "--profile", str(path)])
    assert result.exit_code == 1 and "field criteria" in result.stderr and "unknown criterion beauty" in result.stderr
    result = runner.invoke(app, ["infra", "rank", "--profile", "nope"])
    assert result.exit_code == 1 and "unknown profile 'nope'" in result.stderr


def test_kpi_projects_funded(store_env):
    """Published statuses: Kolding V and Vejle–Skanderborg under construction, Give–Billund decided (law of Dec. 2025)."""
    store = Store.from_settings(store_env)
    try:
        with store.connect() as conn:
            reading = SOURCES["infrastructure.projects_funded"](conn, store_env)
    finally:
        store.dispose()
    assert reading.value == 3 and reading.unit == "projects" and not reading.is_demo
    assert reading.period == "2026"  # Transportnyhederne, March 2026 (Kolding V works started)
    assert "Transportnyhederne 2026" in reading.source


def test_kpi_counts_an_imported_opened_project(store_env, tmp_path):
    doc = yaml.safe_load((projects_dir() / "vejle-fjord-rail-crossing.yaml").read_text(encoding="utf-8"))
    doc["status"] = "opened"
    (tmp_path / "v.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert runner.invoke(app, ["infra", "import", str(tmp_path / "v.yaml")]).exit_code == 0
    store = Store.from_settings(store_env)
    try:
        with store.connect() as conn:
            assert SOURCES["infrastructure.projects_funded"](conn, store_env).value == 4
    finally:
        store.dispose()


def test_the_default_profile_has_no_climate_double_count(store_env, tmp_path):
    """The CBA values CO2e in money; the shipped profiles leave the 1–5 climate score out, and a profile
    that puts it beside a CBA result is told that it counts the same tonnes twice."""
    data = _rank()
    assert "climate" not in {c["name"] for c in data["criteria"]} and data["double_counts"] == []
    profile = {"name": "both", "criteria": {"npv_per_public_dkk": {"weight": 0.5}, "climate": {"weight": 0.5}},
               "stability": {"draws": 0}}
    path = tmp_path / "both.yaml"
    path.write_text(yaml.safe_dump(profile), encoding="utf-8")
    [note] = _rank("--profile", str(path))["double_counts"]
    assert "climate" in note and "npv_per_public_dkk" in note
    text = runner.invoke(app, ["infra", "rank", "--profile", str(path)]).stdout
    assert "DOBBELTTÆLLING" in text


def test_one_base_year_for_the_portfolio(store_env, tmp_path):
    """With a flat 4 % rate, discounting to 2026 instead of a project's first construction year Y
    multiplies its NPV by 1.04^−(Y − 2026) (the Vejle Fjord crossing starts in 2031: 1.04^−5)."""
    flat = yaml.safe_load((Path(__file__).parents[3] / "src/trekant/infrastructure/data/params/fm2023.yaml").read_text(encoding="utf-8"))
    flat["name"], flat["discount_rates"] = "flat4", [{"from_year": 1, "rate": 0.04}]
    params_path = tmp_path / "flat4.yaml"
    params_path.write_text(yaml.safe_dump(flat, allow_unicode=True), encoding="utf-8")
    profile = {"name": "npv", "criteria": {"npv_dkk": {"weight": 1.0}}, "stability": {"draws": 0}}
    profile_path = tmp_path / "npv.yaml"
    profile_path.write_text(yaml.safe_dump(profile), encoding="utf-8")
    common = _rank("--profile", str(profile_path), "--params", str(params_path), "--base-year", "2026")
    own = _rank("--profile", str(profile_path), "--params", str(params_path), "--own-base-years")
    assert set(common["base_years"].values()) == {2026} and common["base_year"] == 2026
    assert own["base_year"] is None and own["base_years"]["vejle-fjord-rail-crossing"] == 2031
    npv = {d: {r["key"]: r["values"]["npv_dkk"] for r in data["ranking"]} for d, data in (("common", common), ("own", own))}
    assert npv["common"]["vejle-fjord-rail-crossing"] == pytest.approx(npv["own"]["vejle-fjord-rail-crossing"] * 1.04 ** -5)
    default = _rank()
    assert default["base_year"] == 2026 and default["price_year"] == 2022


def test_custom_weights_replace_the_profiles(store_env):
    """--weight bc_ratio=0.5 on the default profile (0.30, 0.10, 0.25, 0.20, 0.15): weights renormalise
    over 0.30 + 0.5 + 0.25 + 0.20 + 0.15 = 1.4."""
    data = _rank("--weight", "bc_ratio=0.5")
    weights = {c["name"]: c["weight"] for c in data["criteria"]}
    assert weights["bc_ratio"] == pytest.approx(0.5 / 1.4) and weights["cohesion"] == pytest.approx(0.15 / 1.4)
    result = runner.invoke(app, ["infra", "rank", "--weight", "beauty=1"])
    assert result.exit_code == 1 and "beauty" in result.stderr
