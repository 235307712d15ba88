"""Indicator values as a long table (area, period, breakdown, value), and group values from members.

Group values are computed here, at query time, from their member municipalities, never stored
twice. A group value exists only where every member has a value (a partial sum would mislead).
An indicator whose values cannot be summed (a ratio such as GDP per capita) is only available
for a group if the group's own series was imported under the group key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from trekant.economy import periods

COLUMNS = ["area", "period", "breakdown", "value"]


def frame(rows: Sequence[tuple[str, str, str, float | None]]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS).astype({"value": float})


def group_values(values: pd.DataFrame, groups: Mapping[str, Sequence[str]], additive: bool = True) -> pd.DataFrame:
    """Rows for each group: its stored rows if any, else (additive indicators) the sum of all members."""
    parts = []
    for key, members in groups.items():
        stored = values[values["area"] == key]
        if not stored.empty or not additive:
            parts.append(stored)
            continue
        part = values[values["area"].isin(members)]
        summed = part.groupby(["period", "breakdown"], sort=False)["value"].agg(["sum", "count"])
        complete = summed[summed["count"] == len(set(members))].reset_index()
        parts.append(pd.DataFrame({"area": key, "period": complete["period"], "breakdown": complete["breakdown"],
                                   "value": complete["sum"]}))
    return pd.concat(parts, ignore_index=True) if parts else frame([])


def wide(values: pd.DataFrame, breakdown: str = "") -> pd.DataFrame:
    """area × period table of one breakdown, periods oldest first."""
    part = values[values["breakdown"] == breakdown]
    table = part.pivot_table(index="area", columns="period", values="value", aggfunc="first", dropna=False)
    ordered = sorted(table.columns, key=periods.position_years)
    return table.reindex(columns=ordered)


def by_breakdown(values: pd.DataFrame, area: str, period: str) -> dict[str, float]:
    """breakdown → value of one area in one period (missing values left out)."""
    part = values[(values["area"] == area) & (values["period"] == period) & values["value"].notna()]
    return dict(zip(part["breakdown"], part["value"]))
