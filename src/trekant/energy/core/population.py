"""Residents for per-resident figures: the population observation nearest to 1 January of the year.

Statistics Denmark counts on the first day of a quarter or month; an account year is best matched by
1 January. When that day is not in the series (e.g. 2021 here), the nearest observation is used and
its period is reported beside the figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date


def nearest_population(series: Iterable[tuple[str, str, date, float]], codes: Sequence[str], year: int) -> tuple[float | None, list[str]]:
    """(sum over codes of the observation nearest to 1 January of year, periods used); None if a code has none."""
    target = date(year, 1, 1)
    best: dict[str, tuple[int, str, float]] = {}
    for code, period, start, value in series:
        if code not in codes:
            continue
        distance = abs((start - target).days)
        if code not in best or distance < best[code][0]:
            best[code] = (distance, period, value)
    if any(code not in best for code in codes):
        return None, []
    return sum(best[c][2] for c in codes), sorted({best[c][1] for c in codes})
