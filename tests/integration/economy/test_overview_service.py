"""Key figures against Denmark and indicators over time (the overview and growth pages use these)."""

import pytest

from trekant.economy import overview_service, service
from trekant.economy.overview_service import window_start

# Statistics Denmark FOLK1AM 2026M02 (CC BY 4.0) for the seven municipalities, summed by hand:
# 40,616 + 27,181 + 52,901 + 55,207 + 96,299 + 42,637 + 123,306 = 438,147.
REGION_POPULATION_2026M02 = 438_147


def test_window_start_takes_the_same_season_years_back():
    have = ["2019Q3", "2019Q4", "2020Q3", "2020Q4", "2024Q3", "2025Q2", "2025Q3"]
    assert window_start(have, "2025Q3", 5) == "2020Q3"
    assert window_start(have, "2025Q3", 1) == "2024Q3"
    # a shorter series: the earliest same-season period inside the window
    assert window_start(["2022M02", "2023M02", "2026M01", "2026M02"], "2026M02", 5) == "2022M02"
    assert window_start(["2026M01", "2026M02"], "2026M02", 5) is None


def test_key_figures_are_the_regions_latest_values_and_growth_against_denmark(store_env):
    figures = overview_service.key_figures(store_env)
    population = figures["population"]
    assert (population["period"], population["value"]) == ("2026M02", REGION_POPULATION_2026M02)
    jobs = figures["jobs"]
    assert (jobs["start_period"], jobs["period"]) == ("2020Q3", "2025Q3")
    for area, key in ((figures["region"], "region"), ("DK", "denmark")):
        same = service.growth_report(store_env, "fulltime_employees", area, start="2020Q3", end="2025Q3")
        assert jobs[key]["change_pct"] == pytest.approx(same["growth"]["change_pct"])
    assert jobs["difference_pp"] == pytest.approx(jobs["region"]["change_pct"] - jobs["denmark"]["change_pct"])


def test_series_lists_municipalities_region_peers_and_denmark_with_a_common_index(store_env):
    report = overview_service.series_report(store_env, "fulltime_employees")
    kinds = [a["kind"] for a in report["areas"]]
    assert kinds == ["municipality"] * 7 + ["region"] + ["peer"] * 4 + ["denmark"]
    base = report["periods"].index(report["index_base"])
    for area in report["areas"]:
        assert area["index"][base] == 100.0
        i = len(report["periods"]) - 1
        assert area["index"][i] == pytest.approx(area["values"][i] / area["values"][base] * 100)
    region = next(a for a in report["areas"] if a["kind"] == "region")
    municipalities = [a for a in report["areas"] if a["kind"] == "municipality"]
    assert region["values"][base] == pytest.approx(sum(m["values"][base] for m in municipalities))


def test_series_of_chosen_areas(store_env):
    report = overview_service.series_report(store_env, "population_monthly", "Vejle,DK")
    assert [a["area"] for a in report["areas"]] == ["0630", "DK"]
