"""Plain data of the hourly energy system: a scenario (YAML) and the technology costs.

Capacities are either fixed (`mw:` / `mwh:`) or optimised (`extendable: true` with bounds).
Units: power in MW (electric input for the electrolyser, heat output for the heat pump and the
boiler, hydrogen output for the back-up), energy in MWh, money in EUR (reported in DKK too).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TECHNOLOGIES = ("onshore_wind", "offshore_wind", "solar", "electrolyser", "h2_store", "battery", "heat_pump",
                "heat_store", "boiler", "h2_backup")
ENERGY_STORES = ("h2_store", "heat_store")  # sized in MWh
H2_LHV_MWH_PER_T = 33.33
# Upper bounds that catch typos (an extra three zeros, a unit slip) long before the solver meets
# them: Denmark uses about 35 TWh of electricity a year; 1 TW is more than Europe's peak load.
MAX_MW = 1e6
MAX_MWH = 1e9
MAX_MWH_PER_YEAR = 1e9
MAX_EUR_PER_UNIT = 1e5


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Capacity(_Strict):
    """Fixed (mw or mwh) or optimised between min and max (extendable)."""

    mw: float | None = Field(None, ge=0, le=MAX_MW)
    mwh: float | None = Field(None, ge=0, le=MAX_MWH)
    hours: float | None = Field(None, gt=0, le=24)  # battery: energy = hours × power
    extendable: bool = False
    min_mw: float = Field(0.0, ge=0, le=MAX_MW)
    max_mw: float | None = Field(None, ge=0, le=MAX_MW)
    min_mwh: float = Field(0.0, ge=0, le=MAX_MWH)
    max_mwh: float | None = Field(None, ge=0, le=MAX_MWH)

    @model_validator(mode="after")
    def _bounds(self):
        if self.max_mw is not None and self.max_mw < self.min_mw:
            raise ValueError(f"max_mw {self.max_mw} is below min_mw {self.min_mw}")
        if self.max_mwh is not None and self.max_mwh < self.min_mwh:
            raise ValueError(f"max_mwh {self.max_mwh} is below min_mwh {self.min_mwh}")
        return self

    def fixed_size(self) -> float:
        return self.mwh if self.mwh is not None else (self.mw or 0.0)


class Grid(_Strict):
    import_mw: float = Field(ge=0, le=MAX_MW)
    export_mw: float = Field(ge=0, le=MAX_MW)


class Demand(_Strict):
    electricity_mwh_per_year: float = Field(ge=0, le=MAX_MWH_PER_YEAR)
    district_heat_mwh_per_year: float = Field(0.0, ge=0, le=MAX_MWH_PER_YEAR)
    district_heat_profile: str = "seasonal"  # seasonal | flat | FILE.csv:column
    hydrogen_t_per_day: float = Field(0.0, ge=0, le=1e5)


class Prices(_Strict):
    gas_eur_per_mwh: float = Field(24.568, ge=0, le=MAX_EUR_PER_UNIT)
    co2_eur_per_t: float = Field(0.0, ge=0, le=MAX_EUR_PER_UNIT)
    import_tariff_eur_per_mwh: float = Field(5.0, ge=0, le=MAX_EUR_PER_UNIT)
    export_tariff_eur_per_mwh: float = Field(0.5, ge=0, le=MAX_EUR_PER_UNIT)
    shortfall_eur_per_mwh: float = Field(10_000.0, gt=0, le=1e7)


class Emissions(_Strict):
    grid_import_t_per_mwh: float = Field(0.244, ge=0, le=5)
    gas_t_per_mwh: float = Field(0.204, ge=0, le=5)


class Efficiencies(_Strict):
    electrolyser_h2: float = Field(0.622, gt=0, le=1)
    electrolyser_heat: float = Field(0.223, ge=0, le=1)
    heat_pump_cop: float = Field(3.2, gt=0, le=10)
    boiler: float = Field(1.04, gt=0, le=1.2)
    battery_one_way: float = Field(0.98, gt=0, le=1)
    smr_gas_per_h2: float = Field(1.483, ge=1, le=10)

    @model_validator(mode="after")
    def _energy(self):
        if self.electrolyser_h2 + self.electrolyser_heat > 1:
            raise ValueError("electrolyser_h2 + electrolyser_heat must not exceed 1")
        return self


class Scenario(_Strict):
    name: str
    title: str = ""
    description: str = ""
    demo: bool = True
    profiles: str = "builtin:dk1_hourly_2017.csv"
    discount_rate: float = Field(0.035, gt=0, lt=0.5)
    eur_to_dkk: float = Field(7.46038, gt=0, le=100)
    demand: Demand
    prices: Prices = Prices()
    emissions: Emissions = Emissions()
    efficiencies: Efficiencies = Efficiencies()
    grid: Grid
    capacities: dict[str, Capacity]

    @field_validator("capacities")
    @classmethod
    def _known(cls, capacities: dict[str, Capacity]) -> dict[str, Capacity]:
        """Checked on the field, so a problem names `capacities`, not the whole scenario."""
        unknown = sorted(set(capacities) - set(TECHNOLOGIES))
        if unknown:
            raise ValueError(f"unknown technology {', '.join(unknown)} (one of {', '.join(TECHNOLOGIES)})")
        battery = capacities.get("battery")
        if battery and (battery.mw or battery.extendable) and not battery.hours:
            raise ValueError("battery needs hours (energy ÷ power), e.g. battery: {mw: 10, hours: 2}")
        return capacities

    def capacity(self, technology: str) -> Capacity:
        return self.capacities.get(technology, Capacity(mw=0.0))

    @property
    def hydrogen_demand_mw(self) -> float:
        return self.demand.hydrogen_t_per_day * H2_LHV_MWH_PER_T / 24

    def extendable(self) -> list[str]:
        return [t for t, c in self.capacities.items() if c.extendable]
