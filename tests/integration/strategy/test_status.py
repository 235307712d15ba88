"""`trekant strategy status` on a real store (both backends)."""

import csv
import json

import pytest
from sqlalchemy import delete
from typer.testing import CliRunner

from trekant.cli.main import app
from trekant.region.definition import data_root
from trekant.strategy import goals as goal_file
from trekant.store.schema.core import indicator, indicator_value
from trekant.store.schema.economy import economy_indicator_rule
from trekant.store.store import Store

runner = CliRunner()
POPULATION_GOALS = """
goals:
  - key: attractiveness
    name_da: Attraktivitet
    name_en: Attractiveness
    kpis:
      - key: population
        name_da: Folketal
        name_en: Population
        source: economy.population
        direction: increase
        baseline_period: 2022M01
        target: {value: 450000, year: 2030, basis: test}
"""
REGION = {"Billund", "Fredericia", "Haderslev", "Kolding", "Middelfart", "Vejen", "Vejle"}


def _status(*args) -> dict:
    result = runner.invoke(app, ["strategy", "status", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _folk1am(month: str) -> int:
    """The seven municipalities' population on the 1st of a month, read straight from the shipped file."""
    path = data_root() / "common" / "dst" / "folk1am_population_monthly_2021_2026.csv"
    with path.open(encoding="utf-8-sig") as handle:
        return sum(int(r["INDHOLD"]) for r in csv.DictReader(handle, delimiter=";")
                   if r["OMRÅDE"] in REGION and r["TID"] == month and r["KØN"] == "Total" and r["ALDER"] == "Age, total")


def test_every_kpi_has_a_status_and_missing_sources_say_so(store_env):
    report = _status()
    assert len(report["kpis"]) == sum(len(g.kpis) for g in goal_file.load())
    for row in report["kpis"]:
        assert row["status"] in {"on_track", "at_risk", "off_track", "no_data"}
        if row["source_key"] not in report["sources_installed"]:
            assert row["status"] == "no_data" and row["status_text"] == "ingen data: kilden er ikke installeret"
    assert {"economy.population", "economy.fulltime_employees"} <= set(report["sources_installed"])


def test_population_kpi_is_the_region_sum_with_a_hand_checked_path(store_env, tmp_path):
    baseline, latest = _folk1am("2022M01"), _folk1am("2026M02")
    goals = tmp_path / "goals.yaml"
    goals.write_text(POPULATION_GOALS, encoding="utf-8")
    [row] = _status("--goals", str(goals))["kpis"]
    assert row["latest"] == {"value": latest, "period": "2026M02", "unit": "persons"}
    assert row["baseline_value"] == baseline
    required = (450_000 - baseline) / 8  # 2022.0 → 2030.0
    assert row["required_per_year"] == pytest.approx(required, abs=1e-5)
    elapsed = 4 + 1 / 12  # 2022M01 → 2026M02
    assert row["expected_now"] == pytest.approx(baseline + required * elapsed, abs=1e-5)
    progress = (latest - baseline) / (required * elapsed)
    assert row["progress_ratio"] == pytest.approx(progress, abs=1e-5)
    expected = "on_track" if progress >= 1 else "at_risk" if progress >= 0.5 else "off_track"
    assert row["status"] == expected and row["demo"] is False
    assert "FOLK1AM" in row["source"]


def test_demo_kpi_is_flagged(store_env):
    report = _status()
    share = next(r for r in report["kpis"] if r["source_key"] == "economy.strength_employment_share_pct")
    assert share["demo"] is True and report["demo"] is True
    table = runner.invoke(app, ["strategy", "status"])
    assert table.exit_code == 0 and "DEMO" in table.stdout


def test_source_without_data_is_no_data_not_a_crash(store_env, monkeypatch):
    store = Store.from_settings(store_env)
    with store.begin() as conn:
        conn.execute(delete(indicator_value).where(indicator_value.c.indicator_key == "employment_by_industry"))
        conn.execute(delete(economy_indicator_rule).where(economy_indicator_rule.c.indicator_key == "employment_by_industry"))
        conn.execute(delete(indicator).where(indicator.c.key == "employment_by_industry"))
    store.dispose()
    monkeypatch.setenv("TREKANT_LANGUAGE", "en")
    share = next(r for r in _status()["kpis"] if r["source_key"] == "economy.strength_employment_share_pct")
    assert share["status"] == "no_data" and "employment_by_industry" in share["status_text"]
    missing = [r for r in _status()["kpis"] if r["source_key"] not in _status()["sources_installed"]]
    assert all(r["status_text"] == "no data: source not installed" for r in missing)


def test_goals_and_sources_commands(store_env):
    goals = json.loads(runner.invoke(app, ["strategy", "goals", "--json"]).stdout)
    assert [g["key"] for g in goals] == ["growth", "business", "labour_education", "attractiveness", "joint_plan",
                                         "green_transition", "infrastructure", "partnerships"]
    sources = json.loads(runner.invoke(app, ["strategy", "sources", "--json"]).stdout)
    assert "economy.population" in {s["key"] for s in sources}


def test_bad_goals_file_fails_cleanly(store_env, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("goals: [", encoding="utf-8")
    result = runner.invoke(app, ["strategy", "status", "--goals", str(path)])
    assert result.exit_code == 1 and "not valid YAML" in result.stderr


@pytest.mark.parametrize("language", ["da", "en"])
def test_status_table_numbers_speak_the_language(store_env, tmp_path, monkeypatch, language):
    goals = tmp_path / "goals.yaml"
    goals.write_text(POPULATION_GOALS, encoding="utf-8")
    latest = _folk1am("2026M02")
    english = f"{latest:,}"  # e.g. 372,345: thousands grouped with ','
    shown = {"da": (english.replace(",", "."), "450.000 (2030)"), "en": (english, "450,000 (2030)")}[language]
    monkeypatch.setenv("TREKANT_LANGUAGE", language)
    result = runner.invoke(app, ["strategy", "status", "--goals", str(goals)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert f"{shown[0]} (2026M02)" in result.stdout and shown[1] in result.stdout
