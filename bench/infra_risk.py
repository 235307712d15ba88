"""Benchmark: vectorised Monte Carlo of a 50-year project's NPV against a per-draw Python loop.

Run:  .venv/bin/python bench/infra_risk.py [--draws 100000] [--loop-draws 2000]

The peer is the plain way to write it: for each draw, loop over the years and add up the
discounted flows in Python. It is timed on a subset of draws (the same draws, checked to give
the same NPVs) and its per-draw time is scaled to the full count for the ratio.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from trekant.infrastructure.cba import build_flows
from trekant.infrastructure.io.params import load_params
from trekant.infrastructure.io.project import read_project_file
from trekant.infrastructure.risk import default_spec, run_risk, sample_inputs, simulate

PROJECT = Path(__file__).resolve().parents[1] / "src/trekant/infrastructure/data/projects/trekantomraadet/e45-vejle-skanderborg.yaml"


def loop_npv(flows, overrun: float, growth: float, vot: float, co2: float) -> float:
    """One draw, one year at a time: the straightforward scalar implementation (the overrun is drawn on
    the base estimate, so it is scaled to the budget amounts the flows hold)."""
    total, naf, extra = 0.0, flows.net_tax_factor, flows.tax_distortion_factor - 1.0
    time_items, revenue_items = set(flows.time_items), set(flows.public_revenue_items)
    overrun *= flows.overrun_on_budget
    for i in range(len(flows.years)):
        g = (1.0 + growth) ** int(flows.growth_exponent[i])
        items = {k: float(v[i]) * g * (vot if k in time_items else co2 if k == "co2" else 1.0) for k, v in flows.benefits_dkk.items()}
        construction = overrun * float(flows.construction_dkk[i])
        om, reinvest = float(flows.om_dkk[i]), float(flows.reinvestments[i])
        public = (flows.public_share * (construction + om + reinvest) - float(flows.revenue_dkk[i]) * g
                  - sum(v for k, v in items.items() if k in revenue_items))
        flow = sum(items.values()) - naf * (construction + om + reinvest) - extra * public
        if i == len(flows.years) - 1:
            flow += naf * (flows.residual_share * overrun * float(flows.construction_dkk.sum()) + flows.reinvestment_residual_dkk)
        total += float(flows.factors[i]) * flow
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--loop-draws", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    project, _ = read_project_file(PROJECT)
    flows = build_flows(project, load_params("fm2023"))
    spec = default_spec(project.traffic_growth_per_year)
    years = len(flows.years)

    simulate(flows, spec, 1000, 0)  # warm-up
    vectorised = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        npv = simulate(flows, spec, args.draws, seed=1)
        vectorised.append(time.perf_counter() - start)
    start = time.perf_counter()
    run_risk(flows, spec, args.draws, seed=1)
    full_risk = time.perf_counter() - start

    values = sample_inputs(spec, args.draws, np.random.default_rng(1))
    start = time.perf_counter()
    looped = np.array([loop_npv(flows, values["construction_overrun"][i], values["traffic_growth"][i], values["value_of_time"][i],
                                values["co2_price"][i]) for i in range(args.loop_draws)])
    loop_s = time.perf_counter() - start
    assert np.allclose(looped, npv[: args.loop_draws], rtol=1e-9), "the loop and the vectorised NPVs differ"

    best = min(vectorised)
    loop_full = loop_s / args.loop_draws * args.draws
    print(f"project {project.key}: {years} years ({flows.base_year}–{flows.last_year}), {args.draws:,} draws")
    print(f"vectorised NPV of all draws: best {best:.3f} s, median {sorted(vectorised)[len(vectorised) // 2]:.3f} s ({args.repeat} runs)")
    print(f"full risk run (draws + percentiles + tornado): {full_risk:.3f} s")
    print(f"per-draw Python loop: {loop_s:.3f} s for {args.loop_draws:,} draws -> {loop_full:.1f} s for {args.draws:,} (scaled)")
    print(f"ratio loop / vectorised: {loop_full / best:,.0f}x (same NPVs on the {args.loop_draws:,} checked draws)")


if __name__ == "__main__":
    main()
