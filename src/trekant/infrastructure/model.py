"""The records of the infrastructure domain: projects, parameter sets and CBA results.

Money in a Project is in fixed prices of `price_year`; construction and operation costs are in
factor prices (what the state pays), benefits in market prices, as the Ministry of Transport's
manual asks. Anything not published is listed in `illustrative` (dotted field paths), so every
output that uses it can say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

MODES = ("road", "rail", "bridge", "port", "airport", "cycling")
# Life cycle of a project, from an idea to an open piece of infrastructure (or shelved).
STATUSES = ("idea", "studied", "decided", "funded", "under_construction", "opened", "shelved")
# Statuses that count as "funded" for the strategy KPI: money is committed or it is built.
FUNDED_STATUSES = ("funded", "decided", "under_construction", "opened")


@dataclass(frozen=True)
class Source:
    """A document a figure comes from, and which fields it supports."""

    id: int
    title: str
    publisher: str
    year: int | None  # None: the document carries no date
    url: str = ""
    supports: tuple[str, ...] = ()

    def label(self) -> str:
        year = self.year if self.year is not None else "n.d."
        return f"{self.publisher} ({year}): {self.title}"


@dataclass(frozen=True)
class PublishedResult:
    """A result an official study published (e.g. the IRR of an environmental assessment)."""

    value: float
    year: int
    source: int
    note: str = ""


# What the construction amounts of a project file are (Ny Anlægsbudgettering): the budget that
# already holds the correction reserve, the base estimate before it, or not said.
COST_BASES = ("budget_with_reserve", "base_estimate", "unstated")


@dataclass(frozen=True)
class Reinvestment:
    """A reinvestment within the appraisal period (factor prices of the project's price year)."""

    year: int
    amount_dkk: float
    lifetime_years: int


@dataclass(frozen=True)
class Project:
    """One infrastructure project of the portfolio, with the inputs its CBA needs."""

    key: str
    name: str
    mode: str
    status: str
    municipalities: tuple[str, ...]
    price_year: int
    construction_dkk: dict[int, float]  # factor prices, by calendar year
    opening_year: int
    lifetime_years: int
    om_dkk_per_year: float = 0.0  # change in operation and maintenance, factor prices
    public_share: float = 1.0  # share of construction and O&M paid by the public sector
    traffic_growth_per_year: float = 0.0
    quantities: dict[str, float] = field(default_factory=dict)  # opening-year quantities
    other_benefits_dkk_per_year: float = 0.0  # market prices, opening year, grows with traffic
    public_revenue_dkk_per_year: float = 0.0  # fares/tolls to the state, opening year
    geometry: BaseGeometry | None = None  # EPSG:25832
    name_en: str = ""
    facts: dict[str, float | str] = field(default_factory=dict)
    published: dict[str, PublishedResult] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    illustrative: tuple[str, ...] = ()
    criteria: dict[str, float] = field(default_factory=dict)  # non-monetised scores 1-5
    notes: str = ""
    cost_basis: str = "unstated"  # one of COST_BASES
    reserve_share: float | None = None  # correction reserve as a share of the base estimate
    budget_phase: int | None = None  # Ny Anlægsbudgettering phase (1: pre-study, 2: EIA / decision basis)
    reinvestments: tuple[Reinvestment, ...] = ()
    quantity_ranges: dict[str, tuple[float, float]] = field(default_factory=dict)  # published (low, high)

    def is_illustrative(self, path: str) -> bool:
        """True when `path` or a parent of it (or a child of it) is flagged illustrative."""
        return any(path == f or path.startswith(f + ".") or f.startswith(path + ".") for f in self.illustrative)


@dataclass(frozen=True)
class RateBand:
    """Discount rate `rate` for years from_year..to_year (to_year None: for ever)."""

    from_year: int
    to_year: int | None
    rate: float


@dataclass(frozen=True)
class UnitValue:
    """A unit value of the parameter set: a constant with real growth, or a path by year."""

    key: str
    unit: str
    value: float = 0.0
    real_growth_per_year: float = 0.0
    path: dict[int, float] = field(default_factory=dict)
    illustrative: bool = False
    source: int | None = None
    catalogue_entry: str = ""  # where in Transportøkonomiske Enhedspriser the value comes from


@dataclass(frozen=True)
class ParameterSet:
    """A named, sourced set of calculation parameters (discounting, tax factors, unit values)."""

    name: str
    title: str
    price_year: int
    discount_rates: tuple[RateBand, ...]
    net_tax_factor: float
    tax_distortion_factor: float
    operation_years: int = 50
    price_index: dict[int, float] = field(default_factory=dict)
    price_index_source: int | None = None
    unit_values: dict[str, UnitValue] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    unverified: tuple[str, ...] = ()  # published-looking values not checked against their source
    path: str = ""
    co2_alternatives: dict[str, UnitValue] = field(default_factory=dict)  # FM 2023: sensitivity at other CO2e prices


@dataclass(frozen=True)
class IrrResult:
    """The internal rate of return, or why it does not exist."""

    value: float | None
    note: str = ""


@dataclass(frozen=True)
class CbaResult:
    """What the Danish CBA reports for one project under one parameter set."""

    project: str
    params: str
    base_year: int
    price_year: int
    first_year: int
    last_year: int
    npv_dkk: float
    pv_benefits_dkk: float
    pv_costs_dkk: float
    irr: IrrResult
    bc_ratio: float | None
    npv_per_public_dkk: float | None
    first_year_return: float | None
    pv_items_dkk: dict[str, float]
    illustrative_inputs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    costs: dict = field(default_factory=dict)  # cost basis, reserve, base estimate and budget (see cba.cost_split)

    @property
    def illustrative(self) -> bool:
        return bool(self.illustrative_inputs)

    def to_dict(self) -> dict:
        """JSON shape of the result (English keys; amounts in DKK, rates as fractions)."""
        return {
            "project": self.project, "params": self.params, "base_year": self.base_year,
            "price_year": self.price_year, "first_year": self.first_year, "last_year": self.last_year,
            "npv_dkk": self.npv_dkk, "pv_benefits_dkk": self.pv_benefits_dkk, "pv_costs_dkk": self.pv_costs_dkk,
            "irr": self.irr.value, "irr_note": self.irr.note, "bc_ratio": self.bc_ratio,
            "npv_per_public_dkk": self.npv_per_public_dkk, "first_year_return": self.first_year_return,
            "pv_items_dkk": dict(self.pv_items_dkk), "illustrative": self.illustrative,
            "illustrative_inputs": list(self.illustrative_inputs), "warnings": list(self.warnings),
            "costs": dict(self.costs),
        }
