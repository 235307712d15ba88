"""Plain data of the hourly energy system: a scenario (YAML) and the technology costs.

Capacities are either fixed (`mw:` / `mwh:`) or optimised (`extendable: true` with bounds).
Units: power in MW (electric input for the electrolyser, heat output for the heat pump and the
boiler, hydrogen output for the back-up), energy in MWh, money in EUR (reported in DKK too).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TECHNOLOGIES = ("onshore_wind", "offshore_wind", "solar", "electrolyser", "h2_store", "battery", "heat_pump",
                "heat_store", "boiler", "h2_backup")
ENERGY_STORES = ("h2_store", "heat_store")  # sized in MWh
H2_LHV_MWH_PER_T = 33.33
METHANOL_LHV_MWH_PER_T = 5.528   # 19.9 GJ/t
AMMONIA_LHV_MWH_PER_T = 5.1667   # 18.6 GJ/t
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
    commissioned: int | None = Field(None, ge=1900, le=2100)  # renewables: the year it came into operation (RFNBO additionality)

    @model_validator(mode="after")
    def _bounds(self):
        if self.max_mw is not None and self.max_mw < self.min_mw:
            raise ValueError(f"max_mw {self.max_mw} is below min_mw {self.min_mw}")
        if self.max_mwh is not None and self.max_mwh < self.min_mwh:
            raise ValueError(f"max_mwh {self.max_mwh} is below min_mwh {self.min_mwh}")
        return self

    def fixed_size(self) -> float:
        return self.mwh if self.mwh is not None else (self.mw or 0.0)

    @property
    def present(self) -> bool:
        return self.extendable or self.fixed_size() > 0


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
    biomass_eur_per_mwh: float = Field(17.3312, ge=0, le=MAX_EUR_PER_UNIT)  # fuel; JRC ENSPRESO forest-residue wood chips
    co2_eur_per_t: float = Field(0.0, ge=0, le=MAX_EUR_PER_UNIT)
    import_tariff_eur_per_mwh: float = Field(5.0, ge=0, le=MAX_EUR_PER_UNIT)
    export_tariff_eur_per_mwh: float = Field(0.5, ge=0, le=MAX_EUR_PER_UNIT)
    shortfall_eur_per_mwh: float = Field(10_000.0, gt=0, le=1e7)


class Emissions(_Strict):
    """Grid import is charged `grid_hourly` (an hourly declaration, g/kWh, of `grid_hourly_year` laid on
    the weather year) when given, else the flat `grid_import_t_per_mwh`."""

    grid_import_t_per_mwh: float = Field(0.244, ge=0, le=5)
    gas_t_per_mwh: float = Field(0.204, ge=0, le=5)
    grid_hourly: str | None = None          # builtin:dk1_co2_declaration_hourly_2022_2023.csv or a path
    grid_hourly_year: int | None = Field(None, ge=1900, le=2100)

    @model_validator(mode="after")
    def _year(self):
        if self.grid_hourly and self.grid_hourly_year is None:
            raise ValueError("grid_hourly needs grid_hourly_year (the declared year laid on the weather year)")
        return self


class Rfnbo(_Strict):
    """Renewable hydrogen under Delegated Regulation (EU) 2023/1184 (see core/rfnbo.py)."""

    rule: Literal["none", "monthly", "hourly"] = "none"
    year: int = Field(2030, ge=2020, le=2100)                       # the year the hydrogen is made
    electrolyser_commissioned: int = Field(2030, ge=2000, le=2100)
    low_price_eur_per_mwh: float = Field(20.0, ge=0, le=MAX_EUR_PER_UNIT)   # Art. 6: ≤ 20 EUR/MWh counts as matched
    ets_price_eur_per_t: float = Field(0.0, ge=0, le=MAX_EUR_PER_UNIT)      # Art. 6: or < 0.36 × the allowance price
    zone_renewable_share: float | None = Field(None, ge=0, le=1)            # Art. 4(1): > 90 % → grid power is renewable
    zone_emission_g_co2e_per_mj: float | None = Field(None, ge=0, le=1000)  # Art. 4(2): < 18 → no additionality needed


class HeatArea(_Strict):
    """One district-heating system with its own demand and supply (all MW are heat output)."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = ""
    demand_mwh_per_year: float = Field(ge=0, le=MAX_MWH_PER_YEAR)
    profile: str = "seasonal"                       # seasonal | flat | FILE.csv:column
    surplus_heat_mw: float = Field(0.0, ge=0, le=MAX_MW)   # industrial surplus heat, taken every hour
    waste_heat_mw: float = Field(0.0, ge=0, le=MAX_MW)     # waste incineration, runs every hour
    biomass: Capacity = Capacity(mw=0.0)            # wood chips / straw boilers or the heat side of a biomass CHP
    boiler: Capacity = Capacity(mw=0.0)             # natural gas
    heat_pump: Capacity = Capacity(mw=0.0)
    heat_store: Capacity = Capacity(mwh=0.0)
    electrolyser_heat: bool = False                 # the electrolyser's waste heat goes to this area

    @property
    def coupled(self) -> bool:
        """Tied to electricity or to other hours: then it must be optimised with the rest."""
        return self.electrolyser_heat or self.heat_pump.present or self.heat_store.present


class Efficiencies(_Strict):
    electrolyser_h2: float = Field(0.622, gt=0, le=1)
    electrolyser_heat: float = Field(0.223, ge=0, le=1)
    heat_pump_cop: float = Field(3.2, gt=0, le=10)
    boiler: float = Field(1.04, gt=0, le=1.2)
    battery_one_way: float = Field(0.98, gt=0, le=1)
    smr_gas_per_h2: float = Field(1.483, ge=1, le=10)
    biomass_heat: float = Field(1.0, gt=0, le=1.2)   # heat per MWh of biomass fuel
    # Heat-pump COP by hour from a source-temperature series (FILE.csv:column, °C, as long as the weather
    # year); without it the COP is heat_pump_cop in every hour.
    heat_pump_source_temperature: str | None = None
    heat_pump_reference_source_c: float = Field(10.0, ge=-40, le=60)   # the source temperature at which COP = heat_pump_cop
    district_heat_supply_c: float = Field(80.0, ge=30, le=150)        # forward temperature the heat pump lifts to

    @model_validator(mode="after")
    def _energy(self):
        if self.electrolyser_h2 + self.electrolyser_heat > 1:
            raise ValueError("electrolyser_h2 + electrolyser_heat must not exceed 1")
        return self


class Downstream(_Strict):
    """Methanol and ammonia made from the region's hydrogen (optional steps, DEA technology data).

    Methanol: 1.138 MWh hydrogen, 0.271 MWh electricity and 0.248 t CO2 per MWh methanol; the CO2
    is biogenic, from biogas upgrading, up to `biogenic_co2_t_per_h`. Ammonia: 1.1484 MWh hydrogen
    and 0.2872 MWh electricity (synthesis and air separation) per MWh ammonia. Plants are sized by
    their output (MW of methanol or ammonia, lower heating value).
    """

    methanol_t_per_day: float = Field(0.0, ge=0, le=1e5)
    ammonia_t_per_day: float = Field(0.0, ge=0, le=1e5)
    methanol_plant: Capacity = Capacity(mw=0.0)
    ammonia_plant: Capacity = Capacity(mw=0.0)
    biogenic_co2_t_per_h: float = Field(0.0, ge=0, le=1e5)
    biogenic_co2_eur_per_t: float = Field(0.0, ge=0, le=MAX_EUR_PER_UNIT)
    methanol_h2_per_output: float = Field(1.138, ge=1, le=5)
    methanol_el_per_output: float = Field(0.271, ge=0, le=5)
    methanol_co2_t_per_mwh: float = Field(0.248, ge=0, le=5)
    ammonia_h2_per_output: float = Field(1.1484, ge=1, le=5)
    ammonia_el_per_output: float = Field(0.2872, ge=0, le=5)

    @property
    def methanol_mw(self) -> float:
        return self.methanol_t_per_day * METHANOL_LHV_MWH_PER_T / 24

    @property
    def ammonia_mw(self) -> float:
        return self.ammonia_t_per_day * AMMONIA_LHV_MWH_PER_T / 24


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
    heat_areas: list[HeatArea] | None = None
    rfnbo: Rfnbo = Rfnbo()
    co2_limit_t: float | None = Field(None, ge=0, le=1e9)  # a cap on the run's emissions (PyPSA global constraint)
    downstream: Downstream = Downstream()

    @field_validator("rfnbo", mode="before")
    @classmethod
    def _rule_alone(cls, value):
        """`rfnbo: hourly` is short for `rfnbo: {rule: hourly}`."""
        return {"rule": value} if isinstance(value, str) else value

    @field_validator("heat_areas")
    @classmethod
    def _areas(cls, areas):
        if areas is None:
            return areas
        keys = [a.key for a in areas]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"heat area {', '.join(twice)} is given twice")
        if sum(a.electrolyser_heat for a in areas) > 1:
            raise ValueError("the electrolyser's heat can go to one heat area only")
        return areas

    @model_validator(mode="after")
    def _one_heat_model(self):
        if self.heat_areas is not None:
            regional = [t for t in ("heat_pump", "heat_store", "boiler") if t in self.capacities]
            if regional or self.demand.district_heat_mwh_per_year:
                raise ValueError("with heat_areas, give district-heat demand and capacities per area, not in "
                                 f"demand/capacities ({', '.join(regional) or 'demand.district_heat_mwh_per_year'})")
        return self

    def areas(self) -> list[HeatArea]:
        """The heat areas; without `heat_areas` one regional area from the demand and capacities."""
        if self.heat_areas is not None:
            return list(self.heat_areas)
        return [HeatArea(key="region", name="region", demand_mwh_per_year=self.demand.district_heat_mwh_per_year,
                         profile=self.demand.district_heat_profile, boiler=self.capacity("boiler"),
                         heat_pump=self.capacity("heat_pump"), heat_store=self.capacity("heat_store"),
                         electrolyser_heat=True)]

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
        found = [t for t, c in self.capacities.items() if c.extendable]
        for area in self.heat_areas or []:
            found += [f"{area.key}.{t}" for t in ("biomass", "boiler", "heat_pump", "heat_store")
                      if getattr(area, t).extendable]
        return found
