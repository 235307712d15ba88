"""Economy analyses on a real store (both backends): figures from the shipped data files."""

import csv

import pytest

from trekant.region.definition import data_root

# FOLK1A, 1 January (Q1), total population, as in population_2008_2020_q1_by_sex_status.csv
# (also /work/shared/data/dst/), rows "Total,Total,<municipality>,<quarter>":
POPULATION_2008Q1 = {"Billund": 26181, "Fredericia": 49463, "Haderslev": 56414, "Kolding": 87781,
                     "Middelfart": 37274, "Vejen": 42447, "Vejle": 104933}
POPULATION_2020Q1 = {"Billund": 26608, "Fredericia": 51377, "Haderslev": 55670, "Kolding": 93175,
                     "Middelfart": 38853, "Vejen": 42742, "Vejle": 115748}


def _file_total(quarter: str) -> int:
    """The seven municipalities' total read straight from the shipped CSV (not through trekant)."""
    path = data_root() / "common" / "dst" / "population_2008_2020_q1_by_sex_status.csv"
    with path.open(encoding="utf-8") as handle:
        return sum(int(r["population"]) for r in csv.DictReader(handle)
                   if r["marital_status"] == "Total" and r["sex"] == "Total" and r["quarter"] == quarter
                   and r["municipality"] in POPULATION_2008Q1)


def test_region_population_growth_is_the_sum_of_its_municipalities(store_env, run_json):
    report = run_json("economy", "growth", "--indicator", "population", "--from", "2008Q1", "--to", "2020Q1")
    start, end = sum(POPULATION_2008Q1.values()), sum(POPULATION_2020Q1.values())
    assert (start, end) == (404_493, 424_173) == (_file_total("2008Q1"), _file_total("2020Q1"))
    growth = report["growth"]
    assert report["area"] == "trekantomraadet" and report["among"] == "metro5"
    assert growth["start_value"] == start and growth["end_value"] == end
    assert growth["change"] == 19_680
    assert growth["change_pct"] == pytest.approx(100 * (end / start - 1), abs=1e-5)  # 4.8654 %
    assert growth["cagr_pct"] == pytest.approx(100 * ((end / start) ** (1 / 12) - 1), abs=1e-5)
    assert report["index"]["2008Q1"] == 100 and report["index"]["2020Q1"] == pytest.approx(100 * end / start)
    assert report["demo"] is False and "2008Q1–2020Q1" in report["statement"]
    assert len(report["ranking"]) == 5


def test_index_to_another_base_period(store_env, run_json):
    report = run_json("economy", "growth", "-i", "population", "--from", "2008Q1", "--to", "2020Q1", "--base", "2010Q1")
    base = _file_total("2010Q1")
    assert report["index_base"] == "2010Q1" and report["index"]["2010Q1"] == 100
    assert report["index"]["2020Q1"] == pytest.approx(100 * sum(POPULATION_2020Q1.values()) / base)


def test_municipality_is_ranked_among_all_municipalities(store_env, run_json):
    report = run_json("economy", "growth", "-i", "population", "--area", "Vejle", "--from", "2008Q1", "--to", "2020Q1")
    assert report["area"] == "0630" and report["among"] == "municipalities"
    assert len(report["ranking"]) == 98  # Christiansø (0411) is no municipality: not ranked
    assert report["growth"]["change"] == 115_748 - 104_933
    better = [r for r in report["ranking"] if r["change_pct"] > report["growth"]["change_pct"]]
    assert report["rank"] == len(better) + 1


def test_user_group_is_summed_from_members_and_removable(store_env, run, run_json):
    added = run_json("economy", "group", "add", "kolding_vejle", "--members", "Kolding,0630", "--name", "K+V")
    assert added["members"] == ["0621", "0630"]
    report = run_json("economy", "growth", "-i", "population", "--area", "kolding_vejle",
                      "--among", "kolding_vejle,trekantomraadet", "--from", "2008Q1", "--to", "2020Q1")
    assert report["growth"]["start_value"] == 87_781 + 104_933
    assert report["growth"]["end_value"] == 93_175 + 115_748
    assert run("economy", "group", "remove", "trekantomraadet").exit_code == 1
    assert run_json("economy", "group", "remove", "kolding_vejle")["removed"] is True
    assert "kolding_vejle" not in {g["key"] for g in run_json("economy", "group", "list")}


def test_group_of_unknown_municipalities_is_refused(store_env, run):
    result = run("economy", "group", "add", "bad", "--members", "Kolding,Atlantis")
    assert result.exit_code == 1 and "Atlantis" in result.stderr


def test_published_gdp_claims_are_the_regions_own_words_checked_on_value_and_rank(store_env, run_json):
    """Trekantområdet Danmark, "Trekantområdet har Danmarks højeste vækstrate – og næsthøjeste BNP"
    (https://trekantomraadet.com/udvikling-i-bnp-pr-indbygger): "Med en vækstrate på 12,8 % over de seneste
    10 år (2008-2018) er Trekantområdet dét område, der … har oplevet den største vækst i Danmark". The same
    page's table of real GDP per capita growth 2009–2019: Hovedstaden 20.1 %, Trekantområdet 16.4 %, Aarhus
    12.7 %, Aalborg 10.5 %, Odense 8.8 % – so by the page's own figures the region ranks 2 of 5 one year on.
    Its 2021 page (2011–2021): Hovedstaden 18.2, Aarhus 15.2, Trekantområdet 14.8 → rank 3."""
    report = run_json("economy", "claim", "--indicator", "population")
    published = {c["key"]: c for c in report["published_claims"]}
    first = published["gdp_per_capita_2008_2018"]
    assert first["published_growth_pct"] == 12.8 and first["claimed_rank"] == 1
    assert first["about_this_series"] is False  # the claim is about GDP per capita, the series is population
    assert "12,8 %" in first["text"] and first["source"]["url"] == "https://trekantomraadet.com/udvikling-i-bnp-pr-indbygger"
    own = first["publication_check"]
    assert (own["start_period"], own["end_period"], own["rank"], own["compared"], own["leader"]) == ("2009", "2019", 2, 5, "hovedstaden")
    assert first["checkable"] is False and "NRHP" in first["verdict"] and "nr. 2 af 5" in first["verdict"]
    later = published["gdp_per_capita_2011_2021"]["publication_check"]
    assert (later["rank"], later["value_matches"], later["rank_as_claimed"]) == (3, True, None)
    vague = published["gdp_2008_2018_any_region"]
    assert vague["checkable"] is False and "hvilke" in vague["geography"]
    assert all("issue" not in c["source_text"] and c["source"]["url"].startswith("https://") for c in published.values())
    assert report["windows_scanned"] == 14 * 13 // 2  # 2008Q1 … 2020Q1 yearly and 2022Q1: 14 periods, all Q1


def test_location_quotients_of_demo_data_are_labelled_and_consistent(store_env, run, run_json):
    report = run_json("economy", "lq")
    assert report["demo"] is True and report["indicator"]["demo"] is True
    rows = report["industries"]
    assert len(rows) == 11 and sum(r["share"] for r in rows) == pytest.approx(1)
    # Σ_i s_iN · LQ_i = Σ_i s_ir = 1 for any area
    assert sum(r["reference_share"] * r["lq"] for r in rows) == pytest.approx(1)
    for r in rows:
        assert r["lq"] == pytest.approx(r["share"] / r["reference_share"])
    table = run("economy", "lq")
    assert table.exit_code == 0 and "DEMO" in table.stdout


def test_shift_share_components_add_up(store_env, run_json):
    report = run_json("economy", "shift-share", "--from", "2010", "--to", "2020")
    totals = report["totals"]
    assert totals["national_share"] + totals["industry_mix"] + totals["regional_shift"] == pytest.approx(totals["change"], abs=0.01)
    assert totals["competitive"] + totals["allocation"] == pytest.approx(totals["regional_shift"], abs=0.01)
    assert totals["national_share"] == pytest.approx(totals["start"] * report["national_growth"], abs=0.01)
    assert totals["homothetic"] == pytest.approx(totals["start"], abs=0.01)  # Σ Ê_ir = E_r0
    assert report["demo"] is True


def test_specialisation_of_the_metro_areas(store_env, run_json):
    report = run_json("economy", "specialisation", "--among", "metro5", "--period", "2020")
    assert [a["area"] for a in report["areas"]][0] == "trekantomraadet" and len(report["areas"]) == 5
    for a in report["areas"]:
        assert a["hoover"] == pytest.approx(a["krugman"] / 2, abs=1e-6) and 0 <= a["krugman"] <= 2


def test_strengths_use_the_ten_group_proxy_and_say_so(store_env, run_json):
    """In the DB07 10-grouping energy supply (section D) sits in group 2 with manufacturing (C), so the
    energy/PtX strength and the industry strength are the same figure: one row that says so."""
    report = run_json("economy", "strengths")
    by_key = {s["key"]: s for s in report["strengths"]}
    assert set(by_key) == {"industry", "transport_logistics"}
    assert by_key["industry"]["keys"] == ["industry", "energy_ptx"] and by_key["industry"]["separable"] is False
    assert "kan ikke adskilles" in by_key["industry"]["inseparable_note"] and by_key["industry"]["codes"] == ["2"]
    assert by_key["transport_logistics"]["codes"] == ["4"] and by_key["transport_logistics"]["approximate"] is True
    assert by_key["transport_logistics"]["separable"] is True
    assert report["demo"] is True


@pytest.mark.parametrize("args, needle", [
    (("economy", "growth", "-i", "no_such_indicator"), "no_such_indicator"),
    (("economy", "growth", "-i", "population", "--area", "Atlantis"), "Atlantis"),
    (("economy", "growth", "-i", "population", "--from", "1990Q1", "--to", "2020Q1"), "1990Q1"),
    (("economy", "growth", "-i", "population", "--from", "2020Q1", "--to", "2008Q1"), "after"),
])
def test_bad_requests_fail_with_one_clear_line(store_env, run, args, needle):
    result = run(*args)
    assert result.exit_code == 1
    assert needle in result.stderr and "Traceback" not in result.output
