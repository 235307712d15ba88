"""Dispatch of a heat area that touches nothing else: merit order, hour by hour, no optimiser needed.

An area without a heat pump, a heat store or the electrolyser's heat has no tie to electricity
and none between hours: its least-cost dispatch is, in every hour, the supplies that run anyway
(surplus heat, waste incineration) first, then biomass and gas boilers cheapest first; what runs
anyway beyond the demand is cooled off (dumped). The optimiser would find exactly this, so such
areas are left out of the linear programme (a smaller model, a faster solve) unless a CO2 limit
couples every emitter. The same rule serves the rule-based simulation.
"""

from __future__ import annotations

import numpy as np

from trekant.energy.core.inputs import AreaInputs, SystemInputs


def merit_order(area: AreaInputs, inputs: SystemInputs, biomass_mw, boiler_mw,
                demand_mw: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Hourly flows (MW heat) of one area, columns named `<area>:<flow>` like the optimiser's.

    Capacities may be numbers, or (S, 1) columns with a (S, T) demand for S variants at once."""
    key = area.key
    demand = area.demand_mw if demand_mw is None else demand_mw
    net = demand - area.must_run_mw
    deficit = np.maximum(net, 0.0)
    order = sorted([("biomass", inputs.biomass_cost, biomass_mw), ("boiler", inputs.boiler_cost, boiler_mw)],
                   key=lambda item: item[1])
    flows = {}
    for name, _, capacity in order:
        flows[f"{key}:{name}"] = np.minimum(deficit, capacity)
        deficit = deficit - flows[f"{key}:{name}"]
    flows[f"{key}:shortfall"] = deficit
    flows[f"{key}:heat_dump"] = np.maximum(-net, 0.0)
    return flows
