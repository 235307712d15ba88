"""Target path, projected path, gap and MAC curve against hand calculations."""

import pytest

from trekant.energy.core import pathway
from trekant.energy.model import Measure, Target

TARGETS = [Target("0630", 1990, None, 2030, 70), Target("0630", 1990, None, 2050, 100)]


def test_target_path_is_piecewise_linear():
    path = pathway.target_path(TARGETS, 1_000.0, [1990, 2010, 2030, 2040, 2050, 2055])
    # 1990: 1,000; 2030: 300 (−70 %); halfway 2010: 650; 2040 halfway from 300 to 0: 150; flat after 2050.
    assert path == pytest.approx({1990: 1000, 2010: 650, 2030: 300, 2040: 150, 2050: 0, 2055: 0})


def test_measure_ramp_and_projection():
    m = Measure("a", "0630", "A", "transport", 100.0, 2024, 4, 5_000.0)
    # ramp: 2023 0 %, 2024 25 %, 2025 50 %, 2027 100 %, later 100 %.
    assert [pathway.measure_effect(m, y) for y in (2023, 2024, 2025, 2027, 2035)] == [0, 25, 50, 100, 100]
    # latest account 2025 at 800 t: 50 t already in effect, so 2030 = 800 − (100 − 50) = 750.
    projected = pathway.projected_path(2025, 800.0, [m], [2025, 2026, 2030])
    assert projected == pytest.approx({2025: 800, 2026: 775, 2030: 750})
    floor = pathway.projected_path(2025, 10.0, [m], [2030])
    assert floor[2030] == 0.0


def test_gap_and_mac_curve_order():
    assert pathway.gap({2030: 500.0, 2031: 100.0}, {2030: 300.0, 2031: 200.0}) == {2030: 200.0, 2031: -100.0}
    measures = [Measure("dear", "0630", "Dear", "waste", 10, 2025, 1, 20_000),      # 2,000 DKK/t
                Measure("cheap", "0630", "Cheap", "industry", 40, 2025, 1, -4_000),  # −100 DKK/t
                Measure("mid", "0630", "Mid", "transport", 50, 2025, 1, 25_000)]      # 500 DKK/t
    curve = pathway.mac_curve(measures)
    assert [c["key"] for c in curve] == ["cheap", "mid", "dear"]
    assert [c["cost_dkk_per_t"] for c in curve] == [-100, 500, 2_000]
    assert [c["cumulative_co2e_t_per_year"] for c in curve] == [40, 90, 100]
