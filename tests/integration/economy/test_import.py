"""`trekant economy import` on a real store (both backends): all or nothing, demo replaced, claims checked."""

import pytest
from sqlalchemy import func, select

from trekant.store.schema.core import indicator_value
from trekant.store.store import Store


def _count(settings, key: str | None = None) -> int:
    store = Store.from_settings(settings)
    try:
        with store.connect() as conn:
            query = select(func.count()).select_from(indicator_value)
            if key:
                query = query.where(indicator_value.c.indicator_key == key)
            return conn.execute(query).scalar_one()
    finally:
        store.dispose()


def test_good_csv_is_imported_and_usable(store_env, tmp_path, run_json):
    path = tmp_path / "jobs.csv"
    path.write_text("\ufeffOMRÅDE;TID;INDHOLD\nVejle;2019;1000\nVejle;2020;1100,5\nKolding;2019;..\n"
                    "Kolding;2020;800\nRegion Syddanmark;2020;5\n", encoding="utf-8")
    summary = run_json("economy", "import", str(path), "--indicator", "jobs", "--unit", "jobs")
    assert summary["values"] == 4 and summary["indicator"] == "jobs" and summary["licence"].startswith("unknown")
    assert len(summary["warnings"]) == 1 and "Region Syddanmark" in summary["warnings"][0]
    growth = run_json("economy", "growth", "-i", "jobs", "--area", "Vejle", "--among", "Vejle,Kolding")
    assert growth["growth"]["change"] == pytest.approx(100.5)  # 1100.5 − 1000
    assert growth["growth"]["start_period"] == "2019"


def test_a_bad_row_writes_nothing(store_env, tmp_path, run):
    before = _count(store_env)
    path = tmp_path / "bad.csv"
    path.write_text("OMRÅDE;TID;INDHOLD\nVejle;2019;1000\nAtlantis;2019;5\nKolding;2019K9;1\n", encoding="utf-8")
    result = run("economy", "import", str(path), "--indicator", "jobs")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "row 3" in lines[0] and "Atlantis" in lines[0] and "row 4" in lines[1]
    assert _count(store_env) == before


def test_real_industry_data_replaces_the_demo(store_env, tmp_path, run_json):
    assert _count(store_env, "employment_by_industry") > 0
    path = tmp_path / "ras.csv"
    rows = ["KOMK;BRANCHE07;TID;INDHOLD"]
    for area in ("Vejle", "Kolding"):
        for code, name in (("1", "Agriculture, forestry and fishing"), ("2", "Manufacturing, mining and quarrying, "
                                                                           "and utility services")):
            rows += [f"{area};{code} {name};2022;{100 if code == '1' else 300}",
                     f"{area};{code} {name};2023;{110 if code == '1' else 330}"]
    rows.append("Vejle;TOT Industry total;2023;440")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary = run_json("economy", "import", str(path), "-i", "employment_by_industry")
    assert summary["replaced_demo"] is True and summary["values"] == 9
    assert _count(store_env, "employment_by_industry") == 9
    lq = run_json("economy", "lq", "--area", "Vejle", "--reference", "Kolding", "--period", "2023")
    assert lq["demo"] is False
    assert [r["lq"] for r in lq["industries"]] == pytest.approx([1.0, 1.0])  # same structure
    growth = run_json("economy", "growth", "-i", "employment_by_industry", "--breakdown", "industry=2",
                      "--area", "Vejle", "--among", "Vejle,Kolding")
    assert (growth["growth"]["start_value"], growth["growth"]["end_value"]) == (300, 330)
    assert growth["growth"]["change_pct"] == pytest.approx(10) and growth["breakdown"] == "industry=2"


# A constructed real-GDP-per-capita series for the five metropolitan areas, stored under the
# group keys (a ratio: never summed). Windows by hand:
#   2008→2013: T 0 %, H +10 % → H leads
#   2008→2018: T +12.8 %, H +11 % → T leads by 1.8 pp
#   2013→2018: T +12.8 %, A +3.846 % (104 → 108) best of the rest → T leads by 8.954 pp
GDP = {"trekantomraadet": (100, 100, 112.8), "hovedstaden": (100, 110, 111), "aarhus": (100, 104, 108),
       "odense": (100, 101, 102), "aalborg": (100, 103, 104)}


def test_published_gdp_claim_is_checked_once_the_series_is_there(store_env, tmp_path, run_json):
    path = tmp_path / "gdp.csv"
    lines = ["area;TID;INDHOLD"] + [f"{group};{year};{str(value).replace('.', ',')}"
                                    for group, values in GDP.items() for year, value in zip((2008, 2013, 2018), values)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_json("economy", "import", str(path), "-i", "real_gdp_per_capita", "--not-additive", "--unit", "DKK 2010 prices")
    report = run_json("economy", "claim", "-i", "real_gdp_per_capita")
    assert report["windows_scanned"] == 3
    windows = {(w["start_period"], w["end_period"]): w for w in report["first"]}
    assert set(windows) == {("2008", "2018"), ("2013", "2018")}
    assert windows[("2008", "2018")]["margin_pp"] == pytest.approx(1.8)
    assert windows[("2008", "2018")]["runner_up"] == "hovedstaden"
    assert windows[("2013", "2018")]["margin_pp"] == pytest.approx(12.8 - 400 / 104, abs=1e-5)
    assert windows[("2013", "2018")]["runner_up"] == "aarhus"
    published = {c["key"]: c for c in report["published_claims"]}
    check = published["gdp_per_capita_2008_2018"]["series_check"]
    assert published["gdp_per_capita_2008_2018"]["checkable"] is True
    # computed 100 → 112.8 = +12.8 %, the published 12.8: difference 0; rank 1 of 5 (H +11 %)
    assert check["computed_growth_pct"] == pytest.approx(12.8) and check["difference_pp"] == pytest.approx(0.0, abs=1e-9)
    assert check["rank"] == 1 and check["rank_as_claimed"] is True and check["value_matches"] is True
    # 2011–2021 is outside the imported periods: not checked, and said so
    assert published["gdp_per_capita_2011_2021"]["checkable"] is False
    assert "2011" in published["gdp_per_capita_2011_2021"]["verdict"]
    # The headline: the share of windows led (2 of 3) and the pre-declared windows, the last 10 years
    # being 2008→2018 (rank 1, +12.80 % against Hovedstaden's +11.00 %, margin +1.8 pp)
    statement = report["statement"]
    assert "2 af 3" in statement and "2008–2018" in statement and "+12,80 %" in statement and "+11,00 %" in statement
    ten = next(h for h in report["headline_windows"] if h["label"] == "last_10y")
    assert (ten["start_period"], ten["end_period"], ten["rank"]) == ("2008", "2018", 1)
    assert ten["margin_pp"] == pytest.approx(1.8)
    five = next(h for h in report["headline_windows"] if h["label"] == "last_5y")
    assert (five["start_period"], five["rank"]) == ("2013", 1) and five["margin_pp"] == pytest.approx(12.8 - 400 / 104, abs=1e-5)
