"""Monte Carlo and tornado on a project whose NPV is linear in the value of time: NPV(v) = B·v − C."""

import numpy as np
import pytest

from trekant.infrastructure.cba import build_flows, run_cba
from trekant.infrastructure.risk import Distribution, run_risk, simulate, tornado

from .helpers import params, project

FIXED = Distribution("fixed", mode=1.0)
NO_GROWTH = Distribution("fixed", mode=0.0)


def _linear_case():
    """One year of benefit B (hours at 1 DKK) against C = 100 at NAF 1, flat 4 %, no residual.

    B is chosen so that C / (B / 1.04) = 0.5: the NPV is positive exactly when v > 0.5."""
    b = 2 * 100 * 1.04
    flows = build_flows(project(lifetime=1, hours=b), params(years=1))
    pv_b, cost = b / 1.04, 100.0
    return flows, pv_b, cost


def _spec(vot):
    return {"construction_overrun": FIXED, "traffic_growth": NO_GROWTH, "value_of_time": vot}


def test_probability_and_percentiles_follow_the_triangular_distribution():
    """v ~ triangular(0, 1, 2): P(v > 0.5) = 1 − 0.5²/2 = 0.875; P10 = √0.2, P90 = 2 − √0.2."""
    flows, pv_b, cost = _linear_case()
    result = run_risk(flows, _spec(Distribution("triangular", 0.0, 1.0, 2.0)), draws=200_000, seed=7)
    assert result.prob_npv_positive == pytest.approx(0.875, abs=0.004)
    tolerance = pv_b * 0.005  # sampling error of a percentile of v, times B
    assert result.p10_npv_dkk == pytest.approx(pv_b * np.sqrt(0.2) - cost, abs=tolerance)
    assert result.p50_npv_dkk == pytest.approx(pv_b * 1.0 - cost, abs=tolerance)
    assert result.p90_npv_dkk == pytest.approx(pv_b * (2 - np.sqrt(0.2)) - cost, abs=tolerance)
    assert result.central_npv_dkk == pytest.approx(pv_b - cost)


def test_tornado_uses_p10_and_p90_one_at_a_time():
    flows, pv_b, cost = _linear_case()
    spec = _spec(Distribution("triangular", 0.0, 1.0, 2.0)) | {"construction_overrun": Distribution("triangular", 1.0, 1.0, 1.1)}
    bars = {b.input: b for b in tornado(flows, spec)}
    vot = bars["value_of_time"]
    assert vot.npv_low_dkk == pytest.approx(pv_b * np.sqrt(0.2) - cost)
    assert vot.npv_high_dkk == pytest.approx(pv_b * (2 - np.sqrt(0.2)) - cost)
    over = bars["construction_overrun"]
    # triangular(1, 1, 1.1): P90 solves 1 − (1.1 − x)² / (0.1 · 0.1) = 0.9
    assert over.high_value == pytest.approx(1.1 - 0.1 * np.sqrt(0.1))
    assert over.npv_high_dkk == pytest.approx(pv_b - cost * over.high_value)
    assert bars["traffic_growth"].swing_dkk == 0.0  # growth is fixed
    assert [b.input for b in tornado(flows, spec)][0] == "value_of_time"  # widest bar first


def test_optimism_bias_raises_construction_in_every_draw():
    flows, pv_b, cost = _linear_case()
    plain = run_risk(flows, _spec(FIXED), draws=10, seed=1)
    biased = run_risk(flows, _spec(FIXED), draws=10, seed=1, optimism_bias=0.5)
    assert plain.p50_npv_dkk - biased.p50_npv_dkk == pytest.approx(0.5 * cost)
    assert biased.central_npv_dkk == pytest.approx(pv_b - 1.5 * cost)


def test_same_seed_same_draws_other_seed_other_draws():
    flows, _, _ = _linear_case()
    spec = _spec(Distribution("lognormal", median=1.0, sigma=0.3))
    first, again = simulate(flows, spec, 1000, 42), simulate(flows, spec, 1000, 42)
    assert np.array_equal(first, again)
    assert not np.array_equal(first, simulate(flows, spec, 1000, 43))


def test_pert_draws_have_the_pert_mean():
    """PERT mean = (low + 4·mode + high) / 6."""
    rng = np.random.default_rng(3)
    draws = Distribution("pert", 0.0, 0.01, 0.05).sample(rng, 400_000)
    assert draws.mean() == pytest.approx((0 + 4 * 0.01 + 0.05) / 6, rel=0.005)
    assert draws.min() >= 0.0 and draws.max() <= 0.05


def test_lognormal_median():
    rng = np.random.default_rng(4)
    draws = Distribution("lognormal", median=1.2, sigma=0.25).sample(rng, 200_000)
    assert np.median(draws) == pytest.approx(1.2, rel=0.01)


def test_traffic_growth_draws_move_the_npv_like_the_cba():
    proj, par = project(lifetime=2, growth=0.0), params(years=2)
    flows = build_flows(proj, par)
    spec = {"construction_overrun": FIXED, "traffic_growth": Distribution("fixed", mode=0.1), "value_of_time": FIXED}
    grown = run_cba(project(lifetime=2, growth=0.1), par)
    assert simulate(flows, spec, 3, 0) == pytest.approx([grown.npv_dkk] * 3)


def test_chunked_simulation_equals_one_pass(monkeypatch):
    from trekant.infrastructure import risk

    flows, _, _ = _linear_case()
    spec = _spec(Distribution("triangular", 0.0, 1.0, 2.0))
    whole = simulate(flows, spec, 1000, 5)
    monkeypatch.setattr(risk, "CHUNK_DRAWS", 128)
    assert np.allclose(simulate(flows, spec, 1000, 5), whole)


@pytest.mark.parametrize("dist", [
    Distribution("triangular", 1.0, 0.5, 2.0), Distribution("pert", 1.0, 1.0, 1.0),
    Distribution("lognormal", median=-1.0, sigma=0.1), Distribution("uniform", 2, 1.5, 1),
    Distribution("weibull", 0, 1, 2)])
def test_bad_distributions_say_why(dist):
    assert dist.problems()
