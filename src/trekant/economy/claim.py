"""The claim check: in which windows (start, end) did the subject grow fastest among its peers?

Every pair of periods in which all compared areas have a value is scanned, so "highest growth"
can be stated with its window and margin, or not at all. Vectorised: one array of ratios
values[:, end] / values[:, start] for all areas and windows at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from trekant.economy import periods
from trekant.economy.model import ClaimResult, ClaimWindow

TIE_TOLERANCE_PP = 1e-9


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


def check(table: pd.DataFrame, subject: str, same_season: bool = False) -> ClaimResult:
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
    return ClaimResult(subject, tuple(competitors), int(mask.sum()), tuple(windows), int(tied.sum()), tuple(columns))
