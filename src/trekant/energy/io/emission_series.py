"""Hourly grid-emission series in Energinet's declaration format (CSV).

Columns: a time column, `hour_dk` (Danish local time, as Energinet publishes it: the autumn
hour that repeats appears twice, the spring hour that is skipped is absent) or `hour_utc`; the
intensity, `co2_g_per_kwh` (gas CO2) or `co2e_g_per_kwh` (gas CO2e); optionally `price_area`
and `fuel_allocation_method`, each with one value in the whole file (one series per file, so a
file never mixes areas or methods). Other years and methods load from the same format.

The shipped file is Energinet's hourly declaration for West Denmark (DK1), 125 % method,
2022–2023 (Energi Data Service, DeclarationEmissionHour, CC BY 4.0).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from trekant.energy.core.emission_series import LOCAL_TZ, EmissionSeries
from trekant.energy.io.profiles import read_csv_frame
from trekant.errors import InputError, Issue

DATA = Path(__file__).resolve().parents[1] / "data"
BUILTIN = "builtin:dk1_co2_declaration_hourly_2022_2023.csv"
TIME_COLUMNS = ("hour_dk", "hour_utc")
VALUE_COLUMNS = {"co2_g_per_kwh": "CO2", "co2e_g_per_kwh": "CO2e"}
# Coal-fired power alone emits about 800–1,000 g CO2/kWh; a grid average above 2,000 is a unit slip.
MAX_G_PER_KWH = 2000.0

_CACHE: dict[str, EmissionSeries] = {}


def series_path(spec: str) -> Path:
    return DATA / spec.removeprefix("builtin:") if spec.startswith("builtin:") else Path(spec)


def load_series(spec: str = BUILTIN) -> EmissionSeries:
    """Read (once per process) a series named `builtin:FILE` or by path."""
    if spec not in _CACHE:
        _CACHE[spec] = read_series(series_path(spec))
    return _CACHE[spec]


def read_series(path: Path) -> EmissionSeries:
    source = str(path)
    frame, time_column, value_column, values = _hourly_table(path, VALUE_COLUMNS, "an intensity", MAX_G_PER_KWH, "g/kWh")
    labels = {c: _single(frame, c, source) for c in ("price_area", "fuel_allocation_method")}
    index = _utc_index(frame[time_column], time_column, source)
    name = path.name if path.parent == DATA else source
    return EmissionSeries(index, values, labels["price_area"] or "unnamed area",
                          labels["fuel_allocation_method"] or "unstated", VALUE_COLUMNS[value_column], name)


def _hourly_table(path: Path, value_columns, what: str, maximum: float, unit: str):
    """(frame, time column, value column, values) of an hourly CSV; one InputError for what is wrong."""
    source = str(path)
    frame = read_csv_frame(path)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    time_column = next((c for c in TIME_COLUMNS if c in frame.columns), None)
    value_column = next((c for c in value_columns if c in frame.columns), None)
    if time_column is None or value_column is None:
        raise InputError(source, "row 1", f"needs a time column ({' or '.join(TIME_COLUMNS)}) and {what} column "
                                          f"({' or '.join(value_columns)}); found {', '.join(frame.columns)}")
    if frame.empty:
        raise InputError(source, "row 2", "the file has a header but no data rows")
    values = pd.to_numeric(frame[value_column], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values) | (values < 0) | (values > maximum)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise InputError.from_issues(source, [Issue(
            "error", "value", source, f"row {first + 2}",
            f"{int(bad.sum())} missing, negative or implausible (over {maximum:g} {unit}) value(s), first "
            f"{frame[value_column].iloc[first]!r}", value_column)])
    return frame, time_column, value_column, values


def _single(frame: pd.DataFrame, column: str, source: str) -> str:
    if column not in frame.columns:
        return ""
    found = sorted({str(v).strip() for v in frame[column].dropna()})
    if len(found) > 1:
        raise InputError(source, f"column {column}", f"one series per file: found {', '.join(found)}; split the file")
    return found[0] if found else ""


def _utc_index(column: pd.Series, name: str, source: str, consecutive: bool = True) -> pd.DatetimeIndex:
    """UTC hours from Danish local or UTC times; a series must run hour after hour, a consumption
    file only forward (gaps allowed, no hour twice)."""
    times = pd.to_datetime(column, errors="coerce", format="ISO8601")
    if times.isna().any():
        first = int(np.flatnonzero(times.isna().to_numpy())[0])
        raise InputError.from_issues(source, [Issue("error", "value", source, f"row {first + 2}",
                                                    f"not an ISO timestamp: {column.iloc[first]!r}", name)])
    index = pd.DatetimeIndex(times)
    try:
        if name == "hour_dk":
            index = index.tz_localize(LOCAL_TZ, ambiguous="infer", nonexistent="raise").tz_convert("UTC")
        else:
            index = index.tz_localize("UTC") if index.tz is None else index.tz_convert("UTC")
    except (ValueError, TypeError) as exc:  # pytz/zoneinfo errors on a wrong daylight-saving hour
        raise InputError(source, name, f"the local times do not follow Danish daylight-saving time: {exc}") from None
    steps = np.asarray((index[1:] - index[:-1]) / pd.Timedelta(hours=1))
    wrong = steps != 1 if consecutive else steps < 1
    if wrong.any():
        first = int(np.flatnonzero(wrong)[0])
        rule = "follow each other one by one" if consecutive else "go forward, each hour once"
        raise InputError.from_issues(source, [Issue("error", "value", source, f"row {first + 3}",
                                                    f"hours must {rule}; {column.iloc[first + 1]!r} "
                                                    f"follows {column.iloc[first]!r}", name)])
    return index


CONSUMPTION_COLUMNS = {"mwh": 1.0, "kwh": 1e-3}


def read_consumption(path: Path) -> pd.Series:
    """An hourly consumption file: a time column (`hour_dk` or `hour_utc`) and `mwh` or `kwh`.

    Returns MWh per UTC hour. Like the series, local Danish time follows daylight-saving time.
    """
    frame, time_column, value_column, values = _hourly_table(path, CONSUMPTION_COLUMNS, "a consumption", 1e9, "per hour")
    index = _utc_index(frame[time_column], time_column, str(path), consecutive=False)
    return pd.Series(values * CONSUMPTION_COLUMNS[value_column], index=index)
