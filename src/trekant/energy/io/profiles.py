"""Hourly profiles: DK1 2017 load, day-ahead price and capacity factors; district-heat shapes.

Capacity factor = DK1 generation ÷ DK1 installed capacity in 2017 (2,966 MW onshore wind, 843 MW
offshore wind, 421 MW solar). The file has 8,759 hours and two missing prices: each missing price
is filled by linear interpolation between its neighbouring hours (pandas `interpolate`), and the
filled hours are reported with every result (`price_gaps_filled`). Capacity factors are clipped
to [0, 1]: two hours of the 2017 onshore series (2017-05-08 06:00 and 07:00 UTC) report more
than the installed capacity, a known glitch of the ENTSO-E extract.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from trekant.energy.core.profiles import BUILTIN_SHAPES, Profiles, builtin_shape
from trekant.energy.system_model import MAX_MW
from trekant.csvfile import read_csv
from trekant.errors import InputError, Issue

DATA = Path(__file__).resolve().parents[1] / "data"
DK1_INSTALLED_MW_2017 = dict(onshore_wind=2966.0, offshore_wind=843.0, solar=421.0)
COLUMNS = dict(
    load="DK_1_load_actual_entsoe_transparency",
    price="DK_1_price_day_ahead",
    solar="DK_1_solar_generation_actual",
    offshore_wind="DK_1_wind_offshore_generation_actual",
    onshore_wind="DK_1_wind_onshore_generation_actual",
)
TIME_COLUMN = "utc_timestamp"


def profile_path(spec: str) -> Path:
    return DATA / spec.removeprefix("builtin:") if spec.startswith("builtin:") else Path(spec)


_CACHE: dict[str, Profiles] = {}


def load_profiles(spec: str) -> Profiles:
    """Read (once per process) the hourly profile file named by a scenario."""
    if spec not in _CACHE:
        _CACHE[spec] = read_profiles(profile_path(spec))
    return _CACHE[spec]


def read_csv_frame(path: Path, field: str | None = None) -> pd.DataFrame:
    """A UTF-8 CSV as a DataFrame (number columns as floats, in either notation); problems as one InputError."""
    table, issues = read_csv(path)
    if issues:
        raise InputError.from_issues(str(path), [i if field is None or i.field else
                                                 Issue(i.severity, i.code, i.source, i.where, i.message, field)
                                                 for i in issues])
    frame = pd.DataFrame([cells for _, cells in table.rows], columns=table.header)
    for column in table.notation:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    return frame


def _value_issues(frame: pd.DataFrame, source: str) -> list[Issue]:
    """Missing, negative or non-finite values in the load and generation columns, first row named."""
    issues = []
    for key in ("load", "solar", "offshore_wind", "onshore_wind"):
        values = pd.to_numeric(frame[COLUMNS[key]], errors="coerce").to_numpy(dtype=float)
        bad = ~np.isfinite(values) | (values < 0) | (values > MAX_MW)
        if bad.any():
            first = int(np.flatnonzero(bad)[0]) + 2
            issues.append(Issue("error", "profile", source, f"row {first}",
                                f"{int(bad.sum())} missing, negative or implausible (over {MAX_MW:g} MW) value(s)",
                                COLUMNS[key]))
    return issues


def _time_index(frame: pd.DataFrame, source: str) -> pd.DatetimeIndex:
    times = pd.to_datetime(frame[TIME_COLUMN], utc=True, errors="coerce", format="ISO8601")
    if times.isna().any():
        first = int(np.flatnonzero(times.isna().to_numpy())[0]) + 2
        raise InputError.from_issues(source, [Issue("error", "profile", source, f"row {first}",
                                                    f"not an ISO timestamp: {frame[TIME_COLUMN].iloc[first - 2]!r}",
                                                    TIME_COLUMN)])
    return pd.DatetimeIndex(times)


def read_profiles(path: Path) -> Profiles:
    source = str(path)
    frame = read_csv_frame(path)
    missing = [c for c in [TIME_COLUMN, *COLUMNS.values()] if c not in frame.columns]
    if missing:
        raise InputError(source, reason=f"missing column(s): {', '.join(missing)}")
    issues = _value_issues(frame, source)
    if issues:
        raise InputError.from_issues(source, issues)
    index = _time_index(frame, source)
    price = pd.to_numeric(frame[COLUMNS["price"]], errors="coerce")
    price = price.where(np.isfinite(price.to_numpy(dtype=float)))
    gaps = tuple(str(t) for t in index[price.isna().to_numpy()])
    price = price.interpolate(limit_direction="both").to_numpy(dtype=float)
    load = frame[COLUMNS["load"]].to_numpy(dtype=float)
    if load.sum() <= 0:
        raise InputError(source, COLUMNS["load"], "the load is zero in every hour")
    factors = {tech: np.clip(frame[COLUMNS[tech]].to_numpy(dtype=float) / installed, 0.0, 1.0)
               for tech, installed in DK1_INSTALLED_MW_2017.items()}
    return Profiles(index, load / load.sum(), price, factors, gaps, source)


def heat_shape(spec: str, hours: int, index: pd.DatetimeIndex, field: str = "demand.district_heat_profile") -> np.ndarray:
    """A district-heat demand shape summing to 1 over the profile year: the built-in shapes
    (`seasonal`, `flat`, see core/profiles.py) or FILE.csv:column, a user series of the same length."""
    if spec in BUILTIN_SHAPES:
        return builtin_shape(spec, index)
    shape = user_series(spec, hours, field, low=0.0)
    if shape.sum() <= 0:
        raise InputError(spec.rsplit(":", 1)[0], field, "the profile has missing, negative or only zero values")
    return shape / shape.sum()


def user_series(spec: str, hours: int, field: str, low: float = -1e6, high: float = 1e6) -> np.ndarray:
    """FILE.csv:column as numbers, exactly as many as the weather year has hours, all within [low, high]."""
    if ":" not in spec:
        raise InputError("scenario", field, f"use seasonal, flat or FILE.csv:column, not {spec!r}")
    file, column = spec.rsplit(":", 1)
    path = Path(file)
    frame = read_csv_frame(path, field)
    if column not in frame.columns:
        raise InputError(str(path), field, f"no column {column!r}")
    values = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
    if len(values) != hours:
        raise InputError(str(path), field,
                         f"the profile has {len(values)} hours, the year has {hours}: profiles must be of equal length")
    if not np.isfinite(values).all() or (values < low).any() or (values > high).any():
        raise InputError(str(path), field, "the profile has missing, negative or only zero values" if low >= 0 else
                         f"the profile has missing values or values outside {low:g} … {high:g}")
    return values
