"""Ranking over the stored portfolio and the strategy KPI, on both backends."""

import json

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
