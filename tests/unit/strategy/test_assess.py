"""The KPI status rule, case by case by hand (docs/strategy.md states the rule)."""

import pytest

from trekant.kpi import KpiReading
from trekant.strategy.assess import assess
from trekant.strategy.model import Kpi, Target


def kpi(direction="increase", target=200.0, year=2030, baseline="2020") -> Kpi:
    return Kpi("k", "k", "k", "economy.x", direction, Target(target, year), baseline)


def reading(*points) -> KpiReading:
    period, value = points[-1]
    return KpiReading(value, period, "u", "test", history=tuple(points))


# Baseline 100 in 2020, target 200 in 2030: required +10 a year; in 2025 the path expects 150.
@pytest.mark.parametrize("latest, status, progress", [
    (150, "on_track", 1.0),    # on the path
    (160, "on_track", 1.2),
    (140, "at_risk", 0.8),     # 40 of the 50 due
    (125, "at_risk", 0.5),     # exactly half: still at risk
    (120, "off_track", 0.4),
    (90, "off_track", -0.2),   # the wrong way
    (210, "on_track", 2.2),    # target already reached
])
def test_increase_against_the_straight_path(latest, status, progress):
    result = assess(kpi(), reading(("2020", 100.0), ("2025", float(latest))))
    assert result.status == status
    assert result.required_per_year == pytest.approx(10)
    assert result.expected_now == pytest.approx(150)
    assert result.progress_ratio == pytest.approx(progress)
    assert result.actual_per_year == pytest.approx((latest - 100) / 5)  # two points: the straight line


def test_decrease_direction():
    # 10 → 0 from 2020 to 2030: −1 a year; in 2025 the path expects 5.
    assert assess(kpi("decrease", 0, 2030), reading(("2020", 10.0), ("2025", 5.0))).status == "on_track"
    off = assess(kpi("decrease", 0, 2030), reading(("2020", 10.0), ("2025", 8.0)))
    assert off.status == "off_track" and off.progress_ratio == pytest.approx(0.4)
    assert off.required_per_year == pytest.approx(-1)


def test_least_squares_trend_and_projection():
    # 100, 112, 118, 130 in 2020…2023: slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (−1.5·−15 −0.5·−3 + 0.5·3 + 1.5·15)/5 = 9.6
    result = assess(kpi(), reading(("2020", 100.0), ("2021", 112.0), ("2022", 118.0), ("2023", 130.0)))
    assert result.actual_per_year == pytest.approx(9.6)
    assert result.projected_at_target_year == pytest.approx(130 + 9.6 * 7)


def test_quarters_and_baseline_period():
    # baseline 2019Q4 (2019.75) = 100; target 110 in 2030 → 10 / 10.25 a year
    result = assess(kpi(target=110, baseline="2019Q4"),
                    reading(("2019Q3", 90.0), ("2019Q4", 100.0), ("2020Q4", 101.0)))
    assert result.baseline_value == 100 and result.required_per_year == pytest.approx(10 / 10.25)
    assert result.actual_per_year == pytest.approx(1.0)  # 2019Q3 is before the baseline: left out


def test_target_year_passed_unmet_is_off_track():
    assert assess(kpi(target=200, year=2024), reading(("2020", 100.0), ("2025", 199.0))).status == "off_track"


def test_only_the_baseline_is_at_risk_not_judged():
    result = assess(kpi(), reading(("2020", 100.0)))
    assert result.status == "at_risk" and "no trend" in result.reason


def test_missing_baseline_period_judges_on_target_alone():
    result = assess(kpi(baseline="2015"), reading(("2020", 100.0), ("2025", 250.0)))
    assert result.status == "on_track" and "baseline" in result.reason
