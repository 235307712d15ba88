"""Plain data of the energy domain: factors, activity, emission lines, targets and measures."""

from __future__ import annotations

from dataclasses import dataclass

# The sectors of the municipal energy and CO2 account (GPC-style) and the DK2020 group each
# belongs to (DK2020 plans report energy, transport, industry, agriculture and waste).
SECTOR_GROUP = {
    "electricity": "energy",
    "individual_heating": "energy",
    "district_heating": "energy",
    "transport": "transport",
    "industry": "industry",
    "agriculture": "agriculture",
    "waste": "waste",
}
SECTORS = tuple(SECTOR_GROUP)
GROUPS = ("energy", "transport", "industry", "agriculture", "waste")

# Energy carriers an activity row may name. "direct_co2e" is for emissions already measured in
# CO2 equivalents (e.g. methane and nitrous oxide from livestock and soils, landfill gas).
CARRIERS = (
    "electricity", "district_heat", "natural_gas", "gas_oil", "fuel_oil", "petrol", "diesel",
    "biomass", "biogas", "direct_co2e",
)

REGION = "region"  # the code used for the whole region in results


@dataclass(frozen=True)
class EmissionFactor:
    carrier: str
    year: int | None  # None: valid for every year
    value: float
    unit: str
    source: str
    illustrative: bool = False
    municipality_code: str = ""  # '': every municipality (district heat differs by heat area)


@dataclass(frozen=True)
class FactorTable:
    """A named, versioned set of emission factors (one per carrier and year)."""

    name: str
    version: str
    factors: tuple[EmissionFactor, ...]
    description: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class Activity:
    municipality_code: str
    year: int
    sector: str
    carrier: str
    quantity: float
    unit: str
    source: str = ""
    is_demo: bool = False


@dataclass(frozen=True)
class EmissionLine:
    """One activity row turned into emissions, with the factor that was used."""

    municipality_code: str
    year: int
    sector: str
    carrier: str
    quantity: float
    unit: str
    co2e_t: float
    factor_value: float
    factor_unit: str
    factor_year: int | None
    factor_source: str
    factor_illustrative: bool
    is_demo: bool
    factor_municipality: str = ""  # the factor holds for this municipality only ('' = every one)


@dataclass(frozen=True)
class Target:
    municipality_code: str
    base_year: int
    base_co2e_t: float | None
    target_year: int
    reduction_pct: float
    source: str = ""
    is_demo: bool = False


@dataclass(frozen=True)
class PoliticalTarget:
    """A national target that is political (government platform, bill, agreement), not yet law.

    Shown beside the Climate Act's targets, never instead of them; same base year (1990)."""

    year: int
    reduction_pct: float  # may exceed 100: net-negative emissions
    status: str
    source: str


@dataclass(frozen=True)
class Measure:
    key: str
    municipality_code: str
    name: str
    sector: str
    reduction_co2e_t_per_year: float
    start_year: int
    ramp_years: int
    cost_dkk_per_year: float
    source: str = ""
    is_demo: bool = False

    @property
    def cost_dkk_per_t(self) -> float:
        """Marginal abatement cost: annualised net cost per tonne reduced at full effect."""
        return self.cost_dkk_per_year / self.reduction_co2e_t_per_year
