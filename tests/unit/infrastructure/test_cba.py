"""The CBA against hand calculations written out here (flows small enough to follow on paper)."""

import math

import numpy as np
import pytest

from trekant.infrastructure.cba import build_flows, check_inputs, npv_draws, run_cba, unit_value_by_year
from trekant.infrastructure.discount import discount_factors
from trekant.infrastructure.model import UnitValue

from .helpers import FM2023_BANDS, flat, params, project


def annuity(rate: float, years: int) -> float:
    """Σ_{t=1..years} (1 + rate)^-t, the present value of 1 a year."""
    return sum((1 + rate) ** -t for t in range(1, years + 1))


def test_discount_factor_products_cross_the_bands():
    d = discount_factors(FM2023_BANDS, 75)
    assert d[0] == 1.0
    assert d[35] == pytest.approx(1.035 ** -35)
    assert d[36] == pytest.approx(1.035 ** -35 / 1.025)  # year 36 is the first at 2.5 %
    assert d[70] == pytest.approx(1.035 ** -35 * 1.025 ** -35)
    assert d[71] == pytest.approx(1.035 ** -35 * 1.025 ** -35 / 1.015)


def test_small_project_npv_bc_and_first_year_return_by_hand():
    """Construction 100 (factor) in 2020, opening 2021, 3 years of 40 DKK benefit and 5 DKK O&M,
    lifetime 6 years, flat 4 %, net tax factor 1.28."""
    result = run_cba(project(om=5.0), params(naf=1.28))
    a = 1.04 ** -1 + 1.04 ** -2 + 1.04 ** -3
    pv_benefits = 40 * a
    pv_construction = 1.28 * 100
    pv_om = 1.28 * 5 * a
    pv_residual = 1.28 * 100 * (1 - 3 / 6) * 1.04 ** -3  # half the lifetime is left in 2023
    pv_costs = pv_construction + pv_om - pv_residual
    assert result.pv_benefits_dkk == pytest.approx(pv_benefits)
    assert result.pv_costs_dkk == pytest.approx(pv_costs)
    assert result.npv_dkk == pytest.approx(pv_benefits - pv_costs)
    assert result.bc_ratio == pytest.approx(pv_benefits / pv_costs)
    assert result.pv_items_dkk["residual_value"] == pytest.approx(pv_residual)
    # opening-year net benefit (40 − 1.28·5) over the investment carried one year at 4 %
    assert result.first_year_return == pytest.approx((40 - 1.28 * 5) / (1.28 * 100 * 1.04))
    # NPV per krone of public money: public expenditure in factor prices, 100 + 5 a year
    assert result.npv_per_public_dkk == pytest.approx((pv_benefits - pv_costs) / (100 + 5 * a))
    assert (result.first_year, result.last_year) == (2020, 2023)


def test_tax_distortion_is_factor_minus_one_times_public_expenditure():
    a = annuity(0.04, 3)
    plain = run_cba(project(om=5.0), params(naf=1.0, tdf=1.0))
    distorted = run_cba(project(om=5.0), params(naf=1.0, tdf=1.1))
    assert distorted.pv_items_dkk["tax_distortion"] == pytest.approx(-0.1 * (100 + 5 * a))
    assert plain.npv_dkk - distorted.npv_dkk == pytest.approx(0.1 * (100 + 5 * a))
    half_public = run_cba(project(om=5.0, public_share=0.5), params(naf=1.0, tdf=1.1))
    assert half_public.pv_items_dkk["tax_distortion"] == pytest.approx(-0.1 * 0.5 * (100 + 5 * a))


def test_public_revenue_lowers_the_public_expenditure_only():
    a = annuity(0.04, 3)
    result = run_cba(project(public_revenue_dkk_per_year=10.0), params(tdf=1.2))
    assert result.pv_items_dkk["tax_distortion"] == pytest.approx(-0.2 * (100 - 10 * a))
    assert result.pv_benefits_dkk == pytest.approx(40 * a)  # fares are a transfer, not a benefit


def test_flows_crossing_year_35_use_the_declining_rate():
    """1000 in 2000, 60 a year in 2001–2040 (years 1–40), fm2023 rates, no residual (lifetime 40)."""
    result = run_cba(project(construction={2000: 1000.0}, opening=2001, lifetime=40, hours=60.0),
                     params(bands=FM2023_BANDS, years=40))
    pv_benefits = 60 * (annuity(0.035, 35) + 1.035 ** -35 * annuity(0.025, 5))
    assert result.npv_dkk == pytest.approx(pv_benefits - 1000)
    flat_rate = run_cba(project(construction={2000: 1000.0}, opening=2001, lifetime=40, hours=60.0),
                        params(bands=flat(0.035), years=40))
    assert flat_rate.npv_dkk == pytest.approx(60 * annuity(0.035, 40) - 1000)
    assert result.npv_dkk > flat_rate.npv_dkk  # years 36–40 are discounted at 2.5 %, not 3.5 %


def test_irr_of_two_equal_returns_solves_the_quadratic():
    """−100, +60, +60: with x = 1/(1+r), 60x² + 60x − 100 = 0."""
    result = run_cba(project(lifetime=2, hours=60.0), params(years=2))
    x = (-60 + math.sqrt(60 ** 2 + 4 * 60 * 100)) / (2 * 60)
    assert result.irr.value == pytest.approx(1 / x - 1, abs=1e-9)
    assert result.irr.note == ""


def test_irr_of_ten_percent():
    result = run_cba(project(lifetime=1, hours=110.0), params(years=1))
    assert result.irr.value == pytest.approx(0.10, abs=1e-9)


def test_irr_that_does_not_exist_is_a_message_not_an_exception():
    result = run_cba(project(hours=0.0, om=1.0, lifetime=3), params())  # no residual: every year is a loss
    assert result.irr.value is None
    assert "does not exist" in result.irr.note
    assert result.bc_ratio == 0.0


def test_traffic_growth_compounds_from_the_opening_year():
    result = run_cba(project(lifetime=2, growth=0.1), params(years=2))
    assert result.pv_benefits_dkk == pytest.approx(40 / 1.04 + 44 / 1.04 ** 2)


def test_first_year_return_carries_each_construction_year_with_the_schedule():
    result = run_cba(project(construction={2020: 50.0, 2021: 50.0}, opening=2022, lifetime=3),
                     params(bands=FM2023_BANDS, naf=1.28))
    investment = 1.28 * 50 * 1.035 ** 2 + 1.28 * 50 * 1.035
    assert result.first_year_return == pytest.approx(40 / investment)


def test_unit_value_with_real_growth_and_path():
    years = np.array([2020, 2021, 2030, 2040])
    growing = params(unit_values={"v": UnitValue("v", "DKK/h", 100.0, real_growth_per_year=0.02)})
    assert unit_value_by_year(growing, "v", years) == pytest.approx([100, 102, 100 * 1.02 ** 10, 100 * 1.02 ** 20])
    path = params(unit_values={"co2": UnitValue("co2", "DKK/t", path={2020: 1000.0, 2030: 1500.0})})
    assert unit_value_by_year(path, "co2", years) == pytest.approx([1000, 1050, 1500, 1500])  # flat after the path


def test_project_money_is_moved_to_the_price_year_of_the_parameter_set():
    index = {2015: 100.0, 2022: 113.46}
    result = run_cba(project(price_year=2015, hours=0.0, construction={2022: 100.0}, opening=2023),
                     params(price_year=2022, index=index))
    assert result.pv_items_dkk["construction"] == pytest.approx(-100 * 113.46 / 100.0)


def test_vectorised_draws_agree_with_the_cba_and_with_a_hand_overrun():
    proj, par = project(om=5.0, lifetime=6), params(naf=1.28, tdf=1.1)
    flows = build_flows(proj, par)
    central = run_cba(proj, par)
    assert npv_draws(flows)[0] == pytest.approx(central.npv_dkk)
    a = annuity(0.04, 3)
    over = npv_draws(flows, overrun=np.array([1.0, 1.2]))
    capital = 1.28 * (100 - 100 * 0.5 * 1.04 ** -3)  # construction less residual, market prices
    assert over[0] - over[1] == pytest.approx(0.2 * capital + 0.1 * 0.2 * 100)
    doubled_time = npv_draws(flows, value_of_time=2.0)[0]
    assert doubled_time - central.npv_dkk == pytest.approx(40 * a)


@pytest.mark.parametrize("changes, field", [
    (dict(construction={2020: -5.0}), "costs.construction_dkk.2020"),
    (dict(construction={}), "costs.construction_dkk"),
    (dict(om=-1.0), "costs.om_dkk_per_year"),
    (dict(construction={2022: 10.0}, opening=2021), "opening_year"),
    (dict(lifetime=0), "lifetime_years"),
    (dict(price_year=2011), "costs.price_year"),
    (dict(construction={2020: 1e300}), "costs.construction_dkk.2020"),
    (dict(quantities={"travel_time_commuting_h": 1e200}), "effects.quantities.travel_time_commuting_h"),
])
def test_bad_inputs_name_the_field(changes, field):
    issues = check_inputs(project(**changes), params())
    assert field in {i.field for i in issues}
    assert all(i.severity == "error" for i in issues)


def test_a_quantity_without_unit_value_names_the_parameter():
    issues = check_inputs(project(quantities={"co2e_t_saved": 5.0}, hours=0.0), params())
    assert [i.field for i in issues] == ["unit_values.co2_shadow_price_dkk_per_t"]


def test_base_year_after_opening_is_refused():
    issues = check_inputs(project(), params(), base_year=2022)
    assert [i.field for i in issues] == ["base_year"]


def test_a_later_common_base_year_carries_construction_forward():
    """A portfolio base year (2021) after construction (2020): the 2020 amounts are carried one year
    forward at 4 %, so every PV is the own-base-year PV × 1.04.
    By hand (flat 4 %, NAF 1): −100·1.04 + 40 + 40/1.04 + (40 + 100·½)/1.04² in 2021 terms."""
    own = run_cba(project(), params())
    common = run_cba(project(), params(), base_year=2021)
    by_hand = -100 * 1.04 + 40 + 40 / 1.04 + (40 + 100 * 0.5) / 1.04 ** 2
    assert common.npv_dkk == pytest.approx(by_hand)
    assert common.npv_dkk == pytest.approx(own.npv_dkk * 1.04)
    assert common.base_year == 2021 and common.first_year == 2020
    assert any("carried forward" in w for w in common.warnings)


def test_an_earlier_base_year_discounts_everything_one_more_year():
    later = run_cba(project(om=5.0), params(naf=1.28))
    earlier = run_cba(project(om=5.0), params(naf=1.28), base_year=2019)
    assert earlier.npv_dkk == pytest.approx(later.npv_dkk / 1.04)
    assert earlier.irr.value == pytest.approx(later.irr.value)  # the IRR does not depend on the base year
    assert earlier.first_year_return == pytest.approx(later.first_year_return)
