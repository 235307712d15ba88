"""Hourly results to CSV or Parquet (for plots): one row per hour, one column per flow (MW)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from trekant.errors import InputError


def write_hourly(frame: pd.DataFrame, path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise InputError(str(path), reason="export to a .csv or .parquet file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        out = frame.rename_axis("utc_timestamp")
        out.to_csv(path) if suffix == ".csv" else out.to_parquet(path)
    except OSError as exc:
        raise InputError(str(path), reason=f"cannot write: {exc.strerror or exc}") from None
    return str(path)
