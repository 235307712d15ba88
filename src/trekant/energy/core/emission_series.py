"""Hourly emission intensity of grid electricity, and emissions charged hour by hour.

An electrolyser or a heat pump that runs at night is charged the night's emissions, not the
year's average: emissions (t) = Σ_hours consumption (MWh) × intensity (g/kWh) ÷ 1,000
(1 MWh × 1 g/kWh = 1 kg).

A series is one price area, one fuel-allocation method and one gas (CO2 or CO2e) in g per kWh
consumed, as Energinet declares it. Its yearly mean is the plain mean of the year's hours (local
Danish calendar year): that is how the published yearly figures are formed (DK1, 125 % method:
146.1 g/kWh in 2022, 100.1 g/kWh in 2023).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

LOCAL_TZ = "Europe/Copenhagen"


@dataclass(frozen=True)
class EmissionSeries:
    index: pd.DatetimeIndex          # hourly, UTC
    g_per_kwh: np.ndarray
    price_area: str                  # e.g. DK1
    method: str                      # fuel allocation for CHP, e.g. "125%"
    gas: str                         # CO2 or CO2e
    source: str

    @property
    def unit(self) -> str:
        return f"g {self.gas}/kWh"

    def local_years(self) -> np.ndarray:
        return self.index.tz_convert(LOCAL_TZ).year.to_numpy()

    def years(self) -> list[int]:
        return sorted({int(y) for y in self.local_years()})

    def yearly_means(self) -> dict[int, float]:
        """Plain mean of each local calendar year's hours (g/kWh), with every year complete or not."""
        years = self.local_years()
        return {int(y): float(self.g_per_kwh[years == y].mean()) for y in np.unique(years)}

    def monthly_means(self, year: int) -> dict[int, float]:
        local = self.index.tz_convert(LOCAL_TZ)
        keep = local.year == year
        months = local.month[keep]
        values = self.g_per_kwh[keep]
        return {int(m): float(values[months == m].mean()) for m in np.unique(months)}

    def description(self) -> str:
        return f"{self.price_area}, {self.method} method, {self.unit} ({self.source})"


def on_hours(series: EmissionSeries, year: int, index: pd.DatetimeIndex) -> np.ndarray:
    """The series of `year` laid onto the hours of another year (g/kWh), by date and hour (UTC).

    The weather profiles are of one year (DK1 2017) and the declaration of another: each profile
    hour takes the declared intensity of the same month, day and hour in `year`. The two years'
    weather differs, so an hour's wind and its declared intensity are not of the same day; the
    hourly pattern (night, day, season) is what is carried over. 29 February takes 28 February;
    an hour outside the declared year (the last UTC hour of a local year) takes the nearest hour.
    """
    if year not in series.years():
        raise ValueError(f"the emission series has no year {year} (it holds {', '.join(map(str, series.years()))})")
    utc = index.tz_convert("UTC") if index.tz is not None else index.tz_localize("UTC")
    wanted = pd.DatetimeIndex([_same_hour_in(t, year) for t in utc])
    lookup = pd.Series(series.g_per_kwh, index=series.index)
    values = lookup.reindex(wanted, method="nearest", tolerance=pd.Timedelta(hours=2))
    if values.isna().any():
        first = wanted[int(np.flatnonzero(values.isna().to_numpy())[0])]
        raise ValueError(f"the emission series has no hour near {first:%Y-%m-%d %H:%M} UTC")
    return values.to_numpy(dtype=float)


def _same_hour_in(t: pd.Timestamp, year: int) -> pd.Timestamp:
    day = 28 if (t.month, t.day) == (2, 29) else t.day
    return pd.Timestamp(year=year, month=t.month, day=day, hour=t.hour, tz="UTC")


def emissions_t(consumption_mwh: np.ndarray, g_per_kwh: np.ndarray) -> float:
    """Σ consumption (MWh) × intensity (g/kWh) ÷ 1,000 = tonnes."""
    return float(np.dot(np.asarray(consumption_mwh, dtype=float), np.asarray(g_per_kwh, dtype=float)) / 1000.0)


def hourly_account(consumption_mwh: pd.Series, series: EmissionSeries) -> dict:
    """Emissions of an hourly consumption series charged hour by hour, against the yearly-mean factor.

    `consumption_mwh` is indexed by UTC hours that must all be in the series. The yearly-mean
    account charges each local year's consumption at that year's mean; the difference shows what
    the timing of the consumption is worth.
    """
    index = pd.DatetimeIndex(consumption_mwh.index)
    lookup = pd.Series(series.g_per_kwh, index=series.index)
    factors = lookup.reindex(index)
    missing = factors.isna().to_numpy()
    if missing.any():
        first = index[int(np.flatnonzero(missing)[0])]
        raise KeyError(f"{int(missing.sum())} hour(s) are not in the emission series (first {first:%Y-%m-%d %H:%M} UTC; "
                       f"it covers {series.index[0]:%Y-%m-%d %H:%M} … {series.index[-1]:%Y-%m-%d %H:%M} UTC)")
    mwh = consumption_mwh.to_numpy(dtype=float)
    g = factors.to_numpy(dtype=float)
    hourly_t = emissions_t(mwh, g)
    means = series.yearly_means()
    years = index.tz_convert(LOCAL_TZ).year.to_numpy()
    by_year = []
    for year in np.unique(years):
        part = years == year
        year_mwh = float(mwh[part].sum())
        year_hourly = emissions_t(mwh[part], g[part])
        year_mean_t = year_mwh * means[int(year)] / 1000.0
        by_year.append(dict(year=int(year), hours=int(part.sum()), consumption_mwh=round(year_mwh, 3),
                            co2_t=round(year_hourly, 3), yearly_mean_g_per_kwh=round(means[int(year)], 1),
                            co2_at_yearly_mean_t=round(year_mean_t, 3),
                            consumption_weighted_g_per_kwh=round(1000 * year_hourly / year_mwh, 1) if year_mwh else None))
    total_mwh = float(mwh.sum())
    at_mean = sum(row["co2_at_yearly_mean_t"] for row in by_year)
    return dict(series=series.description(), price_area=series.price_area, method=series.method, unit=series.unit,
                gas=series.gas, hours=len(index), consumption_mwh=round(total_mwh, 3), co2_t=round(hourly_t, 3),
                consumption_weighted_g_per_kwh=round(1000 * hourly_t / total_mwh, 1) if total_mwh else None,
                co2_at_yearly_mean_t=round(at_mean, 3), timing_effect_t=round(hourly_t - at_mean, 3), by_year=by_year)
