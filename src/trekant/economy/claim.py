"""The claim check: in which windows (start, end) did the subject grow fastest among its peers?

Every pair of periods in which all compared areas have a value is scanned, so "highest growth"
can be stated with its window and margin, or not at all. Vectorised: one array of ratios
values[:, end] / values[:, start] for all areas and windows at once.

Honest by default (issue 14): on a series that is not seasonally adjusted only windows between the
same quarter or month of different years are compared (a Q3 → Q4 "lead" is a seasonal swing).
The headline is a few windows declared before looking — the last 1, 5 and 10 years and the
strategy's period — with the share of all windows led and the distribution of the margins,
never "the longest window led" picked out of thousands.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from trekant.economy import periods
from trekant.economy.model import ClaimResult, ClaimWindow, HeadlineWindow

TIE_TOLERANCE_PP = 1e-9
MARGIN_QUANTILES = (0.0, 0.10, 0.25, 0.50, 0.75, 0.90, 1.0)


def _growth_cube(values: np.ndarray) -> np.ndarray:
    """pct[a, i, j] = 100·(values[a, j] / values[a, i] − 1) for every area a and window i → j."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return (values[:, None, :] / values[:, :, None] - 1.0) * 100.0


def _window_mask(columns: list[str], same_season: bool) -> np.ndarray:
    count = len(columns)
    mask = np.triu(np.ones((count, count), dtype=bool), k=1)
    if same_season:
        seasons = np.array([periods.season(c) for c in columns])
        mask &= seasons[:, None] == seasons[None, :]
    return mask


def check(table: pd.DataFrame, subject: str, same_season: bool = True) -> ClaimResult:
    """table: one row per area (index), one column per period (sorted oldest first), values.

    The subject must be one of the rows; every other row is a competitor. Periods in which any
    area lacks a value are left out. A window counts as "first" only if the subject is strictly
    ahead; shared first places are counted separately as ties.
    """
    if subject not in table.index:
        raise KeyError(subject)
    complete = table.loc[:, table.notna().all(axis=0) & (table > 0).all(axis=0)]
    columns = [str(c) for c in complete.columns]
    competitors = [a for a in complete.index if a != subject]
    empty = ClaimResult(subject, tuple(competitors), 0, (), 0, tuple(columns))
    if len(columns) < 2 or not competitors:
        return empty
    cube = _growth_cube(complete.to_numpy(dtype=float))
    mine = cube[list(complete.index).index(subject)]
    others = cube[[list(complete.index).index(a) for a in competitors]]
    best_other = others.max(axis=0)
    runner_index = others.argmax(axis=0)
    mask = _window_mask(columns, same_season)
    lead = mine - best_other
    first = mask & (lead > TIE_TOLERANCE_PP)
    tied = mask & (np.abs(lead) <= TIE_TOLERANCE_PP)
    windows = [
        ClaimWindow(columns[i], columns[j], periods.years_between(columns[i], columns[j]), float(mine[i, j]),
                    competitors[runner_index[i, j]], float(best_other[i, j]), float(lead[i, j]))
        for i, j in zip(*np.nonzero(first))
    ]
    margins = tuple(float(m) for m in lead[mask])
    return ClaimResult(subject, tuple(competitors), int(mask.sum()), tuple(windows), int(tied.sum()), tuple(columns),
                       margins, same_season)


def margin_distribution(margins: tuple[float, ...]) -> dict:
    """Quantiles of the subject's margin over the best competitor (pp; negative = behind) across the
    windows scanned, so a reader sees how typical a lead is, not only that one exists."""
    if not margins:
        return {}
    values = np.quantile(np.asarray(margins), MARGIN_QUANTILES)
    return {f"p{round(q * 100)}": float(v) for q, v in zip(MARGIN_QUANTILES, values)}


def shifted(label: str, years: int) -> str:
    """The same season `years` earlier: 2025Q3 → 2020Q3, 2018 → 2013, 2021M10 → 2016M10."""
    text = periods.normalise(label)
    return f"{int(text[:4]) - years}{text[4:]}"


def window_growths(table: pd.DataFrame, start: str, end: str) -> dict[str, float]:
    """Percent growth start → end of every area with positive values in both periods."""
    if start not in table.columns or end not in table.columns:
        return {}
    a, b = table[start], table[end]
    ok = a.notna() & b.notna() & (a > 0)
    return {str(area): float((b[area] / a[area] - 1.0) * 100.0) for area in table.index[ok]}


def headline(table: pd.DataFrame, subject: str, label: str, start: str, end: str) -> HeadlineWindow:
    """One pre-declared window: the subject's growth, its rank, the leader and the margin to the best other."""
    growths = window_growths(table, start, end)
    if subject not in growths or len(growths) < 2:
        return HeadlineWindow(label, start, end, None, None, len(growths), None, None, None)
    mine = growths[subject]
    others = {a: g for a, g in growths.items() if a != subject}
    best = max(others, key=lambda a: (others[a], a))
    rank = 1 + sum(1 for g in others.values() if g > mine + TIE_TOLERANCE_PP)
    leader = subject if rank == 1 else max(growths, key=lambda a: (growths[a], a))
    return HeadlineWindow(label, start, end, mine, rank, len(growths), leader, growths[leader], mine - others[best],
                          best, others[best])


def headline_windows(table: pd.DataFrame, subject: str, years_back: tuple[int, ...],
                     strategy_start: str | None) -> list[HeadlineWindow]:
    """The last 1, 5, 10 … years to the latest period with every value, and the strategy's window
    (from its baseline to the latest period of the same season)."""
    complete = [str(c) for c in table.columns if table[c].notna().all()]
    if not complete:
        return []
    end = max(complete, key=periods.position_years)
    rows = [headline(table, subject, f"last_{k}y", shifted(end, k), end) for k in years_back]
    if strategy_start:
        season = periods.season(strategy_start)
        same = [c for c in complete if periods.season(c) == season and periods.position_years(c) > periods.position_years(strategy_start)]
        if same:
            rows.append(headline(table, subject, "strategy", strategy_start, max(same, key=periods.position_years)))
    return rows
