"""Benchmark: the claim check over every window, vectorised (numpy cube) against a plain loop.

Run: .venv/bin/python bench/economy_claim.py
Data: the real FOLK1AM and LBESK69 series of the default store (built in a temporary folder),
checked for the region among all 98 municipalities (the largest comparison set). Both methods
must find the same windows; the script prints the timings and their ratio.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pandas as pd

from trekant import bootstrap
from trekant.economy import claim, panel, service
from trekant.settings import Settings
from trekant.store.store import Store


def loop_check(table: pd.DataFrame, subject: str) -> set[tuple[str, str]]:
    """The obvious version: two loops over periods, one over areas."""
    complete = table.loc[:, table.notna().all(axis=0) & (table > 0).all(axis=0)]
    columns = list(complete.columns)
    first = set()
    for i, start in enumerate(columns):
        for end in columns[i + 1:]:
            mine = complete.at[subject, end] / complete.at[subject, start] - 1
            best = max(complete.at[a, end] / complete.at[a, start] - 1 for a in complete.index if a != subject)
            if (mine - best) * 100 > claim.TIE_TOLERANCE_PP:
                first.add((start, end))
    return first


def timed(function, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=None)
        bootstrap.init(settings)
        store = Store.from_settings(settings)
        with store.connect() as conn:
            areas = service.load_areas(conn)
            wanted = [areas.region, *areas.comparison("municipalities")]
            tables = {key: panel.wide(service.values_for(conn, key, areas, wanted))
                      for key in ("population_monthly", "fulltime_employees")}
        store.dispose()
    for key, table in tables.items():
        vector_s, result = timed(lambda: claim.check(table, areas.region))
        loop_s, looped = timed(lambda: loop_check(table, areas.region), repeat=1)
        same = {(w.start_period, w.end_period) for w in result.first} == looped
        print(f"{key}: {table.shape[0]} areas × {table.shape[1]} periods = {result.windows_scanned} windows; "
              f"vectorised {vector_s * 1000:.1f} ms, loop {loop_s * 1000:.0f} ms, "
              f"ratio {loop_s / vector_s:.0f}× (same windows: {same})")


if __name__ == "__main__":
    main()
