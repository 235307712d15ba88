"""`trekant economy claim` on the shipped quarterly LBESK69 series, and what a series measures (issue 14).

Expected values are counted by hand here or computed straight from the shared reference file
(/work/shared/data, Statistics Denmark's LBESK69 extract), not through trekant's code.
"""

import csv
from math import comb
from pathlib import Path

import pytest

from trekant.economy import periods

LBESK69 = Path("/work/shared/data/dst/lbesk69_fulltime_employees_2008_2025.csv")
REGION = ("Billund", "Fredericia", "Haderslev", "Kolding", "Middelfart", "Vejen", "Vejle")


def _region_total(quarter: str) -> int:
    with LBESK69.open(encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f, delimiter=";") if r["TID"] == quarter and r["KØN"] == "Total"]
    return sum(int(r["INDHOLD"]) for r in rows if r["BOPKOM"] in REGION)


def test_the_default_is_the_same_season_answer(store_env, run_json):
    """2008Q1–2025Q3: Q1, Q2 and Q3 in 18 years each, Q4 in 17, so C(18,2)·3 + C(17,2) = 153·3 + 136 = 595
    same-season windows; the region leads in none of them (issue 14's own count)."""
    report = run_json("economy", "claim", "-i", "fulltime_employees")
    assert report["same_season"] is True
    assert report["windows_scanned"] == 3 * comb(18, 2) + comb(17, 2) == 595
    assert report["windows_first"] == 0
    assert "samme kvartal" in report["windows_kind"] and "intet af 595" in report["statement"]
    assert report["margin_distribution_pp"]["p100"] < 0  # behind the best other area in every window


def test_all_windows_only_on_request_and_labelled(store_env, run_json):
    """71 quarters: C(71,2) = 2,485 windows. Every window the region leads compares different quarters
    (a seasonal swing of a series that is not seasonally adjusted), and the report says so."""
    report = run_json("economy", "claim", "-i", "fulltime_employees", "--all-windows")
    assert report["same_season"] is False and report["windows_scanned"] == comb(71, 2)
    assert report["windows_first"] > 0
    assert all(periods.season(w["start_period"]) != periods.season(w["end_period"]) for w in report["first"])
    assert "sæsonudsving" in report["windows_kind"] and "sæsonudsving" in report["statement"]


def test_headline_windows_are_the_pre_declared_ones(store_env, run_json):
    """The last 1, 5 and 10 years to the newest quarter (2025Q3) and the strategy's window from its
    KPI baseline 2019Q4 to the newest Q4 (2024Q4). The region's growth over the last year is computed
    here from the reference file: Σ seven municipalities 2025Q3 ÷ Σ 2024Q3 − 1."""
    report = run_json("economy", "claim", "-i", "fulltime_employees")
    heads = {h["label"]: h for h in report["headline_windows"]}
    assert [(heads[k]["start_period"], heads[k]["end_period"]) for k in ("last_1y", "last_5y", "last_10y", "strategy")] == [
        ("2024Q3", "2025Q3"), ("2020Q3", "2025Q3"), ("2015Q3", "2025Q3"), ("2019Q4", "2024Q4")]
    expected = 100 * (_region_total("2025Q3") / _region_total("2024Q3") - 1)
    assert heads["last_1y"]["growth_pct"] == pytest.approx(expected, abs=1e-6)
    for h in heads.values():
        assert h["compared"] == 5 and 1 <= h["rank"] <= 5
        assert (h["rank"] == 1) == (h["margin_pp"] > 0)


def test_lbesk69_is_labelled_as_residence_based_full_time_employees(store_env, run_json):
    """Statistics Denmark's LBESK69 counts full-time employees by municipality of residence (BOPKOM)."""
    report = run_json("economy", "claim", "-i", "fulltime_employees")
    measure = report["indicator"]["measure"]
    assert measure["basis"] == "residence" and measure["table"] == "LBESK69"
    assert measure["seasonally_adjusted"] is False and "bopælskommune" in measure["measure"]
    listed = {i["key"]: i for i in run_json("economy", "indicators")}
    assert listed["fulltime_employees"]["measure"]["basis"] == "residence"


def test_a_workplace_series_is_recognised_and_can_be_declared(store_env, tmp_path, run_json):
    """A StatBank file whose area column is ARBKOM (arbejdsstedskommune) counts jobs where the work is."""
    path = tmp_path / "jobs.csv"
    path.write_text("ARBKOM;TID;INDHOLD\nVejle;2019Q1;1000\nVejle;2020Q1;1100\nKolding;2019Q1;900\n"
                    "Kolding;2020Q1;950\n", encoding="utf-8")
    summary = run_json("economy", "import", str(path), "-i", "jobs_workplace")
    assert summary["basis"] == "workplace"
    growth = run_json("economy", "growth", "-i", "jobs_workplace", "--area", "Vejle", "--among", "Vejle,Kolding")
    assert growth["indicator"]["measure"]["basis"] == "workplace"
    plain = tmp_path / "plain.csv"
    plain.write_text("OMRÅDE;TID;INDHOLD\nVejle;2019Q1;1\nVejle;2020Q1;2\n", encoding="utf-8")
    declared = run_json("economy", "import", str(plain), "-i", "declared", "--basis", "workplace", "--seasonally-adjusted")
    assert (declared["basis"], declared["seasonally_adjusted"]) == ("workplace", True)
