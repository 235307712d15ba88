"""Hourly profiles as plain arrays, and the built-in district-heat shapes (no files read here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

BUILTIN_SHAPES = ("seasonal", "flat")


@dataclass(frozen=True)
class Profiles:
    """Hourly series of one weather-and-price year, all of the same length."""

    index: pd.DatetimeIndex
    load_shape: np.ndarray       # DK1 load, sums to 1 over the year
    price_eur_per_mwh: np.ndarray
    capacity_factor: dict[str, np.ndarray]
    price_gaps_filled: tuple[str, ...]
    source: str

    @property
    def hours(self) -> int:
        return len(self.index)

    def window(self, start: int, hours: int) -> "Profiles":
        part = slice(start, start + hours)
        return Profiles(self.index[part], self.load_shape[part], self.price_eur_per_mwh[part],
                        {k: v[part] for k, v in self.capacity_factor.items()},
                        tuple(t for t in self.price_gaps_filled if t in set(self.index[part].astype(str))),
                        self.source)


def builtin_shape(spec: str, index: pd.DatetimeIndex) -> np.ndarray:
    """A district-heat demand shape summing to 1 over the year.

    seasonal: SYNTHETIC 1 + 0.6·cos(2π·(day − 15)/365), peak mid-January, trough mid-July (no
    temperature series is shipped); flat: constant.
    """
    if spec == "flat":
        shape = np.ones(len(index))
    elif spec == "seasonal":
        day = (index - pd.Timestamp(index[0].year, 1, 1, tz=index.tz)).total_seconds().to_numpy() / 86_400
        shape = 1 + 0.6 * np.cos(2 * np.pi * (day - 15) / 365)
    else:
        raise ValueError(f"not a built-in heat shape: {spec!r} (one of {', '.join(BUILTIN_SHAPES)})")
    return shape / shape.sum()
