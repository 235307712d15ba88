"""`trekant energy model …` and `sweep`: JSON shape, export, and bad input as one clear line per problem."""

import json

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.energy.io.scenario import SCENARIO_DIR

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, list(args))


def test_model_run_json_and_csv_export(tmp_path):
    out = tmp_path / "hourly.csv"
    result = invoke("energy", "model", "run", "today", "--hours", "24", "--export", str(out), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["demo"] is True and data["hours"] == 24 and data["method"] == "optimisation"
    for key in ("import_mwh", "export_mwh", "critical_excess_mwh", "self_sufficiency_share", "import_dependence_hours",
                "peak_import_mw", "co2_t", "total_cost_dkk", "hydrogen_produced_t", "electrolyser_full_load_hours",
                "capacities", "balances_mwh"):
        assert key in data
    hourly = pd.read_csv(out)
    assert len(hourly) == 24 and {"grid_import", "electrolyser_h2", "tvis:boiler"} <= set(hourly.columns)
    # Import in the summary is the sum of the exported hourly column.
    assert data["import_mwh"] == pytest.approx(hourly["grid_import"].sum(), abs=0.1)


def test_simulate_parquet_export(tmp_path):
    out = tmp_path / "sim.parquet"
    result = invoke("energy", "model", "simulate", "hysynergy_300mw", "--hours", "48", "--export", str(out), "--json")
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(out)) == 48


def test_optimised_capacities_are_reported():
    result = invoke("energy", "model", "run", "ptx_1gw_2030", "--hours", "24", "--json")
    assert result.exit_code == 0, result.output
    caps = json.loads(result.stdout)["capacities"]
    assert caps["solar"]["optimised"] is True and 250 <= caps["solar"]["size"] <= 1500
    assert caps["electrolyser"] == dict(size=1000.0, unit="MW", optimised=False)


def test_sweep_varies_the_electrolyser():
    result = invoke("energy", "sweep", "today", "--vary", "electrolyser_mw=20,300,1000", "--hours", "168", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["vary"]["electrolyser"] for r in data["results"]] == [20, 300, 1000]
    produced = [r["hydrogen_produced_t"] for r in data["results"]]
    assert produced == sorted(produced)  # more electrolyser never makes less hydrogen under the same rules


def write_scenario(tmp_path, change) -> str:
    data = yaml.safe_load((SCENARIO_DIR / "today.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["capacities"].update(fusion={"mw": 5}), "unknown technology fusion"),
    (lambda d: d["capacities"]["solar"].update(mw=-5), "capacities.solar.mw"),
    (lambda d: d["grid"].update(import_mw="lots"), "grid.import_mw"),
    (lambda d: d["demand"].update(coal_mwh_per_year=5), "demand.coal_mwh_per_year"),
    (lambda d: d["capacities"].update(battery={"mw": 10}), "battery needs hours"),
    (lambda d: d["capacities"].update(solar={"extendable": True, "min_mw": 10, "max_mw": 5}), "below min_mw"),
    (lambda d: d.pop("grid"), "grid"),
])
def test_bad_scenarios_name_the_field(tmp_path, change, expected):
    result = invoke("energy", "model", "run", write_scenario(tmp_path, change), "--hours", "24")
    assert result.exit_code == 1
    assert expected in result.stderr and "Traceback" not in result.output


def test_profile_of_wrong_length(tmp_path):
    (tmp_path / "heat.csv").write_text("mw\n" + "1\n" * 100, encoding="utf-8")
    path = write_scenario(tmp_path, lambda d: d["heat_areas"][1].update(profile="heat.csv:mw"))
    result = invoke("energy", "model", "simulate", path, "--hours", "24")
    assert result.exit_code == 1
    assert "heat_areas.1.profile" in result.stderr and "100 hours" in result.stderr


def test_infeasible_scenario_says_which_balance(tmp_path):
    path = write_scenario(tmp_path, lambda d: d["capacities"].update(h2_backup={"mw": 5}, electrolyser={"mw": 0}))
    result = invoke("energy", "model", "run", path, "--hours", "24")
    assert result.exit_code == 1
    assert "error [infeasible]" in result.stderr and "hydrogen balance could not be met in 24 of 24 hours" in result.stderr


def test_bad_yaml_unknown_name_and_window(tmp_path):
    broken = tmp_path / "b.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    assert "not valid YAML" in invoke("energy", "model", "run", str(broken)).stderr
    assert "no such scenario" in invoke("energy", "model", "run", "atlantis").stderr
    result = invoke("energy", "model", "simulate", "today", "--start", "8750", "--hours", "24")
    assert result.exit_code == 1 and "do not fit" in result.stderr and "at most 9" in result.stderr


def test_sweep_bad_vary_and_extendable():
    result = invoke("energy", "sweep", "today", "--vary", "warp_mw=1", "--vary", "solar_mw=-3")
    assert result.exit_code == 1 and "warp_mw" in result.stderr and "solar_mw" in result.stderr
    result = invoke("energy", "sweep", "ptx_1gw_2030", "--vary", "electrolyser_mw=20")
    assert result.exit_code == 1 and "fixed capacities" in result.stderr


def test_export_to_unknown_format(tmp_path):
    result = invoke("energy", "model", "simulate", "today", "--hours", "24", "--export", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 1 and ".csv or .parquet" in result.stderr


@pytest.mark.parametrize("command", [("model", "run", "today"), ("model", "simulate", "today"),
                                     ("sweep", "today", "--vary", "electrolyser_mw=20,300")])
def test_model_tables_are_danish_by_default_english_on_request_and_always_marked_demo(monkeypatch, command):
    da = invoke("energy", *command, "--hours", "24")
    assert da.exit_code == 0, da.output
    monkeypatch.setenv("TREKANT_LANGUAGE", "en")
    en = invoke("energy", *command, "--hours", "24")
    assert en.exit_code == 0, en.output
    assert "Scenarie today" in da.stdout and "Scenario today" in en.stdout
    assert "Import" in da.stdout and "Eksport" in da.stdout and "Export" in en.stdout
    for word in ("Flow", "Capacities", "Hours of", "Self-sufficiency", "Variant ", " / "):  # no English, no "da / en" pairs
        assert word not in da.stdout, word
    assert "Selvforsyning" not in en.stdout and "Brint" not in en.stdout
    # Every table of the demo scenario is labelled: one mark per table title.
    tables = 2 if command[0] == "sweep" else 4  # sweep: results and infrastructure; run: results, balances, capacities, system
    assert da.stdout.count("[DEMO-data]") == tables and en.stdout.count("[DEMO data]") == tables


def test_week_series_and_duration_curves_for_charts():
    result = invoke("energy", "model", "run", "today", "--hours", "336", "--week", "1", "--json")
    assert result.exit_code == 0, result.output
    charts = json.loads(result.stdout)["charts"]
    assert charts["week"] == 1 and len(charts["hours"]) == 168 and charts["hours"][0].startswith("2017-01-08 00:00")
    assert all(len(values) == 168 for values in charts["series_mw"].values())
    curve = charts["duration_curves"]["mw"]["grid_import"]
    assert len(curve) == 101 and curve == sorted(curve, reverse=True)
    assert charts["duration_curves"]["share_of_hours_pct"][-1] == 100


@pytest.mark.slow  # two optimisations of the PtX scenario (48 h each)
def test_compliance_cost_is_the_difference_of_two_optimisations():
    result = invoke("energy", "model", "run", "ptx_1gw_2030", "--hours", "48", "--compliance-cost", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    compliance = data["rfnbo"]["compliance"]
    assert data["rfnbo"]["rule"] == "hourly" and data["rfnbo"]["binds"]
    assert compliance["compliance_cost_eur"] == pytest.approx(
        compliance["cost_with_rule_eur"] - compliance["cost_without_rule_eur"], abs=1)
    assert compliance["compliance_cost_eur"] >= -1  # a constraint never makes the optimum cheaper
    no_rule = invoke("energy", "model", "run", "today", "--hours", "24", "--compliance-cost")
    assert no_rule.exit_code == 1 and "give a rule" in no_rule.stderr


@pytest.mark.slow  # two optimisations, one per weather year
def test_weather_years_and_their_spread(tmp_path):
    """Two weather years: the shipped 2017 and the same hours with every day-ahead price doubled."""
    lines = (SCENARIO_DIR.parent / "dk1_hourly_2017.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    price = header.index("DK_1_price_day_ahead")
    doubled = [lines[0]]
    for row in lines[1:]:
        cells = row.split(",")
        cells[price] = str(2 * float(cells[price])) if cells[price] else ""
        doubled.append(",".join(cells))
    other = tmp_path / "dear.csv"
    other.write_text("\n".join(doubled) + "\n", encoding="utf-8")
    result = invoke("energy", "model", "years", "today", "--profiles", "builtin:dk1_hourly_2017.csv",
                    "--profiles", str(other), "--hours", "24", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    costs = [r["total_cost_eur"] for r in data["results"]]
    assert data["weather_years"] == 2 and costs[1] > costs[0]
    assert data["spread"]["total_cost_eur"]["min"] == min(costs) and data["spread"]["total_cost_eur"]["max"] == max(costs)
