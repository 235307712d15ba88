"""The status rule in words, the growth rank among metropolitan areas, and the rule for an ask won (hand-built cases)."""

import pandas as pd
import pytest

from trekant.economy.kpis_tracks import growth_windows, rank_of
from trekant.kpi import KpiReading
from trekant.strategy.asks import Ask, won_by_year
from trekant.strategy.assess import assess
from trekant.strategy.explain import explain
from trekant.strategy.model import Kpi, Target


def _kpi(target: float, year: int = 2030, direction: str = "increase", baseline: str | None = "2020") -> Kpi:
    return Kpi("k", "K", "K", "x.y", direction, Target(target, year), baseline)


def test_at_risk_says_the_share_of_the_needed_pace():
    # baseline 100 in 2020, target 200 in 2030: 10 a year is needed; by 2025 the path expects 150.
    # The reading 145.5 has come 45.5 of the 50 due: 0.91 of the needed pace → at risk (0.5 ≤ p < 1).
    reading = KpiReading(145.5, "2025", "x", "s", history=(("2020", 100.0), ("2025", 145.5)))
    assessment = assess(_kpi(200), reading)
    assert assessment.status == "at_risk" and assessment.progress_ratio == pytest.approx(45.5 / 50)
    assert explain(_kpi(200), 145.5, "2025", assessment, "en") == \
        "at risk: 0.91 of the needed pace (on track from 1.00, at risk from 0.50)"
    assert explain(_kpi(200), 145.5, "2025", assessment, "da") == \
        "i risiko: 0,91 af det nødvendige tempo (på sporet fra 1,00, i risiko fra 0,50)"


@pytest.mark.parametrize("history,latest,period,target,direction,expected", [
    ((("2020", 100.0), ("2025", 160.0)), 160.0, "2025", 200, "increase",
     "on track: 1.20 of the needed pace (on track from 1.00, at risk from 0.50)"),
    ((("2020", 100.0), ("2025", 90.0)), 90.0, "2025", 200, "increase",
     "off track: moving away from the target (-0.20 of the needed pace)"),
    ((("2020", 100.0), ("2025", 250.0)), 250.0, "2025", 200, "increase", "on track: target reached (250 ≥ 200)"),
    ((("2020", 4.0), ("2025", 1.0)), 1.0, "2025", 1, "decrease", "on track: target reached (1 ≤ 1)"),
    ((("2020", 100.0), ("2031", 180.0)), 180.0, "2031", 200, "increase", "off track: the target year 2030 has passed unmet"),
    ((("2020", 100.0),), 100.0, "2020", 200, "increase", "at risk: only the baseline so far: no trend to judge"),
    ((("2020", 4.0), ("2025", 0.5)), 0.5, "2025", 1, "decrease", "on track: target reached (0.50 ≤ 1)"),
    # no gaps at the baseline and a target of none: no pace is needed, so the reason is that the target was lost
    ((("2020", 0.0), ("2025", 5.0)), 5.0, "2025", 0, "decrease",
     "off track: the target (0) was met in the baseline period 2020 but is not now (5)"),
])
def test_every_status_is_explained(history, latest, period, target, direction, expected):
    kpi = _kpi(target, direction=direction)
    reading = KpiReading(latest, period, "x", "s", history=history)
    assert explain(kpi, latest, period, assess(kpi, reading), "en") == expected


def test_growth_rank_over_five_years_between_the_same_quarters():
    # region r and peers a, b; 2015Q3 → 2020Q3: r +10 %, a +20 %, b +5 %, so r ranks 2nd of 3.
    table = pd.DataFrame({"2015Q3": [100.0, 50.0, 200.0], "2016Q1": [1.0, 1.0, 1.0], "2020Q3": [110.0, 60.0, 210.0],
                          "2021Q1": [2.0, 2.0, 2.0]}, index=["r", "a", "b"])
    windows = growth_windows(table)
    assert list(windows) == ["2020Q3", "2021Q1"]  # 2015Q3 → 2020Q3 and 2016Q1 → 2021Q1, never across seasons
    assert list(growth_windows(table.drop(columns="2016Q1"))) == ["2020Q3"]
    g = windows["2020Q3"]
    assert g["r"] == pytest.approx(10.0) and g["a"] == pytest.approx(20.0) and g["b"] == pytest.approx(5.0)
    assert rank_of(g, "r") == 2 and rank_of(g, "a") == 1 and rank_of(g, "b") == 3


def test_a_window_with_a_missing_area_is_left_out():
    table = pd.DataFrame({"2015": [100.0, None], "2020": [110.0, 60.0]}, index=["r", "a"])
    assert growth_windows(table) == {}


def _ask(key, project, asked, decided):
    return Ask(key, project, key, asked, decided, ({"supports": ["asked"]},))


def test_asks_won_count_only_decisions_after_the_ask_on_funded_projects():
    asks = [_ask("a", "p1", 2019, 2021), _ask("b", "p2", 2019, 2022), _ask("c", "p3", 2019, None),
            _ask("d", "p4", 2020, 2018)]  # decided before it was asked: not won
    status = {"p1": "decided", "p2": "under_construction", "p3": "studied", "p4": "funded"}
    assert [a.won(status[a.project]) for a in asks] == [True, True, False, False]
    assert won_by_year(asks, status) == {2019: 0, 2020: 0, 2021: 1, 2022: 2}
    status["p1"] = "shelved"  # a decision later undone is no longer won
    assert won_by_year(asks, status)[2022] == 1
