"""Issue 14's claim check core on small tables worked out by hand: pre-declared windows, the margin
distribution, the same-season default, published claims on value and rank, series labels, provinces."""

import pandas as pd
import pytest

from trekant.economy import claim, provinces, published, series
from trekant.economy.industry_service import merge_inseparable

QUARTERS = ["2019Q4", "2020Q3", "2020Q4", "2021Q3"]


def quarterly() -> pd.DataFrame:
    """R (subject), P, Q by quarter.
        2019Q4 2020Q3 2020Q4 2021Q3
    R    100    130    100    110
    P    100    100    105    120
    Q    100    100    100    100
    Windows: the same-season ones are 2019Q4→2020Q4 (R 0 %, P +5 %) and 2020Q3→2021Q3 (R −15.38 %, P +20 %);
    R leads only across seasons (e.g. 2019Q4→2020Q3: +30 % vs 0 %)."""
    return pd.DataFrame({"R": [100, 130, 100, 110], "P": [100, 100, 105, 120], "Q": [100] * 4},
                        index=QUARTERS).T


def test_same_season_is_the_core_default():
    default = claim.check(quarterly(), "R")
    assert default.same_season is True and default.windows_scanned == 2 and default.first == ()
    everything = claim.check(quarterly(), "R", same_season=False)
    assert everything.windows_scanned == 6
    assert ("2019Q4", "2020Q3") in {(w.start_period, w.end_period) for w in everything.first}


def test_margin_distribution_over_the_windows_scanned():
    """Margins (R − best other): 2019Q4→2020Q4: 0 − 5 = −5; 2020Q3→2021Q3: 100·(110/130 − 1) − 20 = −35.3846."""
    result = claim.check(quarterly(), "R")
    assert sorted(result.margins) == pytest.approx([100 * (110 / 130 - 1) - 20, -5.0])
    dist = claim.margin_distribution(result.margins)
    assert dist["p0"] == pytest.approx(100 * (110 / 130 - 1) - 20) and dist["p100"] == pytest.approx(-5.0)
    assert dist["p50"] == pytest.approx((100 * (110 / 130 - 1) - 20 - 5) / 2)


def test_headline_windows_end_at_the_newest_period_and_keep_the_season():
    """Last year to 2021Q3 is 2020Q3→2021Q3: R −15.38 % (rank 3 of 3: P +20 %, Q 0 %), margin −35.38 pp.
    The strategy window from 2019Q4 runs to the newest Q4, 2020Q4: R 0 % rank 2 (P +5 %, Q 0 % tie)."""
    heads = {h.label: h for h in claim.headline_windows(quarterly(), "R", (1, 2), "2019Q4")}
    one = heads["last_1y"]
    assert (one.start_period, one.end_period, one.rank, one.leader) == ("2020Q3", "2021Q3", 3, "P")
    assert one.growth_pct == pytest.approx(100 * (110 / 130 - 1)) and one.margin_pp == pytest.approx(100 * (110 / 130 - 1) - 20)
    assert heads["last_2y"].rank is None  # 2019Q3 is not in the table
    strategy = heads["strategy"]
    assert (strategy.start_period, strategy.end_period, strategy.rank, strategy.best_other) == ("2019Q4", "2020Q4", 2, "P")
    assert claim.shifted("2025Q3", 5) == "2020Q3" and claim.shifted("2018", 10) == "2008" and claim.shifted("2021M10", 1) == "2020M10"


def test_a_published_claim_against_its_own_table_and_a_series():
    """The 2008–2018 claim's page: 2009–2019 growth Hovedstaden 20.1, Trekantområdet 16.4 → rank 2 of 5.
    Against a series: computed 12.3 % vs published 12.8 % → −0.5 pp; Aarhus 13.0 % leads → rank 2, not 1."""
    entry = next(c for c in published.claims_for("trekantomraadet") if c["key"] == "gdp_per_capita_2008_2018")
    own = published.check_publication_table(entry)
    assert (own["rank"], own["compared"], own["leader"], own["same_window_as_claim"]) == (2, 5, "hovedstaden", False)
    check = published.check_series(entry, {"trekantomraadet": 12.3, "aarhus": 13.0, "odense": 5.0, "DK": 20.0})
    assert check["difference_pp"] == pytest.approx(-0.5) and check["value_matches"] is False
    assert (check["rank"], check["compared"], check["rank_as_claimed"]) == (2, 3, False)  # Denmark is not a competitor


def test_series_labels_come_from_the_table_or_the_area_column():
    assert series.known("Danmarks Statistik, LBESK69 (Kilde: Danmarks Statistik)") == {"basis": "residence", "seasonally_adjusted": False}
    assert series.known("a file of my own") == {}
    assert series.basis_of_area_column("ARBKOM") == "workplace" and series.basis_of_area_column("OMRÅDE") == ""
    label = series.describe("Danmarks Statistik, NRHP via api", "workplace", False, "en")
    assert label["table"] == "NRHP" and "workplace" in label["basis_text"]


def test_the_province_caveat_counts_shared_missing_and_extra_municipalities():
    """Region {A, B, C}; province {A, B, D}: 2 of 3, not C, and 1 other (D)."""
    text = provinces.caveat(("a", "b", "d"), "Landsdel X", ("a", "b", "c"), "Regionen", {"a": "A", "b": "B", "c": "C", "d": "D"}, "en")
    assert "2 of the region's 3" in text and "(not C)" in text and "1 others (D)" in text


def test_the_shipped_provinces_split_region_syddanmark_and_hold_the_region_six_to_one():
    """Landsdel Sydjylland (12 municipalities) and Fyn (10) make Region Syddanmark's 22; the region's
    seven: six in Sydjylland, Middelfart (0410) in Fyn."""
    by_key = {p.key: set(p.members) for p in provinces.load()}
    region = {"0530", "0607", "0510", "0621", "0410", "0575", "0630"}
    assert len(by_key["landsdel_sydjylland"]) == 12 and len(by_key["landsdel_fyn"]) == 10
    assert not by_key["landsdel_sydjylland"] & by_key["landsdel_fyn"]
    assert region & by_key["landsdel_fyn"] == {"0410"} and len(region & by_key["landsdel_sydjylland"]) == 6


def test_strengths_with_the_same_codes_become_one_row_that_says_so():
    rows = [dict(key="industry", name="Industri", codes=["2"], classification="db07_10"),
            dict(key="transport", name="Transport", codes=["4"], classification="db07_10"),
            dict(key="energy_ptx", name="Energi og PtX", codes=["2"], classification="db07_10")]
    merged = merge_inseparable(rows)
    assert [r["keys"] for r in merged] == [["industry", "energy_ptx"], ["transport"]]
    assert merged[0]["separable"] is False and "kan ikke adskilles" in merged[0]["inseparable_note"]
    sections = [dict(key="industry", name="Industri", codes=["C"], classification="db07_sections"),
                dict(key="energy_ptx", name="Energi og PtX", codes=["D"], classification="db07_sections")]
    assert all(r["separable"] for r in merge_inseparable(sections))
