"""Growth measures by hand calculation."""

import pytest

from trekant.economy.growth import growth, index, rank


def test_change_percent_and_cagr():
    # 100 → 121 over two years: +21, +21 %, CAGR 10 % (1.1² = 1.21)
    g = growth("X", "2018", "2020", 100, 121)
    assert g.change == 21 and g.years == 2
    assert g.change_pct == pytest.approx(21)
    assert g.cagr_pct == pytest.approx(10)


def test_quarters_measure_years():
    # 2008Q1 → 2020Q1 is 12 years; doubling gives CAGR 2^(1/12) − 1 = 5.9463 %
    g = growth("X", "2008Q1", "2020Q1", 50, 100)
    assert g.years == 12
    assert g.cagr_pct == pytest.approx(5.946309, abs=1e-5)


def test_danish_quarter_labels():
    assert growth("X", "2008K1", "2008K3", 1, 1).years == 0.5


def test_decline_and_zero_start():
    assert growth("X", "2019", "2020", 200, 150).change_pct == pytest.approx(-25)
    zero = growth("X", "2019", "2020", 0, 10)
    assert zero.change == 10 and zero.change_pct is None and zero.cagr_pct is None


def test_index_to_base_period():
    assert index({"2018": 80.0, "2019": 100.0, "2020": 110.0, "2021": None}, "2019") == {
        "2018": 80.0, "2019": 100.0, "2020": pytest.approx(110.0), "2021": None}
    with pytest.raises(ValueError):
        index({"2018": 0.0}, "2018")


def test_rank_with_ties_and_undefined():
    gs = [growth("A", "2018", "2020", 100, 110), growth("B", "2018", "2020", 100, 120),
          growth("C", "2018", "2020", 50, 55), growth("D", "2018", "2020", 0, 1)]
    ranked = rank(gs, {"B": "Bee"})
    assert [(r.growth.area, r.rank) for r in ranked] == [("B", 1), ("A", 2), ("C", 2), ("D", 4)]
    assert ranked[0].name == "Bee"
