"""Hand-built cases with known optima: the RFNBO hourly rule, a CO2 limit's shadow price, a grid
connection that binds, heat areas that sum to the region, a heat-pump COP that follows the source
temperature, and methanol with its conversion losses."""

import numpy as np
import pandas as pd
import pytest

from trekant.energy.core import network, outputs
from trekant.energy.core.inputs import HOURS_PER_YEAR, build_inputs
from trekant.energy.core.profiles import Profiles
from trekant.energy.core.rfnbo import matched_mwh
from trekant.energy.io.costs import read_costs

from .conftest import scenario

COSTS = read_costs()


def profiles(hours: int, price, solar=0.0, wind=0.0) -> Profiles:
    index = pd.date_range("2030-01-01", periods=hours, freq="h", tz="UTC")
    as_array = lambda v: np.broadcast_to(np.asarray(v, dtype=float), (hours,)).copy()  # noqa: E731
    factors = dict(solar=as_array(solar), onshore_wind=as_array(wind), offshore_wind=np.zeros(hours))
    return Profiles(index, np.full(hours, 1 / hours), as_array(price), factors, (), "hand-built")


def run(s, p):
    inputs = build_inputs(s, p, COSTS)
    solved = network.solve(inputs)
    frame = network.dispatch_frame(solved, inputs)
    capacities = network.optimised_capacities(solved.network, inputs)
    return solved, frame, outputs.summarise(frame, inputs, capacities, "optimisation"), inputs


# --- RFNBO: hourly matching on four hours ----------------------------------------------------------------

def _rfnbo_case(rule: str):
    """10 MW electrolyser (62.2 %), hydrogen demand 6.22 MW every hour, hydrogen back-up from gas at
    100 EUR/MWh × 1.483 = 148.3 EUR per MWh hydrogen. Solar 10 MW (commissioned 2029, additional to the
    2030 electrolyser) with capacity factors 1, 0.5, 0, 0: 10, 5, 0, 0 MW. Grid import at the day-ahead
    price 40, 40, 40, 15 EUR/MWh + 5 tariff; no export, no store, no other demand."""
    s = scenario(demand=dict(electricity_mwh_per_year=0.0, hydrogen_t_per_day=6.22 * 24 / 33.33),
                 prices=dict(gas_eur_per_mwh=100.0, import_tariff_eur_per_mwh=5.0),
                 grid=dict(import_mw=100, export_mw=0),
                 capacities=dict(solar=dict(mw=10, commissioned=2029), electrolyser=dict(mw=10), h2_backup=dict(mw=10)),
                 rfnbo=dict(rule=rule, year=2030, electrolyser_commissioned=2030))
    return run(s, profiles(4, price=[40, 40, 40, 15], solar=[1, 0.5, 0, 0]))


def test_rfnbo_hourly_rule_on_four_hours_by_hand():
    """Without the rule the electrolyser runs 10 MW every hour on solar and grid power, imports 0, 5, 10, 10 MW:
    5 × 45 + 10 × 45 + 10 × 20 = 875 EUR. With hourly matching it may use only the solar power in hours 1–3
    (10, 5, 0 MW); hour 4 costs 15 ≤ 20 EUR/MWh and counts as matched (Art. 6), so it runs 10 MW on grid
    power there (200 EUR). The back-up makes the rest: (10 − 5) + 10 = 15 MWh short of electricity, i.e.
    15 × 0.622 = 9.33 MWh hydrogen × 148.3 = 1,383.64 EUR. Cost of compliance: 1,583.64 − 875 = 708.64 EUR.
    """
    free_solved, free, free_result, _ = _rfnbo_case("none")
    solved, ruled, result, _ = _rfnbo_case("hourly")
    assert free["electrolyser_el"].tolist() == pytest.approx([10, 10, 10, 10], abs=1e-6)
    assert ruled["electrolyser_el"].tolist() == pytest.approx([10, 5, 0, 10], abs=1e-6)
    assert ruled["h2_backup"].sum() == pytest.approx(15 * 0.622, abs=1e-6)
    assert solved.objective_eur - free_solved.objective_eur == pytest.approx(708.64, abs=0.01)
    assert result["total_cost_eur"] - free_result["total_cost_eur"] == pytest.approx(708.64, abs=1)  # rounded to EUR
    # Every MWh the electrolyser used is matched (hours 1-3 by solar, hour 4 by the low-price exception):
    # renewable hydrogen 25 × 0.622 = 15.55 of the 24.88 MWh supplied = 62.5 %.
    assert result["rfnbo"]["binds"] and result["rfnbo"]["eligible"] == ["solar"] and result["rfnbo"]["exempt_hours"] == 1
    assert result["rfnbo"]["renewable_h2_share"] == pytest.approx(0.625, abs=1e-4)
    assert result["rfnbo"]["by_matching"]["hourly"]["matched_electricity_share"] == pytest.approx(1.0)
    # Counted hourly, the unruled dispatch matches 10 + 5 + 0 + 10 (exempt) = 25 of its 40 MWh.
    assert free_result["rfnbo"]["by_matching"]["hourly"]["matched_electricity_share"] == pytest.approx(25 / 40)


def test_rfnbo_monthly_rule_lets_the_month_balance():
    """Monthly: Σ electrolyser use outside exempt hours (hours 1-3) ≤ Σ solar of the month, 15 MWh;
    hour 4 is exempt. Any split of 15 MWh over hours 1-3 costs the same, so only the sums are known."""
    _, ruled, result, _ = _rfnbo_case("monthly")
    assert ruled["electrolyser_el"].iloc[:3].sum() == pytest.approx(15.0, abs=1e-6)
    assert ruled["electrolyser_el"].iloc[3] == pytest.approx(10.0, abs=1e-6)
    assert result["rfnbo"]["by_matching"]["monthly"]["matched_electricity_share"] == pytest.approx(1.0)


def test_old_renewables_are_not_additional():
    """Solar from 2025 is more than 36 months older than a 2030 electrolyser: nothing may be matched
    outside exempt hours, so the electrolyser runs only in hour 4."""
    s = scenario(demand=dict(electricity_mwh_per_year=0.0, hydrogen_t_per_day=6.22 * 24 / 33.33),
                 prices=dict(gas_eur_per_mwh=100.0), grid=dict(import_mw=100, export_mw=0),
                 capacities=dict(solar=dict(mw=10, commissioned=2025), electrolyser=dict(mw=10), h2_backup=dict(mw=10)),
                 rfnbo="hourly")
    _, frame, result, _ = run(s, profiles(4, price=[40, 40, 40, 15], solar=[1, 0.5, 0, 0]))
    assert result["rfnbo"]["eligible"] == [] and "solar is not additional" in result["rfnbo"]["notes"][0]
    assert frame["electrolyser_el"].tolist() == pytest.approx([0, 0, 0, 10], abs=1e-6)


def test_matching_counts_by_hand():
    index = pd.date_range("2030-01-31 22:00", periods=4, freq="h", tz="UTC")  # two hours in January, two in February
    use, solar, exempt = np.array([10, 10, 10, 10.0]), np.array([0, 30, 5, 0.0]), np.array([False, False, False, True])
    assert matched_mwh(use, solar, exempt, index, "hourly") == pytest.approx(0 + 10 + 5 + 10)
    # January: min(20, 30) = 20; February: min(10, 5) + 10 exempt = 15.
    assert matched_mwh(use, solar, exempt, index, "monthly") == pytest.approx(35)


# --- a CO2 limit and its shadow price ----------------------------------------------------------------------

def test_co2_limit_shadow_price_is_the_marginal_abatement_cost():
    """One heat area, 10 MW for 4 hours. Gas boiler: 30 / 1.04 + 1.0582 (VOM) = 29.90 EUR/MWh heat,
    0.204 / 1.04 = 0.19615 t CO2/MWh heat. Biomass: 60 / 1.0 + 3.7184 (VOM) = 63.72 EUR/MWh heat, no CO2.
    Gas alone emits 40 × 0.19615 = 7.85 t; a limit of 3 t forces biomass for part of the heat, and the
    last tonne avoided costs (63.72 − 29.90) / 0.19615 = 172.38 EUR: the shadow price."""
    s = scenario(prices=dict(gas_eur_per_mwh=30.0, biomass_eur_per_mwh=60.0), grid=dict(import_mw=0, export_mw=0),
                 heat_areas=[dict(key="town", demand_mwh_per_year=10 * HOURS_PER_YEAR, profile="flat",
                                  biomass=dict(mw=20), boiler=dict(mw=20))], co2_limit_t=3.0)
    solved, frame, result, _ = run(s, profiles(4, price=40))
    mac = (60 / 1.0 + 3.7184 - (30 / 1.04 + 1.0582)) / (0.204 / 1.04)
    assert mac == pytest.approx(172.38, abs=0.01)
    assert solved.co2_price_eur_per_t == pytest.approx(mac, rel=1e-6)
    assert result["co2_t"] == pytest.approx(3.0, abs=1e-6)
    assert frame["town:boiler"].sum() == pytest.approx(3.0 / (0.204 / 1.04), abs=1e-6)
    loose = s.model_copy(update=dict(co2_limit_t=100.0))
    solved, _, result, _ = run(loose, profiles(4, price=40))
    assert solved.co2_price_eur_per_t == pytest.approx(0.0, abs=1e-6)
    assert result["co2_t"] == pytest.approx(40 * 0.204 / 1.04, abs=0.05)  # rounded to 0.1 t


def test_co2_limit_counts_imports_at_the_hours_intensity():
    """Imports are charged each hour's intensity: 100 MW for two hours at 0.1 and 0.3 t/MWh = 40 t. A limit
    of 30 t must cut 10 t: the cleaner hour cannot help, so 10 / 0.3 = 33.3 MWh of the second hour is
    left unserved; the shadow price is what one more tonne saves there: (10,000 − 45) / 0.3 EUR."""
    s = scenario(demand=dict(electricity_mwh_per_year=100 * HOURS_PER_YEAR), grid=dict(import_mw=200, export_mw=0),
                 co2_limit_t=30.0)
    inputs = build_inputs(s, profiles(2, price=40), COSTS, grid_g_per_kwh=np.array([100.0, 300.0]))
    solved = network.solve(inputs)
    frame = network.dispatch_frame(solved, inputs)
    assert frame["shortfall_electricity"].tolist() == pytest.approx([0, 100 / 3], abs=1e-6)
    assert solved.co2_price_eur_per_t == pytest.approx((10_000 - 45) / 0.3, rel=1e-6)


# --- security of supply: the grid connection binds ----------------------------------------------------------

def _week(import_mw: float):
    """A hand-built week: demand 100 MW every hour; solar 50 MW at full output 08:00-15:59 UTC, nothing else
    local; the connection imports at most `import_mw`."""
    solar = np.array([1.0 if 8 <= h % 24 < 16 else 0.0 for h in range(168)])
    s = scenario(demand=dict(electricity_mwh_per_year=100 * HOURS_PER_YEAR), grid=dict(import_mw=import_mw, export_mw=0),
                 capacities=dict(solar=dict(mw=50)))
    return run(s, profiles(168, price=40, solar=solar))


def test_connection_limit_binds_in_a_hand_built_week():
    """At 80 MW the connection binds in the 16 dark hours of each day (112 hours): 20 MW unserved each,
    2,240 MWh in all; 20 MW more connection removes it. By day solar leaves 50 MW to import: not binding."""
    _, _, result, _ = _week(80)
    sec = result["security"]
    assert sec["import_binding_hours"] == 112 and sec["unserved_hours"] == 112
    assert sec["unserved_mwh"] == pytest.approx(2240.0) and sec["extra_connection_mw"] == pytest.approx(20.0)
    assert result["infrastructure"]["peak_import_mw"] == pytest.approx(80.0)
    _, _, enough, _ = _week(80 + sec["extra_connection_mw"])
    assert enough["security"]["unserved_mwh"] == pytest.approx(0.0, abs=1e-6)
    assert enough["security"]["import_binding_hours"] == 112  # still at its (new) limit by night


# --- heat areas -----------------------------------------------------------------------------------------------

def test_heat_areas_sum_to_the_region():
    """The shipped areas cover the seven municipalities once each, their demands add up to the scenarios'
    regional 2,000,000 MWh, and in a run the areas' heat and emissions add up to the region's."""
    from trekant.energy.io.heat_areas import read_heat_areas
    from trekant.energy.io.scenario import load_scenario
    from trekant.energy.io.system_inputs import load_inputs

    areas, _ = read_heat_areas()
    codes = [c for a in areas for c in a.municipalities]
    assert sorted(codes) == ["0410", "0510", "0530", "0575", "0607", "0621", "0630"]
    assert sum(a.demand_mwh_per_year for a in areas) == 2_000_000
    shipped = load_scenario("today")
    assert {a.key: a.demand_mwh_per_year for a in shipped.areas()} == {a.key: a.demand_mwh_per_year for a in areas}
    inputs = load_inputs("today", hours=48, start=24 * 20)
    solved = network.solve(inputs)
    frame = network.dispatch_frame(solved, inputs)
    result = outputs.summarise(frame, inputs, network.optimised_capacities(solved.network, inputs), "optimisation")
    region_mwh = float(inputs.heat_demand_mw.sum())
    assert sum(a["demand_mwh"] for a in result["heat_areas"]) == pytest.approx(region_mwh, abs=0.5)
    assert region_mwh == pytest.approx(2_000_000 * sum(inputs.area("tvis").demand_mw) / (1_650_000 * 48) * 48, rel=1e-9)
    for bus in outputs.balance(inputs):
        assert np.abs(outputs.residual(frame, inputs, bus)).max() < 1e-6, bus
    heat_co2 = sum(a["co2_t"] for a in result["heat_areas"])
    boiler_gas = sum(frame[f"{a.key}:boiler"].sum() for a in inputs.heat) / 1.04 * 0.204
    waste = 41 * 121 / 1000 * 48
    pumps = sum(result["co2_by_consumer_t"][f"{a.key}:heat_pump_el"] for a in inputs.heat)
    assert heat_co2 == pytest.approx(boiler_gas + waste + pumps, abs=0.5)
    assert solved.lp_areas == ("tvis",)  # the three areas without heat pump, store or electrolyser heat: merit order


def test_uncoupled_area_by_merit_order_equals_the_optimiser():
    """An area with biomass and gas boilers only: the merit order outside the LP and the LP itself agree.
    30 MW demand, 5 MW surplus heat; gas at 20 EUR/MWh: 20 / 1.04 + 1.0582 = 20.29 EUR/MWh heat is cheaper
    than biomass 17.3312 + 3.7184 = 21.05, so the 20 MW gas boiler runs full and biomass makes the other 5."""
    area = dict(key="town", demand_mwh_per_year=30 * HOURS_PER_YEAR, profile="flat", surplus_heat_mw=5,
                biomass=dict(mw=15), boiler=dict(mw=20))
    s = scenario(heat_areas=[area], grid=dict(import_mw=0, export_mw=0))
    _, by_merit, _, _ = run(s, profiles(3, price=40))
    limited = s.model_copy(update=dict(co2_limit_t=1e6))  # a CO2 limit puts every area into the LP
    solved, by_lp, _, _ = run(limited, profiles(3, price=40))
    assert solved.lp_areas == ("town",)
    for column in ("town:biomass", "town:boiler", "town:heat_dump"):
        assert by_merit[column].tolist() == pytest.approx(by_lp[column].tolist(), abs=1e-6), column
    assert by_merit["town:boiler"].tolist() == pytest.approx([20, 20, 20]) and by_merit["town:biomass"].tolist() == pytest.approx([5, 5, 5])


def test_heat_pump_cop_follows_the_source_temperature():
    """COP 3.2 at the reference source of 10 °C, supply at 80 °C: at 0 °C the Carnot ratio gives
    3.2 × (353.15 / 80) / (353.15 / 70) = 2.8; at 20 °C 3.2 × 70 / 60 = 3.733. Without a series: 3.2 and said so."""
    s = scenario(heat_areas=[dict(key="town", demand_mwh_per_year=10 * HOURS_PER_YEAR, profile="flat",
                                  heat_pump=dict(mw=20))], grid=dict(import_mw=100, export_mw=0))
    inputs = build_inputs(s, profiles(2, price=10), COSTS, source_temperature_c=np.array([0.0, 20.0]))
    assert inputs.heat_pump_cop.tolist() == pytest.approx([2.8, 3.2 * 70 / 60])
    frame = network.dispatch_frame(network.solve(inputs), inputs)
    assert frame["town:heat_pump_el"].tolist() == pytest.approx([10 / 2.8, 10 / (3.2 * 70 / 60)], abs=1e-6)
    fixed = build_inputs(s, profiles(2, price=10), COSTS)
    assert fixed.heat_pump_cop.tolist() == [3.2, 3.2] and "COP fixed at 3.2" in fixed.notes[0]


# --- methanol -------------------------------------------------------------------------------------------------

def test_methanol_from_hydrogen_power_and_biogenic_co2():
    """24 t methanol a day = 5.528 MW. Per MWh methanol: 1.138 MWh hydrogen, 0.271 MWh electricity,
    0.248 t CO2 (DEA/DECHEMA). Over 2 hours: 11.056 MWh methanol needs 12.582 MWh hydrogen, 2.996 MWh
    electricity and 2.742 t biogenic CO2; the losses are 12.582 + 2.996 − 11.056 = 4.522 MWh."""
    s = scenario(demand=dict(electricity_mwh_per_year=0.0), grid=dict(import_mw=100, export_mw=0),
                 capacities=dict(electrolyser=dict(mw=30), h2_backup=dict(mw=0)),
                 downstream=dict(methanol_t_per_day=24, methanol_plant=dict(mw=10), biogenic_co2_t_per_h=5))
    _, frame, result, _ = run(s, profiles(2, price=30))
    d = result["downstream"]  # rounded to 0.1
    assert d["methanol_t"] == pytest.approx(2.0, abs=0.05)                     # 24 t/day for 2 hours
    assert frame["methanolisation_h2"].sum() == pytest.approx(11.056 * 1.138, abs=1e-3)
    assert frame["methanolisation_el"].sum() == pytest.approx(11.056 * 0.271, abs=1e-3)
    assert frame["biogenic_co2_t"].sum() == pytest.approx(11.056 * 0.248, abs=1e-3)
    assert d["conversion_losses_mwh"] == pytest.approx(11.056 * (1.138 + 0.271 - 1), abs=0.05)
    assert frame["electrolyser_h2"].sum() == pytest.approx(11.056 * 1.138, abs=1e-3)


def test_rfnbo_exemptions_by_hand():
    """Art. 11: an electrolyser in operation before 2028 needs no additional renewables until 2036.
    Art. 4(2): below 18 g CO2e/MJ neither. Art. 4(1): above 90 % renewable power the rule does not
    bind. Art. 6: an hour at ≤ 20 EUR/MWh, or below 0.36 × an 80 EUR/t allowance = 28.8 EUR/MWh, counts."""
    from trekant.energy.core import rfnbo

    def setting(**r):
        s = scenario(capacities=dict(onshore_wind=dict(mw=100), solar=dict(mw=50, commissioned=2020)),
                     rfnbo=dict(rule="hourly", **r))
        return rfnbo.setting(s, np.array([10.0, 25.0, 28.7, 28.8, 60.0]))

    plain = setting(year=2030, electrolyser_commissioned=2030)
    assert plain.binds and plain.eligible == () and plain.exempt_hours.tolist() == [True, False, False, False, False]
    assert setting(year=2030, electrolyser_commissioned=2030, ets_price_eur_per_t=80).exempt_hours.tolist() == \
        [True, True, True, False, False]
    transitional = setting(year=2030, electrolyser_commissioned=2027)
    assert transitional.eligible == ("onshore_wind", "solar") and "Art. 11" in transitional.notes[0]
    assert setting(year=2036, electrolyser_commissioned=2027).eligible == ()   # the exemption has ended
    assert setting(year=2030, electrolyser_commissioned=2030, zone_emission_g_co2e_per_mj=15).eligible == ("onshore_wind", "solar")
    green = setting(year=2030, electrolyser_commissioned=2030, zone_renewable_share=0.95)
    assert not green.binds and green.grid_counts_renewable
    monthly_late = rfnbo.setting(scenario(rfnbo=dict(rule="monthly", year=2031)), np.array([50.0]))
    assert any("from 2030 the rule is hourly" in n for n in monthly_late.notes)
