"""Land account (arealregnskab): hectares by municipality × general use × status (pure).

area_ha = Σ area_m2 / 10,000 over the frames valid at a moment; frames of one municipality do
not overlap in a sound plan, so the sum is the planned land. Change = after − before.
"""

from __future__ import annotations

import pandas as pd

KEYS = ["komnr", "anvgen", "status"]
M2_PER_HA = 10_000.0


def land_account(frames: pd.DataFrame) -> pd.DataFrame:
    """One row per (komnr, anvgen, status): frames and area_ha."""
    if frames.empty:
        return pd.DataFrame(columns=[*KEYS, "frames", "area_ha"])
    f = pd.DataFrame({"komnr": frames["komnr"], "anvgen": frames["anvgen"].astype("Int64"),
                      "status": frames["status"], "area_m2": frames["area_m2"]})
    grouped = f.groupby(KEYS, dropna=False).agg(frames=("area_m2", "size"), area_m2=("area_m2", "sum")).reset_index()
    grouped["area_ha"] = (grouped.pop("area_m2") / M2_PER_HA).round(2)
    return grouped.sort_values(KEYS).reset_index(drop=True)


def land_change(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Outer join of two land accounts: area_ha_before, area_ha_after, change_ha."""
    merged = land_account(before).merge(land_account(after), on=KEYS, how="outer", suffixes=("_before", "_after"))
    for column in ("area_ha_before", "area_ha_after", "frames_before", "frames_after"):
        merged[column] = merged[column].fillna(0)
    merged["change_ha"] = (merged["area_ha_after"] - merged["area_ha_before"]).round(2)
    columns = [*KEYS, "frames_before", "frames_after", "area_ha_before", "area_ha_after", "change_ha"]
    return merged[columns].sort_values(KEYS).reset_index(drop=True)
