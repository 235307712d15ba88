"""Location quotients against a published example, specialisation indices by hand."""

import pytest

from trekant.economy.location import group_quotient, location_quotients, specialisation

# Krumme, "Shift & Share Table with Excel Explanations" (U. Washington, Geography 350),
# column 3 "Loc Quot" for Holukuluku 1985: regional shares 50/10/20/20 % against national
# shares 10/20/40/30 % give LQ 5, 0.5, 0.5 and .667.
REGION = {"I": 500, "II": 100, "III": 200, "IV": 200}
NATION = {"I": 1000, "II": 2000, "III": 4000, "IV": 3000}


def test_published_location_quotients():
    lq = location_quotients(REGION, NATION)
    assert lq["I"] == pytest.approx(5)
    assert lq["II"] == pytest.approx(0.5)
    assert lq["III"] == pytest.approx(0.5)
    assert round(lq["IV"], 3) == 0.667


def test_group_quotient_sums_shares_first():
    # I + IV: region 70 %, nation 40 % → 1.75
    assert group_quotient(REGION, NATION, {"I", "IV"}) == pytest.approx(1.75)


def test_specialisation_by_hand():
    """Shares 0.5/0.1/0.2/0.2 vs 0.1/0.2/0.4/0.3:
    Krugman |0.4|+|−0.1|+|−0.2|+|−0.1| = 0.8; Hoover 0.4;
    Herfindahl 0.25 + 0.01 + 0.04 + 0.04 = 0.34; reference 0.01 + 0.04 + 0.16 + 0.09 = 0.30."""
    s = specialisation(REGION, NATION)
    assert s.krugman == pytest.approx(0.8)
    assert s.hoover == pytest.approx(0.4)
    assert s.herfindahl == pytest.approx(0.34)
    assert s.herfindahl_reference == pytest.approx(0.30)


def test_identical_structure_is_not_specialised():
    s = specialisation({"A": 10, "B": 30}, {"A": 100, "B": 300})
    assert s.krugman == pytest.approx(0) and s.hoover == pytest.approx(0)
    assert location_quotients({"A": 10, "B": 30}, {"A": 100, "B": 300}) == pytest.approx({"A": 1, "B": 1})


def test_industry_missing_in_area_counts_as_zero():
    lq = location_quotients({"A": 10}, {"A": 50, "B": 50})
    assert lq == pytest.approx({"A": 2.0, "B": 0.0})


def test_empty_reference_is_refused():
    with pytest.raises(ValueError):
        location_quotients({"A": 1}, {"A": 0})
