"""The Danish socio-economic CBA (Transportministeriets manual, TERESA conventions), vectorised.

Pure functions: a Project and a ParameterSet in, yearly flows and a CbaResult out. The flows are
kept as separate building blocks (construction, O&M, each benefit before traffic growth, public
revenue) so that the Monte Carlo in risk.py evaluates thousands of draws with the same algebra as
the deterministic CBA here (`npv_draws`), and the two can never drift apart.

Conventions (stated in docs/infrastructure.md):
- all amounts in fixed prices of the parameter set's price year; project money is moved there
  with the parameter set's price index;
- construction and O&M are given in factor prices and multiplied by the net tax factor (market
  prices); benefits are market prices already;
- the horizon runs from the base year (default: the first construction year) to the last of
  `operation_years` years of operation counted from the opening year;
- traffic-driven amounts grow by (1 + g)^(year − opening year);
- the residual value of the investment in the last year is its market-price cost times the
  share of the lifetime not yet used (linear depreciation), counted as a negative cost;
- tax distortion in a year = (factor − 1) × net public expenditure in factor prices
  (public share of construction, reinvestments and O&M, minus public revenue, fares and the
  change in fuel- and vehicle-tax revenue);
- construction amounts are the budget with its correction reserve (reserve.cost_split); risk
  draws overruns on the base estimate;
- the Ministry of Transport's manual items that trekant added in 2026 (issue 14): the change in
  fuel- and vehicle-tax revenue, the labour-supply effect of commuting time, construction-phase
  disturbances and reinvestments. An item whose unit value the parameter set lacks is left out
  with a warning (a user's older parameter set still runs).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import brentq

from trekant.errors import Issue
from trekant.infrastructure.discount import factors_for_offsets
from trekant.infrastructure.model import CbaResult, IrrResult, ParameterSet, Project, UnitValue
from trekant.infrastructure.reserve import cost_split


@dataclass(frozen=True)
class BenefitItem:
    """A monetised item: sign × a project quantity × a unit value of the parameter set, in every
    operating year (phase "operation") or every construction year (phase "construction").

    optional: an older parameter set without this unit value leaves the item out (with a warning).
    public_revenue: the item is a change in the state's revenue, so it also enters net public
    expenditure (the base of the tax distortion).
    """

    key: str
    quantity: str
    unit_value: str
    is_time: bool = False
    sign: float = 1.0
    phase: str = "operation"
    optional: bool = False
    public_revenue: bool = False


ITEMS: tuple[BenefitItem, ...] = (
    BenefitItem("travel_time_commuting", "travel_time_commuting_h", "value_of_time_commuting_dkk_per_h", True),
    BenefitItem("travel_time_business", "travel_time_business_h", "value_of_time_business_dkk_per_h", True),
    BenefitItem("travel_time_leisure", "travel_time_leisure_h", "value_of_time_leisure_dkk_per_h", True),
    BenefitItem("freight_time", "freight_time_h", "value_of_time_freight_dkk_per_h", True),
    BenefitItem("vehicle_operating_costs", "vehicle_km_saved", "vehicle_operating_cost_dkk_per_vkm"),
    BenefitItem("accidents", "injury_accidents_avoided", "accident_cost_dkk_per_injury_accident"),
    BenefitItem("noise", "noise_dwellings_relieved", "noise_cost_dkk_per_dwelling_year"),
    BenefitItem("air_pollution", "vehicle_km_saved", "air_pollution_dkk_per_vkm"),
    BenefitItem("co2", "co2e_t_saved", "co2_shadow_price_dkk_per_t"),
    # Added with issue 14 (the manual's items trekant lacked); unit values illustrative until sourced.
    BenefitItem("fuel_vehicle_tax", "vehicle_km_saved", "fuel_vehicle_tax_dkk_per_vkm", sign=-1.0, optional=True,
                public_revenue=True),
    BenefitItem("labour_supply", "travel_time_commuting_h", "labour_supply_dkk_per_commuting_h", optional=True),
    BenefitItem("construction_disturbance", "construction_delay_h", "value_of_time_construction_delay_dkk_per_h",
                sign=-1.0, phase="construction", optional=True),
)
QUANTITIES = tuple(dict.fromkeys(item.quantity for item in ITEMS))
# Plausibility bounds: beyond these a figure is a typo (or a unit error), not a project.
MAX_COST_DKK = 1e13  # 10,000 billion DKK in one year
MAX_QUANTITY = 1e12
MAX_YEARS_BEFORE_CONSTRUCTION = 100  # a base year further back is a typo (e.g. -5 or 202)
COST_ITEMS = ("construction", "operation_maintenance", "reinvestment", "residual_value", "tax_distortion", "fuel_vehicle_tax")


@dataclass(frozen=True)
class Flows:
    """Yearly building blocks of one project's CBA, before risk multipliers and traffic growth."""

    project: str
    params: str
    price_year: int
    base_year: int
    opening_year: int
    years: np.ndarray  # calendar years base..last
    factors: np.ndarray  # d(t) for each year
    growth_exponent: np.ndarray  # year − opening year while operating, else 0
    operating: np.ndarray  # bool
    construction_dkk: np.ndarray  # factor prices, the budget with its reserve
    om_dkk: np.ndarray  # factor prices
    benefits_dkk: dict[str, np.ndarray]  # market prices, before traffic growth (signed)
    revenue_dkk: np.ndarray  # public revenue (fares, tolls) before traffic growth
    residual_share: float
    net_tax_factor: float
    tax_distortion_factor: float
    public_share: float
    traffic_growth: float
    reinvestment_dkk: np.ndarray | None = None  # factor prices
    reinvestment_residual_dkk: float = 0.0  # factor prices, what is left of reinvestments in the last year
    item_quantity: dict[str, str] | None = None  # item key → the project quantity it scales with
    quantities: dict[str, float] | None = None  # the project's central quantities
    overrun_on_budget: float = 1.0  # base estimate ÷ budget: a drawn overrun of the base, on the budget amounts
    warnings: tuple[str, ...] = ()

    @property
    def time_items(self) -> tuple[str, ...]:
        return tuple(i.key for i in ITEMS if i.is_time and i.key in self.benefits_dkk)

    @property
    def public_revenue_items(self) -> tuple[str, ...]:
        return tuple(i.key for i in ITEMS if i.public_revenue and i.key in self.benefits_dkk)

    @property
    def reinvestments(self) -> np.ndarray:
        return self.reinvestment_dkk if self.reinvestment_dkk is not None else np.zeros_like(self.factors)

    @property
    def last_year(self) -> int:
        return int(self.years[-1])


def _issue(field: str, message: str, where: str = "project") -> Issue:
    return Issue("error", "invalid-cba-input", "cba", where, message, field)


def check_project(project: Project) -> list[Issue]:
    """Every reason the project's own inputs cannot be appraised, each naming the field."""
    issues: list[Issue] = []
    where = f"project {project.key}"
    if not project.construction_dkk:
        issues.append(_issue("costs.construction_dkk", "no construction cost given", where))
    for year, amount in project.construction_dkk.items():
        if not np.isfinite(amount) or amount < 0:
            issues.append(_issue(f"costs.construction_dkk.{year}", f"construction cost must be a non-negative number, got {amount}", where))
        elif amount > MAX_COST_DKK:
            issues.append(_issue(f"costs.construction_dkk.{year}", f"construction cost {amount:.3g} DKK is implausibly large (over {MAX_COST_DKK:.0e})", where))
    for name, quantity in project.quantities.items():
        if not np.isfinite(quantity) or abs(quantity) > MAX_QUANTITY:
            issues.append(_issue(f"effects.quantities.{name}", f"quantity {quantity:.3g} is not a plausible yearly amount", where))
    if project.construction_dkk and sum(project.construction_dkk.values()) <= 0:
        issues.append(_issue("costs.construction_dkk", "total construction cost is zero", where))
    if not np.isfinite(project.om_dkk_per_year) or not 0 <= project.om_dkk_per_year <= MAX_COST_DKK:
        issues.append(_issue("costs.om_dkk_per_year", f"operation and maintenance cost must not be negative, got {project.om_dkk_per_year}", where))
    late = sorted(y for y in project.construction_dkk if y >= project.opening_year)
    if late:
        issues.append(_issue("opening_year", f"opening year {project.opening_year} is not after construction (construction in {late[0]})", where))
    if project.lifetime_years <= 0:
        issues.append(_issue("lifetime_years", "asset lifetime must be at least one year", where))
    for i, r in enumerate(project.reinvestments):
        if not np.isfinite(r.amount_dkk) or not 0 <= r.amount_dkk <= MAX_COST_DKK:
            issues.append(_issue(f"costs.reinvestments.{i}.amount_dkk", f"a reinvestment must be a non-negative amount, got {r.amount_dkk}", where))
        if r.year < project.opening_year:
            issues.append(_issue(f"costs.reinvestments.{i}.year", f"reinvestment year {r.year} is before the opening year {project.opening_year}", where))
    for name, (low, high) in project.quantity_ranges.items():
        central = project.quantities.get(name, 0.0)
        if not (np.isfinite(low) and np.isfinite(high)) or not low < high:
            issues.append(_issue(f"effects.quantity_ranges.{name}", f"a range needs low < high, got {low}, {high}", where))
        elif not low <= central <= high:
            issues.append(_issue(f"effects.quantity_ranges.{name}", f"the central quantity {central:g} lies outside its range {low:g}…{high:g}", where))
    return issues


def check_inputs(project: Project, params: ParameterSet, base_year: int | None = None,
                 price_year: int | None = None) -> list[Issue]:
    """check_project plus what the parameter set must provide for this project.

    A base year may lie after construction started (a portfolio's common base year): the earlier
    amounts are carried forward to it (discount.factors_for_offsets). It may not lie more than
    MAX_YEARS_BEFORE_CONSTRUCTION years before construction, nor after the opening year.
    """
    issues = check_project(project)
    where = f"project {project.key}"
    first = min(project.construction_dkk, default=None)
    if base_year is not None and first is not None and base_year < first - MAX_YEARS_BEFORE_CONSTRUCTION:
        issues.append(_issue("base_year", f"base year {base_year} is more than {MAX_YEARS_BEFORE_CONSTRUCTION} years "
                                          f"before the first construction year {first}", where))
    elif base_year is not None and base_year > project.opening_year:
        issues.append(_issue("base_year", f"base year {base_year} is after the opening year {project.opening_year}", where))
    target = price_year if price_year is not None else params.price_year
    conversions = [(project.price_year, "costs.price_year"), (target, "price_year")] if project.price_year != target else []
    if target != params.price_year:
        conversions += [(target, "price_year"), (params.price_year, "params.price_year")]
    known = f"({min(params.price_index, default='-')}–{max(params.price_index, default='-')})"
    first_field: dict[int, str] = {}
    for year, field in conversions:
        first_field.setdefault(year, field)
    for year, field in first_field.items():
        if year not in params.price_index:
            issues.append(_issue(field, f"price year {year} is not in the price index of parameter set {params.name!r} {known}", where))
    for item in ITEMS:
        if project.quantities.get(item.quantity, 0.0) and item.unit_value not in params.unit_values and not item.optional:
            issues.append(_issue(f"unit_values.{item.unit_value}", f"parameter set {params.name!r} has no unit value for {item.key}", f"parameter set {params.name}"))
    return issues


def price_factor(project: Project, params: ParameterSet, price_year: int | None = None) -> float:
    """Multiplier from the project's price year to the reporting price year (default: the set's)."""
    target = price_year if price_year is not None else params.price_year
    if project.price_year == target:
        return 1.0
    return params.price_index[target] / params.price_index[project.price_year]


def unit_value_factor(params: ParameterSet, price_year: int | None = None) -> float:
    """Multiplier moving the set's unit values (prices of its price year) to the reporting price year."""
    if price_year is None or price_year == params.price_year:
        return 1.0
    return params.price_index[price_year] / params.price_index[params.price_year]


def unit_value_by_year(params: ParameterSet, key: str, years: np.ndarray, uv: UnitValue | None = None) -> np.ndarray:
    """A unit value for each year: a path (interpolated, flat beyond its ends) or value × real growth."""
    uv = uv if uv is not None else params.unit_values[key]
    if uv.path:
        path_years = np.array(sorted(uv.path), dtype=float)
        return np.interp(years, path_years, [uv.path[int(y)] for y in path_years])
    return uv.value * (1.0 + uv.real_growth_per_year) ** (years - params.price_year)


def build_flows(project: Project, params: ParameterSet, base_year: int | None = None,
                price_year: int | None = None) -> Flows:
    """The yearly building blocks; call check_inputs first (this assumes valid inputs)."""
    first_construction = min(project.construction_dkk)
    base = base_year if base_year is not None else first_construction
    start = min(base, first_construction)
    last = project.opening_year + params.operation_years - 1
    years = np.arange(start, last + 1)
    operating = years >= project.opening_year
    split = cost_split(project)
    prices = price_factor(project, params, price_year)
    values = unit_value_factor(params, price_year)
    construction = np.array([project.construction_dkk.get(int(y), 0.0) for y in years]) * prices * split.budget_factor
    building = np.array([project.construction_dkk.get(int(y), 0.0) > 0 for y in years])
    om = np.where(operating, project.om_dkk_per_year * prices, 0.0)
    reinvest = np.zeros(len(years))
    reinvest_left = 0.0
    for r in project.reinvestments:
        if r.year <= last:
            reinvest[int(r.year - start)] += r.amount_dkk * prices
            reinvest_left += r.amount_dkk * prices * max(0.0, 1.0 - (last - r.year + 1) / r.lifetime_years)
    benefits, item_quantity, warnings = {}, {}, []
    for item in ITEMS:
        quantity = project.quantities.get(item.quantity, 0.0)
        if not quantity:
            continue
        if item.unit_value not in params.unit_values:
            warnings.append(f"{item.key} not valued: parameter set {params.name!r} has no unit value {item.unit_value}")
            continue
        when = operating if item.phase == "operation" else building
        unit = unit_value_by_year(params, item.unit_value, years) * values
        benefits[item.key] = np.where(when, item.sign * quantity * unit, 0.0)
        item_quantity[item.key] = item.quantity
    if project.other_benefits_dkk_per_year:
        benefits["other_benefits"] = np.where(operating, project.other_benefits_dkk_per_year * prices, 0.0)
    if base > first_construction:
        warnings.append(f"base year {base} is after construction started ({first_construction}): earlier amounts are "
                        "carried forward to it at the first band's discount rate")
    used_years = params.operation_years
    return Flows(
        project=project.key, params=params.name, price_year=price_year if price_year is not None else params.price_year,
        base_year=base, opening_year=project.opening_year, years=years,
        factors=factors_for_offsets(params.discount_rates, years - base),
        growth_exponent=np.where(operating, years - project.opening_year, 0),
        operating=operating, construction_dkk=construction, om_dkk=om, benefits_dkk=benefits,
        revenue_dkk=np.where(operating, project.public_revenue_dkk_per_year * prices, 0.0),
        residual_share=max(0.0, 1.0 - used_years / project.lifetime_years),
        net_tax_factor=params.net_tax_factor, tax_distortion_factor=params.tax_distortion_factor,
        public_share=project.public_share, traffic_growth=project.traffic_growth_per_year,
        reinvestment_dkk=reinvest, reinvestment_residual_dkk=reinvest_left, item_quantity=item_quantity,
        quantities=dict(project.quantities), overrun_on_budget=split.overrun_on_budget, warnings=tuple(warnings),
    )


def _growth(flows: Flows, growth: np.ndarray) -> np.ndarray:
    """Traffic growth factors, draws × years; zero-growth years (before opening) stay at 1."""
    return (1.0 + growth[:, None]) ** flows.growth_exponent[None, :]


def npv_draws(flows: Flows, overrun: np.ndarray | float = 1.0, growth: np.ndarray | float | None = None,
              value_of_time: np.ndarray | float = 1.0, co2_price: np.ndarray | float = 1.0,
              quantities: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """NPV (DKK) for each draw of (construction multiplier, traffic growth, value-of-time multiplier,
    CO2e-price multiplier, and drawn project quantities).

    `overrun` multiplies the construction amounts of the flows (the budget); risk.py turns an
    overrun of the base estimate into this multiplier. Linear in every block once the growth
    matrix G (draws × years) is known, so a draw costs one row of G and a few dot products.
    """
    overrun = np.atleast_1d(overrun).astype(float)
    growth = np.atleast_1d(flows.traffic_growth if growth is None else growth).astype(float)
    g = _growth(flows, growth)
    d = flows.factors
    multipliers = {"time": np.atleast_1d(value_of_time).astype(float), "co2": np.atleast_1d(co2_price).astype(float)}
    scales = _quantity_scales(flows, quantities or {})
    # Items sharing a multiplier, a drawn quantity and a revenue role are summed before the one
    # matrix-vector product their group needs (a handful of products, however many items).
    groups: dict[tuple, np.ndarray] = {}
    for key, values in flows.benefits_dkk.items():
        kind = "time" if key in flows.time_items else "co2" if key == "co2" else ""
        group = (kind, (flows.item_quantity or {}).get(key) if key in scales else None, key in flows.public_revenue_items)
        groups[group] = groups.get(group, 0.0) + values * d
    benefits, public_revenue_change = 0.0, 0.0
    for (kind, drawn, revenue), discounted in groups.items():
        pv = g @ discounted
        if kind:
            pv = pv * multipliers[kind]
        if drawn is not None:
            pv = pv * scales[next(k for k, q in flows.item_quantity.items() if q == drawn and k in scales)]
        benefits = benefits + pv
        if revenue:
            public_revenue_change = public_revenue_change + pv
    pv_revenue = g @ (flows.revenue_dkk * d)
    pv_construction = float(flows.construction_dkk @ d)
    pv_om = float(flows.om_dkk @ d)
    pv_reinvest = float(flows.reinvestments @ d)
    pv_residual = flows.residual_share * flows.construction_dkk.sum() * d[-1]
    pv_reinvest_left = flows.reinvestment_residual_dkk * d[-1]
    naf, extra = flows.net_tax_factor, flows.tax_distortion_factor - 1.0
    public = flows.public_share * (overrun * pv_construction + pv_om + pv_reinvest) - pv_revenue - public_revenue_change
    return (benefits - naf * (overrun * (pv_construction - pv_residual) + pv_om + pv_reinvest - pv_reinvest_left)
            - extra * public)


def _quantity_scales(flows: Flows, quantities: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per item: drawn quantity ÷ central quantity (every item a drawn quantity drives)."""
    central = flows.quantities or {}
    scales = {}
    for key, name in (flows.item_quantity or {}).items():
        if name in quantities and central.get(name):
            scales[key] = np.atleast_1d(quantities[name]).astype(float) / central[name]
    return scales


def yearly_items(flows: Flows) -> dict[str, np.ndarray]:
    """Each CBA item per year in market prices, signed (benefits +, costs −), at the central inputs."""
    g = _growth(flows, np.array([flows.traffic_growth]))[0]
    naf = flows.net_tax_factor
    items = {key: values * g for key, values in flows.benefits_dkk.items()}
    items["construction"] = -naf * flows.construction_dkk
    items["operation_maintenance"] = -naf * flows.om_dkk
    if flows.reinvestments.any():
        items["reinvestment"] = -naf * flows.reinvestments
    residual = np.zeros_like(flows.factors)
    residual[-1] = naf * (flows.residual_share * flows.construction_dkk.sum() + flows.reinvestment_residual_dkk)
    items["residual_value"] = residual
    items["tax_distortion"] = -(flows.tax_distortion_factor - 1.0) * public_expenditure(flows)
    return items


def public_expenditure(flows: Flows) -> np.ndarray:
    """Net public expenditure per year in factor prices (the base of tax distortion and NPV/krone):
    the public share of construction, reinvestments and O&M, less fares and the change in tax revenue."""
    g = _growth(flows, np.array([flows.traffic_growth]))[0]
    revenue_change = sum((flows.benefits_dkk[k] * g for k in flows.public_revenue_items), np.zeros_like(flows.factors))
    return (flows.public_share * (flows.construction_dkk + flows.om_dkk + flows.reinvestments)
            - flows.revenue_dkk * g - revenue_change)


IRR_GRID = np.concatenate([np.linspace(-0.95, 0.0, 96)[:-1], np.linspace(0.0, 1.0, 401), [1.5, 2.0, 3.0, 5.0, 10.0]])


def internal_rate_of_return(net_dkk: np.ndarray) -> IrrResult:
    """The constant rate r with Σ net_t / (1 + r)^t = 0, found with brentq on a bracket.

    No sign change of the NPV over −95 %…1000 % means no IRR: reported, not raised.
    """
    if not (net_dkk > 0).any() or not (net_dkk < 0).any():
        kind = "positive or zero" if (net_dkk >= 0).all() else "negative or zero"
        return IrrResult(None, f"IRR does not exist: the net flows are {kind} in every year (no sign change)")
    t = np.arange(len(net_dkk))

    def npv_at(rate: float) -> float:
        return float(net_dkk @ (1.0 + rate) ** -t)

    values = ((1.0 + IRR_GRID[:, None]) ** -t[None, :]) @ net_dkk
    brackets = np.nonzero(np.sign(values[:-1]) * np.sign(values[1:]) <= 0)[0]
    if len(brackets) == 0:
        return IrrResult(None, "IRR does not exist: no discount rate between −95 % and 1000 % makes the NPV zero (no sign change)")
    roots = sorted({round(brentq(npv_at, IRR_GRID[i], IRR_GRID[i + 1], xtol=1e-12), 10) for i in brackets})
    if len(roots) > 1:
        listed = ", ".join(f"{r:.2%}" for r in roots)
        return IrrResult(roots[0], f"several rates make the NPV zero ({listed}); the lowest is reported")
    return IrrResult(roots[0])


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator > 0 else None


def first_year_return(flows: Flows, items: dict[str, np.ndarray]) -> float | None:
    """Net benefit in the opening year ÷ the investment compounded to the opening year."""
    i_open = int(np.nonzero(flows.years == flows.opening_year)[0][0])
    running = sum(v[i_open] for k, v in items.items() if k not in ("construction", "residual_value", "construction_disturbance"))
    carried = flows.factors / flows.factors[i_open]
    investment = float((flows.net_tax_factor * flows.construction_dkk * carried)[:i_open].sum())
    return _ratio(float(running), investment)


def used_illustrative(project: Project, params: ParameterSet, flows: Flows) -> tuple[str, ...]:
    """The illustrative inputs this CBA used: project fields and parameter-set unit values."""
    cba_fields = ("costs", "effects", "opening_year", "lifetime_years")
    flags = [f for f in project.illustrative if f.split(".")[0] in cba_fields]
    for item in ITEMS:
        uv = params.unit_values.get(item.unit_value)
        if item.key in flows.benefits_dkk and uv is not None and uv.illustrative:
            flags.append(f"params.{params.name}.unit_values.{item.unit_value}")
    flags += [f"params.{params.name}.{name} (unverified)" for name in params.unverified]
    return tuple(dict.fromkeys(flags))


def run_cba(project: Project, params: ParameterSet, base_year: int | None = None,
            price_year: int | None = None) -> CbaResult:
    """The full CBA of one project (inputs must have passed check_inputs)."""
    flows = build_flows(project, params, base_year, price_year)
    items = yearly_items(flows)
    d = flows.factors
    pv = {key: float(values @ d) for key, values in items.items()}
    benefit_keys = [k for k in pv if k not in COST_ITEMS]
    pv_benefits = sum(pv[k] for k in benefit_keys)
    pv_costs = -sum(pv.get(k, 0.0) for k in COST_ITEMS)
    npv = pv_benefits - pv_costs
    net = sum(items.values())
    warnings = list(flows.warnings)
    if flows.residual_share == 0.0:
        warnings.append("lifetime not longer than the operation period: no residual value")
    split = cost_split(project)
    total = float(sum(project.construction_dkk.values())) * price_factor(project, params, price_year)
    return CbaResult(
        project=project.key, params=params.name, base_year=flows.base_year, price_year=flows.price_year,
        first_year=int(flows.years[0]), last_year=flows.last_year, costs=split.to_dict(total), npv_dkk=npv, pv_benefits_dkk=pv_benefits,
        pv_costs_dkk=pv_costs, irr=internal_rate_of_return(net), bc_ratio=_ratio(pv_benefits, pv_costs),
        npv_per_public_dkk=_ratio(npv, float(public_expenditure(flows) @ d)),
        first_year_return=first_year_return(flows, items), pv_items_dkk=pv,
        illustrative_inputs=used_illustrative(project, params, flows), warnings=tuple(warnings),
    )


CO2_UNIT_VALUE = "co2_shadow_price_dkk_per_t"


def describe_unit_value(uv: UnitValue) -> str:
    """'1000 (2022) … 2000 (2050)' for a path, '350' for a constant (for tables)."""
    if uv.path:
        years = sorted(uv.path)
        return " → ".join(f"{uv.path[y]:g} ({y})" for y in (years[0], years[-1])) if len(years) > 1 else f"{uv.path[years[0]]:g}"
    return f"{uv.value:g}" + (f" (+{uv.real_growth_per_year:.1%}/yr)" if uv.real_growth_per_year else "")


def co2_sensitivity(project: Project, params: ParameterSet, base_year: int | None = None, price_year: int | None = None,
                    extra_prices_dkk_per_t: tuple[float, ...] = ()) -> dict:
    """The CBA again at every alternative CO2e price (FM 2023: a sensitivity at alternative CO2e
    prices for every project with climate effects): the parameter set's `co2_alternatives` and any
    constant prices given, each replacing the shadow-price path; everything else unchanged."""
    alternatives = {"central": params.unit_values.get(CO2_UNIT_VALUE)} | dict(params.co2_alternatives)
    alternatives |= {f"flat_{p:g}": UnitValue(CO2_UNIT_VALUE, "DKK per tonne CO2e", float(p)) for p in extra_prices_dkk_per_t}
    rows = []
    for name, uv in alternatives.items():
        if uv is None:
            continue
        varied = replace(params, unit_values=params.unit_values | {CO2_UNIT_VALUE: replace(uv, key=CO2_UNIT_VALUE)})
        result = run_cba(project, varied, base_year, price_year)
        rows.append({"name": name, "price_dkk_per_t": describe_unit_value(uv), "illustrative": uv.illustrative,
                     "source": uv.source, "pv_co2_dkk": result.pv_items_dkk.get("co2", 0.0), "npv_dkk": result.npv_dkk,
                     "bc_ratio": result.bc_ratio})
    co2e = project.quantities.get("co2e_t_saved", 0.0)
    note = ("" if co2e else "the project states no CO2e effect (effects.quantities.co2e_t_saved): "
            "the NPV does not depend on the CO2e price")
    return {"project": project.key, "params": params.name, "co2e_t_saved_per_year": co2e, "alternatives": rows, "note": note}
