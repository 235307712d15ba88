"""District heating as supplied: heat areas, their supply mix, and the emission factor that follows.

A heat area is one district-heating system (a transmission company shared by several
municipalities, or a local system). Its emission factor is the supply-weighted mean of the
per-source factors (kg CO2 per MWh heat delivered):

    factor(area) = Σ_sources share × factor(source) ÷ Σ share

so an area on surplus heat and biomass has a low factor, an area on natural-gas boilers a high one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HeatSupply:
    source: str           # kind of supply: industrial_surplus_heat, waste_incineration, biomass_chp, gas_boiler, …
    name: str
    share: float          # of heat delivered
    illustrative: bool = False


@dataclass(frozen=True)
class SourceFactor:
    value_kg_per_mwh: float
    source: str
    illustrative: bool = False


@dataclass(frozen=True)
class HeatArea:
    key: str
    name: str
    company: str
    municipalities: tuple[str, ...]
    description: str
    supply: tuple[HeatSupply, ...]
    demand_mwh_per_year: float
    demand_illustrative: bool
    sources: tuple[str, ...]

    @property
    def illustrative(self) -> bool:
        return self.demand_illustrative or any(s.illustrative for s in self.supply)


def area_factor_kg_per_mwh(area: HeatArea, factors: dict[str, SourceFactor]) -> float:
    total = sum(s.share for s in area.supply)
    return sum(s.share * factors[s.source].value_kg_per_mwh for s in area.supply) / total


def factor_is_illustrative(area: HeatArea, factors: dict[str, SourceFactor]) -> bool:
    """True when any share or any per-source factor that weighs in is only illustrative."""
    return any(s.illustrative or (factors[s.source].illustrative and factors[s.source].value_kg_per_mwh and s.share)
               for s in area.supply)


def area_of(areas: tuple[HeatArea, ...], municipality: str) -> HeatArea | None:
    return next((a for a in areas if municipality in a.municipalities), None)


def describe(area: HeatArea, factors: dict[str, SourceFactor]) -> dict:
    """A plain dict of the area for the CLI, the web and reports."""
    return dict(key=area.key, name=area.name, company=area.company, municipalities=list(area.municipalities),
                description=area.description,
                supply=[dict(source=s.source, name=s.name, share=s.share, illustrative=s.illustrative,
                             factor_kg_per_mwh=factors[s.source].value_kg_per_mwh) for s in area.supply],
                demand_mwh_per_year=area.demand_mwh_per_year, demand_illustrative=area.demand_illustrative,
                factor_kg_co2_per_mwh=round(area_factor_kg_per_mwh(area, factors), 2),
                factor_illustrative=factor_is_illustrative(area, factors), sources=list(area.sources))
