"""Shift-share against a published worked example, and Esteban-Marquillas by hand.

Published example: G. Krumme, "Shift & Share Table with Excel Explanations", Geography 350,
University of Washington, http://faculty.washington.edu/krumme/350/ssexcel.html — the region
"Holukuluku", four industries, 1985 → 1995:

  industry  national share 1985 %  national change %  region 1985  region 1995
  I                10                     10               500         1000
  II               20                     20               100          100
  III              40                     30               200          250
  IV               30                     40               200          280
  total           100                     29              1000         1630

Published results: regional growth 630; national growth effect 290 (expected employment
645, 129, 258, 258; total 1290); differential effect ("local factors" = regional shift)
450, −20, −10, 0, net 420; composition effect (industry mix) −95, −9, 2, 22; total shift
340 = 420 + composition, so the net composition effect is −80 (the page's text extraction
drops the minus signs; the sums on the page fix them).
"""

import pytest

from trekant.economy.shiftshare import decompose

INDUSTRIES = ["I", "II", "III", "IV"]
REGION_1985 = dict(zip(INDUSTRIES, [500, 100, 200, 200]))
REGION_1995 = dict(zip(INDUSTRIES, [1000, 100, 250, 280]))
# The page gives national shares and growth rates only; any national total reproduces them.
NATION_1985 = dict(zip(INDUSTRIES, [1000, 2000, 4000, 3000]))
NATION_1995 = {i: NATION_1985[i] * (1 + g) for i, g in zip(INDUSTRIES, [0.10, 0.20, 0.30, 0.40])}


@pytest.fixture
def result():
    return decompose(REGION_1985, REGION_1995, NATION_1985, NATION_1995)


def test_national_growth_is_29_percent(result):
    assert result.national_growth == pytest.approx(0.29)


def test_published_components_per_industry(result):
    rows = {r.industry: r for r in result.rows}
    assert [round(rows[i].start + rows[i].national_share) for i in INDUSTRIES] == [645, 129, 258, 258]
    assert [round(rows[i].regional_shift) for i in INDUSTRIES] == [450, -20, -10, 0]
    assert [round(rows[i].industry_mix) for i in INDUSTRIES] == [-95, -9, 2, 22]


def test_published_totals(result):
    assert result.total("change") == pytest.approx(630)
    assert result.total("national_share") == pytest.approx(290)
    assert result.total("regional_shift") == pytest.approx(420)
    assert result.total("industry_mix") == pytest.approx(-80)
    assert result.total("industry_mix") + result.total("regional_shift") == pytest.approx(340)


def test_esteban_marquillas_by_hand(result):
    """Ê_ir = 1000 × national shares = 100, 200, 400, 300; g_ir − g_iN = 0.9, −0.2, −0.05, 0.

    Competitive effect Ê·(g_ir − g_iN) = 90, −40, −20, 0 (total 30);
    allocation effect (E_ir0 − Ê)·(g_ir − g_iN) = 400·0.9, −100·−0.2, −200·−0.05, −100·0 = 360, 20, 10, 0 (390).
    """
    rows = {r.industry: r for r in result.rows}
    assert [rows[i].homothetic for i in INDUSTRIES] == pytest.approx([100, 200, 400, 300])
    assert [rows[i].competitive for i in INDUSTRIES] == pytest.approx([90, -40, -20, 0])
    assert [rows[i].allocation for i in INDUSTRIES] == pytest.approx([360, 20, 10, 0])
    assert result.total("competitive") + result.total("allocation") == pytest.approx(result.total("regional_shift"))


def test_industry_absent_at_start_keeps_classic_and_notes_em():
    result = decompose({"A": 0, "B": 10}, {"A": 5, "B": 10}, {"A": 100, "B": 100}, {"A": 110, "B": 100})
    rows = {r.industry: r for r in result.rows}
    assert rows["A"].regional_shift == pytest.approx(5)  # 5 − 0·(1 + 0.1)
    assert rows["A"].competitive is None and rows["A"].allocation is None
    assert result.notes and "industry A" in result.notes[0]


def test_no_national_employment_is_refused():
    with pytest.raises(ValueError, match="industry B"):
        decompose({"A": 1}, {"A": 1}, {"A": 1, "B": 0}, {"A": 1, "B": 1})
