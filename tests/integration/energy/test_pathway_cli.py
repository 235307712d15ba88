"""`trekant energy pathway` on both backends, checked against the stored targets and measures."""

import json

import pytest
from typer.testing import CliRunner

from trekant.cli.main import app

runner = CliRunner()


def run_json(*args):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_vejle_pathway_follows_the_climate_act(store_env):
    result = run_json("energy", "pathway", "-m", "0630")
    assert result["demo"] is True
    # targets_demo.csv: Vejle's 1990 base 1,372,000 t (DEMO); Climate Act: 2030 = 30 % of 1990 = 411,600 t, 2050 = 0.
    assert {t["base_co2e_t"] for t in result["targets"]} == {1_372_000}
    by_year = {r["year"]: r for r in result["years"]}
    assert by_year[2030]["target_co2e_t"] == pytest.approx(411_600, abs=1)
    assert by_year[2050]["target_co2e_t"] == pytest.approx(0, abs=1)
    for row in result["years"]:
        assert row["gap_co2e_t"] == pytest.approx(row["projected_co2e_t"] - row["target_co2e_t"], abs=0.2)
    costs = [m["cost_dkk_per_t"] for m in result["mac_curve"]]
    assert costs == sorted(costs) and len(costs) == 8
    account = run_json("energy", "accounts", "-m", "0630", "--year", str(result["latest_account_year"]))
    assert by_year[result["latest_account_year"]]["projected_co2e_t"] == pytest.approx(account["total_co2e_t"], abs=0.2)


def test_region_pathway_sums_municipal_targets(store_env):
    region = run_json("energy", "pathway")
    base_sum = sum({t["municipality_code"]: t["base_co2e_t"] for t in region["targets"]}.values())
    first = region["years"][0]
    assert {r["year"]: r for r in region["years"]}[2030]["target_co2e_t"] == pytest.approx(0.3 * base_sum, abs=5)
    assert first["actual_co2e_t"] == pytest.approx(first["projected_co2e_t"], abs=0.5)
    assert len(region["mac_curve"]) == 7 * 8


def test_measures_import_changes_the_curve(store_env, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("municipality,key,name,sector,reduction_co2e_t_per_year,start_year,ramp_years,cost_dkk_per_year\n"
                    "0630,ferry,Electric ferry,transport,1000,2026,1,-500000\n", encoding="utf-8")
    assert run_json("energy", "measures", "import", str(path))["rows"] == 1
    curve = run_json("energy", "pathway", "-m", "0630")["mac_curve"]
    assert curve[0]["key"] == "ferry" and curve[0]["cost_dkk_per_t"] == -500


def test_pathway_shows_the_law_and_the_political_targets_apart(store_env):
    """Vejle's demo base 1990 is 1,372,000 t. Law: 2030 −70 %, 2050 −100 %. Political (data/targets_political.csv):
    2035 −82 % → 246,960 t; 2045 −100 % → 0; 2050 −110 % → −137,200 t (net-negative)."""
    result = run_json("energy", "pathway", "-m", "0630")
    sets = {s["key"]: s for s in result["target_sets"]}
    assert set(sets) == {"law", "political"} and sets["political"]["applies"] is True
    assert {t["year"]: t["reduction_pct"] for t in sets["political"]["targets"]} == {2025: 50, 2035: 82, 2045: 100, 2050: 110}
    assert all(t["source"] and "not yet law" in t["status"] or t["year"] == 2025 for t in sets["political"]["targets"])
    by_year = {r["year"]: r for r in result["years"]}
    assert by_year[2035]["political_target_co2e_t"] == pytest.approx(1_372_000 * 0.18, abs=1)
    assert by_year[2045]["political_target_co2e_t"] == pytest.approx(0, abs=1)
    assert by_year[2050]["political_target_co2e_t"] == pytest.approx(-137_200, abs=1)
    assert by_year[2050]["target_co2e_t"] == pytest.approx(0, abs=1)   # the law: neutrality
    for row in result["years"]:
        assert row["political_gap_co2e_t"] == pytest.approx(row["projected_co2e_t"] - row["political_target_co2e_t"], abs=0.2)
