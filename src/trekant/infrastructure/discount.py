"""The declining discount schedule of the Danish Ministry of Finance, as factors per year.

The factor for year t (years counted from the base year, t = 0 is the base year itself) is
d(t) = Π_{k=1..t} 1 / (1 + r(k)), where r(k) is the rate of the band that year k falls in.
So with 3.5 % for years 1–35 and 2.5 % for 36–70, year 36 is discounted 35 times at 3.5 % and
once at 2.5 %: the rate of a band applies to the years inside it, not to the whole horizon.
"""

from __future__ import annotations

import numpy as np

from trekant.infrastructure.model import RateBand


def rates_by_year(bands: tuple[RateBand, ...], n_years: int) -> np.ndarray:
    """r(k) for k = 1..n_years (index 0 holds r(1))."""
    k = np.arange(1, n_years + 1)
    rates = np.full(n_years, np.nan)
    for band in bands:
        upper = band.to_year if band.to_year is not None else np.iinfo(np.int64).max
        rates[(k >= band.from_year) & (k <= upper)] = band.rate
    if np.isnan(rates).any():
        missing = int(k[np.isnan(rates)][0])
        raise ValueError(f"no discount rate for year {missing}")
    return rates


def discount_factors(bands: tuple[RateBand, ...], n_years: int) -> np.ndarray:
    """d(t) for t = 0..n_years: the cumulative product of 1 / (1 + r(k))."""
    factors = np.ones(n_years + 1)
    if n_years > 0:
        factors[1:] = np.cumprod(1.0 / (1.0 + rates_by_year(bands, n_years)))
    return factors


def factors_for_offsets(bands: tuple[RateBand, ...], offsets: np.ndarray) -> np.ndarray:
    """d(t) for each offset t from the base year; a year before the base year (t < 0) is carried
    forward to it at the first band's rate, d(t) = (1 + r(1))^−t, so that money spent before a
    common (portfolio) base year is valued in that year's terms rather than dropped."""
    offsets = np.asarray(offsets, dtype=int)
    last = int(max(offsets.max(initial=0), 0))
    forward = discount_factors(bands, last)
    first_rate = rates_by_year(bands, 1)[0]
    return np.where(offsets >= 0, forward[np.clip(offsets, 0, last)], (1.0 + first_rate) ** (-offsets.astype(float)))
