"""Growth over a window: change, percent change, compound annual growth rate, index, ranking."""

from __future__ import annotations

from collections.abc import Mapping

from trekant.economy import periods
from trekant.economy.model import Growth, Ranked


def growth(area: str, start_period: str, end_period: str, start_value: float, end_value: float) -> Growth:
    """Change = end − start; percent change = 100·(end/start − 1); CAGR = 100·((end/start)^(1/years) − 1).

    Percent change and CAGR are undefined (None) when the start value is not positive.
    """
    start_value, end_value = float(start_value), float(end_value)
    years = periods.years_between(start_period, end_period)
    change = end_value - start_value
    if start_value <= 0:
        return Growth(area, start_period, end_period, start_value, end_value, years, change, None, None)
    ratio = end_value / start_value
    cagr = (ratio ** (1 / years) - 1) * 100 if years > 0 and ratio > 0 else None
    return Growth(area, start_period, end_period, start_value, end_value, years, change, (ratio - 1) * 100, cagr)


def index(series: Mapping[str, float | None], base_period: str, base: float = 100.0) -> dict[str, float | None]:
    """Each value as an index of the base period's value (base period = 100)."""
    reference = series.get(base_period)
    if reference in (None, 0):
        raise ValueError(f"no usable value in the base period {base_period}")
    return {p: None if v is None else v / reference * base for p, v in series.items()}


def rank(growths: list[Growth], names: Mapping[str, str] | None = None) -> list[Ranked]:
    """Highest percent change first; equal growth shares a rank (1, 2, 2, 4); undefined growth last."""
    names = names or {}
    defined = sorted((g for g in growths if g.change_pct is not None), key=lambda g: (-g.change_pct, g.area))
    ranked, previous, place = [], None, 0
    for position, item in enumerate(defined, start=1):
        if previous is None or round(item.change_pct, 9) != round(previous, 9):
            place = position
        previous = item.change_pct
        ranked.append(Ranked(place, item, names.get(item.area, "")))
    undefined = [g for g in growths if g.change_pct is None]
    return ranked + [Ranked(len(defined) + 1, g, names.get(g.area, "")) for g in undefined]
