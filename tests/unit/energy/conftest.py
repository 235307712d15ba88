"""Small hand-made scenarios and profiles for the energy-system tests."""

import numpy as np
import pandas as pd

from trekant.energy.io.profiles import Profiles
from trekant.energy.io.scenario import parse_scenario

BASE = dict(name="tiny", demo=True, demand=dict(electricity_mwh_per_year=0.0), grid=dict(import_mw=1000, export_mw=0),
            prices=dict(gas_eur_per_mwh=20.0, co2_eur_per_t=0.0, import_tariff_eur_per_mwh=5.0, export_tariff_eur_per_mwh=0.5),
            capacities={})


def scenario(**changes):
    data = {**BASE, **changes}
    return parse_scenario(data, "test")


def flat_profiles(hours: int, price: float, cf: float = 0.5, load=None) -> Profiles:
    index = pd.date_range("2017-01-01", periods=hours, freq="h", tz="UTC")
    load = np.ones(hours) if load is None else np.asarray(load, dtype=float)
    factors = {t: np.full(hours, cf) for t in ("onshore_wind", "offshore_wind", "solar")}
    return Profiles(index, load / load.sum(), np.full(hours, price), factors, (), "test")
