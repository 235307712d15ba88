"""Benchmark of the hourly energy system: optimisation (PyPSA + HiGHS) and rule-based simulation.

Run: .venv/bin/python bench/energy_model.py            (includes one full-year optimisation, ~1 min)
     .venv/bin/python bench/energy_model.py --no-year  (skip it)

Prints timings against the targets of issue 4 and two ratios against peers measured in the same run:
simulation vs optimisation of the same scenario and week, and 100 scenarios in one vectorised call
vs 100 separate calls.
"""

from __future__ import annotations

import argparse
import time

from trekant.energy.core import network, simulate
from trekant.energy.core.inputs import build_inputs
from trekant.energy.io.costs import read_costs
from trekant.energy.io.profiles import load_profiles
from trekant.energy.io.scenario import load_scenario

WEEK = 168


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def line(name: str, seconds: float, target: float | None = None) -> None:
    verdict = "" if target is None else f"  (target < {target:g} s: {'ok' if seconds < target else 'MISSED'})"
    print(f"{name:<58} {seconds:9.3f} s{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-year", action="store_true", help="skip the full-year optimisation")
    args = parser.parse_args()
    costs = read_costs()
    optimised = load_scenario("ptx_1gw_2030")      # extendable wind, solar, battery, H2 and heat stores
    fixed = load_scenario("hysynergy_300mw")       # fixed capacities, H2 and heat stores
    profiles = load_profiles(optimised.profiles)
    network.solve(build_inputs(fixed, profiles, costs, 0, 24))  # warm-up: imports, first model

    week = network.solve(build_inputs(optimised, profiles, costs, 0, WEEK))
    line("optimise one week (ptx_1gw_2030, 168 h), build + solve", week.build_s + week.solve_s, 5)
    print(f"    build {week.build_s:.3f} s, solve {week.solve_s:.3f} s, build/solve {week.build_s / week.solve_s:.1%}")

    if not args.no_year:
        year = network.solve(build_inputs(optimised, profiles, costs))
        line(f"optimise a full year (ptx_1gw_2030, {profiles.hours} h), build + solve", year.build_s + year.solve_s, 90)
        print(f"    build {year.build_s:.3f} s, solve {year.solve_s:.3f} s, "
              f"build/solve {year.build_s / year.solve_s:.1%} (target < 20 %)")

    year_inputs = build_inputs(fixed, profiles, costs)
    one = simulate.variants_from_scenario(year_inputs)
    simulated_year = best_of(5, lambda: simulate.simulate(year_inputs, one))
    line(f"simulate a full year (hysynergy_300mw, {profiles.hours} h)", simulated_year, 0.1)

    overrides = [dict(electrolyser=e, h2_store=h) for e in range(0, 1000, 100) for h in range(0, 5000, 500)]
    variants = simulate.variants_from_scenario(year_inputs, overrides)
    vectorised = best_of(3, lambda: simulate.simulate(year_inputs, variants))
    line("simulate 100 scenarios for a full year, one vectorised call", vectorised, 10)
    separate = best_of(1, lambda: [simulate.simulate(year_inputs, [v]) for v in variants])
    line("simulate 100 scenarios for a full year, 100 separate calls", separate)

    week_inputs = build_inputs(fixed, profiles, costs, 0, WEEK)
    week_fixed = network.solve(week_inputs)
    simulated_week = best_of(5, lambda: simulate.simulate(week_inputs, simulate.variants_from_scenario(week_inputs)))
    print()
    print(f"ratio: optimisation / simulation, same fixed scenario and week  {(week_fixed.build_s + week_fixed.solve_s) / simulated_week:10.0f} x")
    print(f"ratio: 100 separate calls / one vectorised call               {separate / vectorised:10.1f} x")


if __name__ == "__main__":
    main()
