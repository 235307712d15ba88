"""Periods, breakdown encoding and group values from members."""

import pytest

from trekant.economy import breakdown, panel, periods


def test_period_positions():
    assert periods.normalise("2008K1") == "2008Q1"
    assert periods.position_years("2018Q3") == 2018.5
    assert periods.position_years("2021M10") == 2021.75
    assert periods.years_between("2008Q1", "2020Q1") == 12
    assert periods.season("2021M10") == "M10" and periods.season("2020") == ""
    with pytest.raises(ValueError):
        periods.start("2020X1")


def test_breakdown_round_trip_and_totals():
    text = breakdown.encode({"sex": "Men", "industry": "C Manufacturing", "age": "Age, total"})
    assert text == "industry=C;sex=Men"
    assert breakdown.decode(text) == {"industry": "C", "sex": "Men"}
    assert breakdown.encode({"KØN": "Total"}) == ""
    assert breakdown.category_code("industry", "10 Arts, entertainment and other services") == "10"
    assert breakdown.category_code("industry", "TOT Industry total") == "TOT"
    assert breakdown.is_total("TOT Industry total")
    assert breakdown.dimension_key("BRANCHE07") == "industry" and breakdown.dimension_key("KØN") == "sex"
    assert breakdown.industry_code("industry=2") == "2" and breakdown.industry_code("industry=2;sex=M") is None


def test_group_values_need_every_member():
    values = panel.frame([
        ("A", "2020", "", 10.0), ("B", "2020", "", 5.0),
        ("A", "2021", "", 12.0),  # B missing in 2021
        ("G2", "2020", "", 99.0),  # a group stored under its own key wins
    ])
    groups = panel.group_values(values, {"G": ["A", "B"], "G2": ["A", "B"]})
    got = {(r.area, r.period): r.value for r in groups.itertuples()}
    assert got == {("G", "2020"): 15.0, ("G2", "2020"): 99.0}


def test_ratio_indicators_are_not_summed():
    values = panel.frame([("A", "2020", "", 10.0), ("B", "2020", "", 5.0)])
    assert panel.group_values(values, {"G": ["A", "B"]}, additive=False).empty


def test_wide_orders_periods():
    values = panel.frame([("A", "2021Q1", "", 2.0), ("A", "2008Q1", "", 1.0), ("A", "2010Q1", "", 3.0)])
    assert list(panel.wide(values).columns) == ["2008Q1", "2010Q1", "2021Q1"]
