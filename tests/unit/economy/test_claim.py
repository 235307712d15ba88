"""The claim check on a small constructed series, every window worked out by hand.

Values (periods 2010, 2011, 2012, 2013):
  R (subject)  100  110  110  121
  P            100  105  120  126
  Q            100  100  100  100
Windows and percent growth (R | P | Q):
  2010→2011  10    | 5     | 0   → R first, margin 5 pp over P
  2010→2012  10    | 20    | 0   → P first
  2010→2013  21    | 26    | 0   → P first
  2011→2012   0    | 14.29 | 0   → P first
  2011→2013  10    | 20    | 0   → P first
  2012→2013  10    | 5     | 0   → R first, margin 5 pp over P
"""

import numpy as np
import pandas as pd
import pytest

from trekant.economy.claim import check

PERIODS = ["2010", "2011", "2012", "2013"]


def table(rows: dict) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=PERIODS)


def test_windows_where_the_subject_leads():
    result = check(table({"R": [100, 110, 110, 121], "P": [100, 105, 120, 126], "Q": [100] * 4}), "R")
    assert result.windows_scanned == 6
    assert [(w.start_period, w.end_period) for w in result.first] == [("2010", "2011"), ("2012", "2013")]
    for window in result.first:
        assert window.growth_pct == pytest.approx(10)
        assert window.runner_up == "P"
        assert window.margin_pp == pytest.approx(5)
    assert result.longest.end_period == "2013"  # both one year long: the later one


def test_tie_is_not_a_lead():
    result = check(table({"R": [100, 110, 110, 110], "P": [100, 110, 100, 100]}), "R")
    # 2010→2011 both +10 %: a tie; 2010→2012, 2010→2013, 2011→2012, 2011→2013, 2012→2013: R ≥ P
    assert result.tied == 2  # 2010→2011 (+10 % each) and 2012→2013 (0 % each)
    assert {(w.start_period, w.end_period) for w in result.first} == {
        ("2010", "2012"), ("2010", "2013"), ("2011", "2012"), ("2011", "2013")}


def test_periods_with_a_gap_are_left_out():
    result = check(table({"R": [100, np.nan, 110, 120], "P": [100, 105, 100, 100]}), "R")
    assert result.periods == ("2010", "2012", "2013")
    assert result.windows_scanned == 3


def test_same_season_only_compares_whole_years():
    quarters = ["2010Q1", "2010Q2", "2011Q1", "2011Q2"]
    frame = pd.DataFrame.from_dict({"R": [1, 2, 3, 4], "P": [1, 1, 1, 1]}, orient="index", columns=quarters)
    result = check(frame, "R", same_season=True)
    assert result.windows_scanned == 2
    assert {(w.start_period, w.end_period) for w in result.first} == {("2010Q1", "2011Q1"), ("2010Q2", "2011Q2")}


def test_no_competitors_no_windows():
    result = check(table({"R": [1, 2, 3, 4]}), "R")
    assert result.windows_scanned == 0 and result.first == ()
