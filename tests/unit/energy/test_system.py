"""The energy system: a known optimum by hand, closed balances, simulation = optimisation, bad input."""

import numpy as np
import pytest

from trekant.energy.core import network, outputs, simulate
from trekant.energy.core.costs import annuity_factor
from trekant.energy.core.inputs import HOURS_PER_YEAR, build_inputs
from trekant.energy.io.costs import read_costs
from trekant.energy.io.profiles import load_profiles
from trekant.energy.io.scenario import load_scenario
from trekant.energy.system_model import H2_LHV_MWH_PER_T

from .conftest import flat_profiles, scenario

COSTS = read_costs()


def test_wind_sized_by_hand_at_flat_prices():
    """24 h, demand 100 MW, wind cf 0.5, import 40 + 5 EUR/MWh, no export, no storage.

    Onshore wind costs 1,383,000 EUR/MW × (annuity(3.5 %, 30 y) + 1.2167 %) per year, i.e. about
    10.5 EUR per MW-hour, and saves 0.5 × 45 = 22.5 EUR per MW-hour of import: wind is built until
    it covers the demand, 100 / 0.5 = 200 MW, and no further (nothing can be exported).
    """
    s = scenario(demand=dict(electricity_mwh_per_year=100 * HOURS_PER_YEAR),
                 capacities=dict(onshore_wind=dict(extendable=True, max_mw=5000)))
    profiles = flat_profiles(HOURS_PER_YEAR, price=40.0)
    inputs = build_inputs(s, profiles, COSTS, 0, 24)
    solved = network.solve(inputs)
    capacity = network.optimised_capacities(solved.network, inputs)["onshore_wind"]
    assert capacity == pytest.approx(200.0, rel=1e-6)
    annual_per_mw = 1_383_000 * (0.035 / (1 - 1.035 ** -30) + 0.012167)
    assert annual_per_mw / HOURS_PER_YEAR == pytest.approx(10.5, abs=0.05)
    frame = network.dispatch_frame(solved, inputs)
    assert frame["grid_import"].sum() == pytest.approx(0.0, abs=1e-6)
    result = outputs.summarise(frame, inputs, network.optimised_capacities(solved.network, inputs), "optimisation")
    by_hand = 200 * annual_per_mw * 24 / HOURS_PER_YEAR + 100 * 24 * 1.4286   # capital + variable O&M
    assert result["total_cost_eur"] == pytest.approx(by_hand, rel=1e-4)


def test_electrolyser_makes_about_8_t_a_day_at_20_mw():
    """HySynergy phase 1: 20 MW, about 8 t hydrogen a day (shared README). 20 × 0.622 × 24 / 33.33 = 8.96 t."""
    s = scenario(demand=dict(electricity_mwh_per_year=0.0, hydrogen_t_per_day=35),
                 capacities=dict(electrolyser=dict(mw=20), h2_backup=dict(mw=60)))
    inputs = build_inputs(s, flat_profiles(HOURS_PER_YEAR, price=1.0), COSTS, 0, 24)
    solved = network.solve(inputs)
    result = outputs.summarise(network.dispatch_frame(solved, inputs), inputs,
                               network.optimised_capacities(solved.network, inputs), "optimisation")
    assert result["hydrogen_produced_t"] == pytest.approx(20 * 0.622 * 24 / 33.33, abs=0.05)
    assert 8.0 <= result["hydrogen_produced_t"] <= 9.5
    assert result["electrolyser_full_load_hours"] == pytest.approx(24.0, abs=1e-6)


def _bus_residuals(n) -> dict[str, np.ndarray]:
    """Σ injections per bus and hour from PyPSA's raw component results (independent of our frame)."""
    total = {bus: np.zeros(len(n.snapshots)) for bus in n.buses.index}
    for name, bus in n.generators.bus.items():
        total[bus] += n.generators_t.p[name].to_numpy()
    for name, bus in n.loads.bus.items():
        total[bus] -= n.loads_t.p[name].to_numpy()
    for name, bus in n.storage_units.bus.items():
        total[bus] += n.storage_units_t.p[name].to_numpy()
    for name, bus in n.stores.bus.items():
        total[bus] += n.stores_t.p[name].to_numpy()
    for name, link in n.links.iterrows():
        total[link.bus0] -= n.links_t.p0[name].to_numpy()
        total[link.bus1] -= n.links_t.p1[name].to_numpy()
        if link.bus2:
            total[link.bus2] -= n.links_t.p2[name].to_numpy()
    return total


def test_energy_balance_closes_every_hour_on_every_bus():
    s = load_scenario("hysynergy_300mw")
    inputs = build_inputs(s, load_profiles(s.profiles), COSTS, 24 * 30, 72)
    solved = network.solve(inputs)
    for bus, residual in _bus_residuals(solved.network).items():
        assert np.abs(residual).max() < 1e-6, bus
    frame = network.dispatch_frame(solved, inputs)
    for bus in outputs.balance(inputs):
        assert np.abs(outputs.residual(frame, inputs, bus)).max() < 1e-6, bus
    assert frame["h2_store_charge"].sum() + frame["tvis:heat_store_charge"].sum() > 0  # the stores were used


def test_simulation_agrees_with_optimisation_without_storage():
    """Fixed capacities, no storage, real DK1 hours with positive prices: both pick the same dispatch."""
    s = load_scenario("today")
    profiles = load_profiles(s.profiles)
    inputs = build_inputs(s, profiles, COSTS, 0, 48)
    assert inputs.export_value.min() > 0  # no negative-price hours in the window (the rules differ there)
    optimised = network.dispatch_frame(network.solve(inputs), inputs)
    variants = simulate.variants_from_scenario(inputs)
    simulated = simulate.frame_of(simulate.simulate(inputs, variants), inputs, 0)
    for column in ("electrolyser_el", "tvis:heat_pump_el", "grid_import", "grid_export", "tvis:boiler", "h2_backup",
                   "onshore_wind"):
        assert np.abs(optimised[column] - simulated[column]).max() < 1e-4, column
    for bus in outputs.balance(inputs):
        assert np.abs(outputs.residual(simulated, inputs, bus)).max() < 1e-6, bus


def test_store_loops_agree_and_respect_limits():
    rng = np.random.default_rng(7)
    net = rng.normal(0, 50, size=(40, 200))
    energy = rng.uniform(0, 300, size=40)
    power = rng.uniform(10, 60, size=40)
    loop = [simulate._store_loop(net[i].tolist(), energy[i], power[i], 0.9) for i in range(40)]
    vector = simulate._store_vector(net, energy, power, 0.9)
    assert np.allclose(np.array([c for c, _ in loop]), vector[0]) and np.allclose(np.array([d for _, d in loop]), vector[1])
    charge, discharge = vector
    level = np.cumsum(charge * 0.9 - discharge / 0.9, axis=1)
    assert (level >= -1e-9).all() and (level <= energy[:, None] + 1e-9).all()
    assert (charge <= power[:, None] + 1e-9).all() and (discharge <= power[:, None] + 1e-9).all()


def test_shortfall_names_the_balance():
    s = scenario(demand=dict(electricity_mwh_per_year=0.0, hydrogen_t_per_day=35), capacities=dict(h2_backup=dict(mw=10)))
    inputs = build_inputs(s, flat_profiles(HOURS_PER_YEAR, price=30.0), COSTS, 0, 12)
    solved = network.solve(inputs)
    assert solved.slack  # the first solve was infeasible; the second names the shortfall
    frame = network.dispatch_frame(solved, inputs)
    with pytest.raises(outputs.InfeasibleScenario) as caught:
        outputs.check_shortfall(frame, inputs)
    # demand 35 t/day = 48.6 MW, back-up 10 MW: 38.6 MW short in all 12 hours.
    message = caught.value.lines()[0]
    assert "hydrogen balance could not be met in 12 of 12 hours" in message and "38.6 MW" in message
    assert 35 * H2_LHV_MWH_PER_T / 24 - 10 == pytest.approx(38.6, abs=0.05)


def test_annuity_by_hand():
    assert annuity_factor(0.035, 25) == pytest.approx(0.0606740, abs=1e-6)   # 0.035 / (1 − 1.035^−25)
