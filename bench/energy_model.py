"""Benchmark of the hourly energy system: optimisation (PyPSA + HiGHS) and rule-based simulation.

Run: .venv/bin/python bench/energy_model.py            (two full-year optimisations, a few minutes)
     .venv/bin/python bench/energy_model.py --no-year  (skip them)

Targets (issue 15): the full-year optimisation of the shipped PtX scenario (ptx_1gw_2030) under the
hourly RFNBO rule in under 60 s, with model building (pandas → PyPSA → linopy → HiGHS) under 10 % of
the solver's time. Both are printed in wall-clock and in CPU time of this process: on a machine
shared with others the wall clock also counts their work, the CPU time does not.

Peers measured in the same run: the same year without the rule (what the rule adds), simulation vs
optimisation of the same scenario and week, and 100 scenarios in one vectorised call vs 100 calls.
"""

from __future__ import annotations

import argparse
import os
import time

from trekant.energy.core import network, simulate
from trekant.energy.io.scenario import load_scenario
from trekant.energy.io.system_inputs import load_inputs

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
    print(f"{name:<66} {seconds:9.3f} s{verdict}")


def report(name: str, solved, target: float | None = None) -> None:
    line(f"{name}, build + solve (wall)", solved.build_s + solved.solve_s, target)
    line(f"{name}, build + solve (CPU of this process)", solved.build_cpu_s + solved.solve_cpu_s, target)
    print(f"    wall: build {solved.build_s:.2f} s, solve {solved.solve_s:.2f} s, build/solve {solved.build_s / solved.solve_s:.1%}")
    print(f"    CPU:  build {solved.build_cpu_s:.2f} s, solve {solved.solve_cpu_s:.2f} s, "
          f"build/solve {solved.build_cpu_s / solved.solve_cpu_s:.1%} (target < 10 %)")


def without_rule(scenario):
    return scenario.model_copy(update=dict(rfnbo=scenario.rfnbo.model_copy(update=dict(rule="none"))))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-year", action="store_true", help="skip the full-year optimisations")
    args = parser.parse_args()
    print(f"load average at start: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    ptx = load_scenario("ptx_1gw_2030")           # hourly RFNBO rule, heat areas, extendable wind/solar/stores
    fixed = load_scenario("hysynergy_300mw")      # fixed capacities, H2 and heat stores
    network.solve(load_inputs(fixed, 24))         # warm-up: imports, first model

    week = network.solve(load_inputs(ptx, WEEK))
    report("optimise one week (ptx_1gw_2030, hourly rule, 168 h)", week, 5)

    if not args.no_year:
        year = network.solve(load_inputs(ptx))
        report(f"optimise a full year (ptx_1gw_2030, hourly rule, {len(year.network.snapshots)} h)", year, 60)
        free = network.solve(load_inputs(without_rule(ptx)))
        report("the same year without the RFNBO rule (peer)", free)
        print(f"ratio: with the hourly rule / without, solver CPU            {year.solve_cpu_s / free.solve_cpu_s:10.2f} x")

    year_inputs = load_inputs(fixed)
    one = simulate.variants_from_scenario(year_inputs)
    simulated_year = best_of(5, lambda: simulate.simulate(year_inputs, one))
    line(f"simulate a full year (hysynergy_300mw, {year_inputs.hours} h)", simulated_year, 0.1)

    overrides = [dict(electrolyser=e, h2_store=h) for e in range(0, 1000, 100) for h in range(0, 5000, 500)]
    variants = simulate.variants_from_scenario(year_inputs, overrides)
    vectorised = best_of(3, lambda: simulate.simulate(year_inputs, variants))
    line("simulate 100 scenarios for a full year, one vectorised call", vectorised, 10)
    separate = best_of(1, lambda: [simulate.simulate(year_inputs, [v]) for v in variants])
    line("simulate 100 scenarios for a full year, 100 separate calls", separate)

    week_inputs = load_inputs(fixed, WEEK)
    week_fixed = network.solve(week_inputs)
    simulated_week = best_of(5, lambda: simulate.simulate(week_inputs, simulate.variants_from_scenario(week_inputs)))
    print()
    print(f"ratio: optimisation / simulation, same fixed scenario and week  {(week_fixed.build_s + week_fixed.solve_s) / simulated_week:10.0f} x")
    print(f"ratio: 100 separate calls / one vectorised call               {separate / vectorised:10.1f} x")
    print(f"load average at end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
