"""Issue 14 on hand-built projects: the CO2e-price sensitivity, reserve-aware cost risk, the manual's
added items (tax revenue, labour supply, construction disturbances, reinvestments) and a price year.

Every project here: construction in 2020, opening 2021, three years of operation (2021–2023), a
flat 4 % discount rate and a net tax factor of 1 unless told otherwise, so each figure can be
followed on paper. a = 1/1.04 + 1/1.04² + 1/1.04³ is the present value of 1 a year in 2021–2023.
"""

from dataclasses import replace

import numpy as np
import pytest

from trekant.infrastructure.cba import build_flows, co2_sensitivity, run_cba
from trekant.infrastructure.model import Reinvestment, UnitValue
from trekant.infrastructure.reserve import cost_split
from trekant.infrastructure.risk import Distribution, default_spec, run_risk

from .helpers import params, project

A = 1 / 1.04 + 1 / 1.04 ** 2 + 1 / 1.04 ** 3
D3 = 1.04 ** -3


def _uv(key: str, value: float) -> UnitValue:
    return UnitValue(key, "DKK", value)


def fixed(**values) -> dict[str, Distribution]:
    base = {"construction_overrun": 1.0, "traffic_growth": 0.0, "value_of_time": 1.0, "co2_price": 1.0} | values
    return {k: Distribution("fixed", mode=v) for k, v in base.items()}


# --- CO2e price sensitivity (FM 2023) ---------------------------------------------------------

def co2_params():
    par = params(unit_values={"co2_shadow_price_dkk_per_t": _uv("co2_shadow_price_dkk_per_t", 10.0)})
    return replace(par, co2_alternatives={"high": _uv("high", 30.0)})


def test_co2_sensitivity_reruns_the_cba_at_each_price():
    """2 t CO2e saved a year. Central 10 DKK/t: PV CO2 = 20·a; 'high' 30 DKK/t: 60·a; a constant
    price of 0 given on the command line: 0. NPV = −100 + PV CO2 + residual 100·½·1.04⁻³."""
    proj = project(hours=0.0, quantities={"co2e_t_saved": 2.0})
    rows = {r["name"]: r for r in co2_sensitivity(proj, co2_params(), extra_prices_dkk_per_t=(0.0,))["alternatives"]}
    assert set(rows) == {"central", "high", "flat_0"}
    assert rows["central"]["pv_co2_dkk"] == pytest.approx(20 * A)
    assert rows["high"]["pv_co2_dkk"] == pytest.approx(60 * A)
    assert rows["flat_0"]["pv_co2_dkk"] == 0.0
    assert rows["central"]["npv_dkk"] == pytest.approx(-100 + 20 * A + 50 * D3)
    assert rows["high"]["npv_dkk"] - rows["central"]["npv_dkk"] == pytest.approx(40 * A)


def test_co2_sensitivity_says_when_the_project_has_no_climate_effect():
    report = co2_sensitivity(project(), co2_params())
    assert report["note"] and len({round(r["npv_dkk"], 9) for r in report["alternatives"]}) == 1


def test_co2_price_is_a_drawn_input_of_the_risk_analysis():
    """co2_price fixed at 3 × the shadow price: PV CO2 goes from 20·a to 60·a, the NPV rises by 40·a."""
    proj = project(hours=0.0, quantities={"co2e_t_saved": 2.0})
    flows = build_flows(proj, co2_params())
    central = run_cba(proj, co2_params()).npv_dkk
    tripled = run_risk(flows, fixed(co2_price=3.0), 10, 1)
    assert tripled.p50_npv_dkk == pytest.approx(central + 40 * A)
    assert "co2_price" in default_spec(0.0)


# --- reserve-aware cost risk (Ny Anlægsbudgettering) ------------------------------------------

def test_a_budget_with_reserve_is_taken_back_to_its_base_estimate_before_overruns_are_drawn():
    """Budget 150 holding a 50 % reserve: base estimate 100. The CBA uses 150. An overrun of 1.0 on
    the base costs 100; of 1.5 costs 150 (the budget); of 1.6 costs 160.
    NPV(cost C) = 40·a − C·(1 − ½·1.04⁻³) (residual: half the 6-year life is left in 2023)."""
    proj = project(construction={2020: 150.0}, cost_basis="budget_with_reserve", reserve_share=0.5)
    flows = build_flows(proj, params())
    cba = run_cba(proj, params())

    def npv(cost):
        return 40 * A - cost * (1 - 0.5 * D3)

    assert cba.npv_dkk == pytest.approx(npv(150))
    assert cba.costs["base_estimate_dkk"] == pytest.approx(100) and cba.costs["budget_dkk"] == pytest.approx(150)
    for overrun, cost in ((1.0, 100), (1.5, 150), (1.6, 160)):
        assert run_risk(flows, fixed(construction_overrun=overrun), 5, 1).p50_npv_dkk == pytest.approx(npv(cost))
    assert run_risk(flows, fixed(construction_overrun=1.6), 5, 1, costs=cba.costs).prob_cost_above_budget == 1.0
    assert run_risk(flows, fixed(construction_overrun=1.5), 5, 1, costs=cba.costs).prob_cost_above_budget == 0.0


def test_the_default_overrun_never_exceeds_a_fifty_percent_reserve():
    """triangular(0.9, 1.0, 1.5) on the base estimate stays within base × 1.5 = the budget."""
    proj = project(construction={2020: 150.0}, cost_basis="budget_with_reserve", reserve_share=0.5)
    costs = run_cba(proj, params()).costs
    result = run_risk(build_flows(proj, params()), default_spec(0.0), 2000, 3, costs=costs)
    assert result.prob_cost_above_budget == 0.0


def test_a_thirty_percent_reserve_is_exceeded_in_two_fifteenths_of_default_draws():
    """triangular(0.9, 1.0, 1.5): P(X > 1.3) = (1.5 − 1.3)² / ((1.5 − 0.9)(1.5 − 1.0)) = 0.04/0.3 = 2/15."""
    proj = project(construction={2020: 130.0}, cost_basis="budget_with_reserve", reserve_share=0.3)
    costs = run_cba(proj, params()).costs
    result = run_risk(build_flows(proj, params()), default_spec(0.0), 200_000, 11, costs=costs)
    assert result.prob_cost_above_budget == pytest.approx(2 / 15, abs=0.004)


def test_a_base_estimate_gets_the_phase_reserve_of_the_ministry_table():
    """Rail, phase 2 (EIA / decision basis): K2 = 30 % (TRU alm. del spm. 169, 2022). Base 100 →
    the CBA's construction is 130; a road on land in phase 1 gets 40 %."""
    rail = project(mode="rail", cost_basis="base_estimate", budget_phase=2)
    assert run_cba(rail, params()).pv_items_dkk["construction"] == pytest.approx(-130)
    split = cost_split(rail)
    assert (split.reserve_share, split.base_factor, split.budget_factor) == (0.30, 1.0, 1.3)
    assert cost_split(project(mode="road", cost_basis="base_estimate", budget_phase=1)).reserve_share == 0.40


def test_an_unstated_basis_is_said_and_drawn_as_given():
    proj = project()
    assert cost_split(proj).basis == "unstated" and "does not say" in cost_split(proj).note()
    assert "oplyser ikke" in cost_split(proj).note("da")
    flows = build_flows(proj, params())
    assert run_risk(flows, fixed(), 5, 1).p50_npv_dkk == pytest.approx(run_cba(proj, params()).npv_dkk)


# --- the manual's items trekant lacked --------------------------------------------------------

def item_params(tdf: float = 1.0):
    values = {k: _uv(k, v) for k, v in {
        "value_of_time_commuting_dkk_per_h": 1.0, "vehicle_operating_cost_dkk_per_vkm": 2.0,
        "air_pollution_dkk_per_vkm": 0.0, "fuel_vehicle_tax_dkk_per_vkm": 0.5,
        "labour_supply_dkk_per_commuting_h": 0.25, "value_of_time_construction_delay_dkk_per_h": 3.0}.items()}
    return params(unit_values=values, tdf=tdf)


def test_fuel_and_vehicle_tax_revenue_is_a_cost_and_widens_the_public_financing_need():
    """1,000 vehicle-km saved a year at 0.5 DKK of tax: −500·a of revenue. With a tax distortion
    factor of 1.1, the lost revenue is financed too: a further −0.1·500·a (plus 0.1 of the
    construction, 10, in 2020)."""
    result = run_cba(project(hours=0.0, quantities={"vehicle_km_saved": 1000.0}), item_params(tdf=1.1))
    assert result.pv_items_dkk["fuel_vehicle_tax"] == pytest.approx(-500 * A)
    assert result.pv_items_dkk["vehicle_operating_costs"] == pytest.approx(2000 * A)
    assert result.pv_items_dkk["tax_distortion"] == pytest.approx(-0.1 * (100 + 500 * A))


def test_labour_supply_follows_commuting_time():
    result = run_cba(project(hours=40.0), item_params())
    assert result.pv_items_dkk["labour_supply"] == pytest.approx(40 * 0.25 * A)


def test_construction_disturbance_is_counted_in_construction_years():
    """10 hours of delay in the construction year 2020 at 3 DKK/h: −30, undiscounted (base year)."""
    result = run_cba(project(hours=0.0, quantities={"construction_delay_h": 10.0}), item_params())
    assert result.pv_items_dkk["construction_disturbance"] == pytest.approx(-30)


def test_a_reinvestment_costs_its_amount_and_leaves_a_residual():
    """20 DKK reinvested in 2022 with a 4-year life: −20·1.04⁻²; in 2023 half its life is left: +10·1.04⁻³."""
    result = run_cba(project(reinvestments=(Reinvestment(2022, 20.0, 4),)), params())
    assert result.pv_items_dkk["reinvestment"] == pytest.approx(-20 / 1.04 ** 2)
    assert result.pv_items_dkk["residual_value"] == pytest.approx((50 + 10) * D3)


def test_an_older_parameter_set_leaves_the_new_items_out_with_a_warning():
    result = run_cba(project(hours=40.0), params())
    assert "labour_supply" not in result.pv_items_dkk
    assert any("labour_supply not valued" in w for w in result.warnings)


def test_a_price_year_moves_every_amount_by_the_index_ratio():
    """Reporting in 2023 prices with an index 2022 = 100, 2023 = 110: every PV × 1.1."""
    index = {2022: 100.0, 2023: 110.0}
    own = run_cba(project(price_year=2022), params(price_year=2022, index=index))
    moved = run_cba(project(price_year=2022), params(price_year=2022, index=index), price_year=2023)
    assert moved.price_year == 2023
    assert moved.npv_dkk == pytest.approx(own.npv_dkk * 1.1)
    for key, value in own.pv_items_dkk.items():
        assert moved.pv_items_dkk[key] == pytest.approx(value * 1.1)


def test_a_published_range_is_drawn_uniformly_between_its_bounds():
    """Vehicle-km saved published as −348,000…−219,000 (central −283,500): drawn uniformly, the
    vehicle operating cost item moves linearly, so the mean NPV matches the central one and P10/P90
    sit at the 10th/90th percentile of the range (2 DKK/vkm, NAF 1, no growth)."""
    proj = project(hours=0.0, quantities={"vehicle_km_saved": -283_500.0},
                   quantity_ranges={"vehicle_km_saved": (-348_000.0, -219_000.0)})
    par = params(unit_values={"vehicle_operating_cost_dkk_per_vkm": _uv("vehicle_operating_cost_dkk_per_vkm", 2.0)})
    flows = build_flows(proj, par)
    spec = fixed() | {k: v for k, v in default_spec(0.0, proj.quantity_ranges).items() if k.startswith("quantity.")}
    result = run_risk(flows, spec, 200_000, 7)
    cba = run_cba(proj, par).npv_dkk
    assert result.mean_npv_dkk == pytest.approx(cba, rel=2e-3)
    p10_km = -348_000 + 0.1 * (348_000 - 219_000)
    assert result.p10_npv_dkk == pytest.approx(cba + 2 * (p10_km + 283_500) * A, rel=2e-3)
    assert np.isclose(sum(result.histogram["counts"]), 200_000)
