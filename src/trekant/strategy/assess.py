"""The status rule of a KPI (pure): compare where it is with where the straight path says it should be.

Path: from the baseline (value b at time t0) to the target (value T due on 1 January of the target
year, time tT), required rate r = (T − b) / (tT − t0) per year. At the latest reading (value v,
time t1) the path expects e = b + r·(t1 − t0); the progress ratio is p = (v − b) / (e − b).
  on track   p ≥ 1, or the target is already reached (in the KPI's direction)
  at risk    0.5 ≤ p < 1
  off track  p < 0.5 (including movement the wrong way), or the target year has passed unmet
With the baseline as the only reading there is no trend yet: at risk (on track if already reached).
The actual trend is the least-squares slope per year of the readings since the baseline (two
points: the straight line between them); the projection extends it to the target year.
"""

from __future__ import annotations

import numpy as np

from trekant.economy.periods import position_years
from trekant.kpi import KpiReading
from trekant.strategy.model import AT_RISK, OFF_TRACK, ON_TRACK, Assessment, Kpi

AT_RISK_RATIO = 0.5


def _baseline(kpi: Kpi, history: list[tuple[str, float]]) -> tuple[str, float] | None:
    if kpi.baseline_period:
        return next(((p, v) for p, v in history if p == kpi.baseline_period), None)
    return history[0] if history else None


def _reached(kpi: Kpi, value: float) -> bool:
    return value >= kpi.target.value if kpi.direction == "increase" else value <= kpi.target.value


def _slope(points: list[tuple[str, float]]) -> float | None:
    if len(points) < 2:
        return None
    x = np.array([position_years(p) for p, _ in points])
    y = np.array([v for _, v in points])
    if np.ptp(x) == 0:
        return None
    return float(np.polyfit(x, y, 1)[0])


def _status(kpi: Kpi, value: float, progress: float | None, t_latest: float, t_target: float) -> str:
    if _reached(kpi, value):
        return ON_TRACK
    if t_latest >= t_target or progress is None:
        return OFF_TRACK
    if progress >= 1:
        return ON_TRACK
    return AT_RISK if progress >= AT_RISK_RATIO else OFF_TRACK


def assess(kpi: Kpi, reading: KpiReading) -> Assessment:
    history = sorted(reading.history or ((reading.period, reading.value),), key=lambda item: position_years(item[0]))
    base = _baseline(kpi, history)
    t_target, t_latest = float(kpi.target.year), position_years(reading.period)
    if base is None:
        status = ON_TRACK if _reached(kpi, reading.value) else OFF_TRACK
        return Assessment(status, reason=f"no value in the baseline period {kpi.baseline_period}; "
                                         "judged on the target alone")
    (p0, b), t0 = base, position_years(base[0])
    if t_target <= t0:
        return Assessment(ON_TRACK if _reached(kpi, reading.value) else OFF_TRACK, p0, b,
                          reason="the target year is not after the baseline")
    required = (kpi.target.value - b) / (t_target - t0)
    if t_latest <= t0:
        status = ON_TRACK if _reached(kpi, reading.value) else AT_RISK
        return Assessment(status, p0, b, required, reason="only the baseline so far: no trend to judge")
    expected = b + required * (t_latest - t0)
    progress = (reading.value - b) / (expected - b) if expected != b else None
    actual = _slope([(p, v) for p, v in history if position_years(p) >= t0])
    projected = reading.value + actual * (t_target - t_latest) if actual is not None else None
    status = _status(kpi, reading.value, progress, t_latest, t_target)
    return Assessment(status, p0, b, required, actual, expected, progress, projected)
