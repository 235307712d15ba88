"""Monte Carlo risk and one-at-a-time sensitivity (tornado) for the CBA, vectorised over draws.

Uncertain inputs, each with a triangular, PERT, lognormal, uniform or fixed distribution:
- construction_overrun: multiplier on the BASE ESTIMATE (1.0 = the base estimate). A budget that
  already holds a correction reserve is first taken back to its base estimate (reserve.cost_split),
  so the reserve and the drawn overrun are never counted twice;
- traffic_growth: the yearly traffic growth rate (absolute, e.g. 0.01);
- value_of_time: multiplier on every travel-time benefit (1.0 = the parameter set's values);
- co2_price: multiplier on the CO2e shadow price (FM 2023 asks for CO2e prices to be varied);
- quantity.NAME: a project quantity published as a range (effects.quantity_ranges), drawn
  uniformly between its bounds.
An optimism-bias uplift multiplies the base estimate in every draw on top of the overrun.
The NPV of all draws comes from cba.npv_draws: one (draws × years) growth matrix and a few
dot products, the same algebra as the deterministic CBA.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from trekant.infrastructure.cba import Flows, npv_draws

INPUTS = ("construction_overrun", "traffic_growth", "value_of_time", "co2_price")
QUANTITY_PREFIX = "quantity."
HISTOGRAM_BINS = 30
CHUNK_DRAWS = 250_000  # bounds memory: a chunk's growth matrix is CHUNK × years floats
MAX_DRAWS = 5_000_000
PERT_LAMBDA = 4.0
# Where each input's draws may lie. A multiplier (overrun, values of time) is positive and under
# 10; a yearly growth rate stays within ±50 %. A distribution reaching outside is a typing error
# (e.g. 160 for 1.6), and an unbounded one would overflow the NPV.
RANGES = {"construction_overrun": (0.0, 10.0), "traffic_growth": (-0.5, 0.5), "value_of_time": (0.0, 10.0),
          "co2_price": (0.0, 10.0)}
LOGNORMAL_Z = 3.09  # the lognormal's P0.1–P99.9 is checked against RANGES


@dataclass(frozen=True)
class Distribution:
    """triangular/pert: low, mode, high. uniform: low, high (mode = midpoint). lognormal: median and
    sigma of the log. fixed: mode."""

    kind: str
    low: float = 0.0
    mode: float = 0.0
    high: float = 0.0
    median: float = 1.0
    sigma: float = 0.0

    def problems(self) -> list[str]:
        if self.kind in ("triangular", "pert"):
            if not self.low <= self.mode <= self.high or self.low == self.high:
                return [f"{self.kind} needs low <= mode <= high and low < high (got {self.low}, {self.mode}, {self.high})"]
            return []
        if self.kind == "uniform":
            return [] if self.low < self.high else [f"uniform needs low < high (got {self.low}, {self.high})"]
        if self.kind == "lognormal":
            return [] if self.median > 0 and self.sigma >= 0 else ["lognormal needs median > 0 and sigma >= 0"]
        if self.kind == "fixed":
            return []
        return [f"unknown distribution {self.kind!r} (use triangular, pert, uniform, lognormal or fixed)"]

    def support(self) -> tuple[float, float]:
        """The range the draws fall in (P0.1–P99.9 for the unbounded lognormal)."""
        if self.kind in ("triangular", "pert", "uniform"):
            return self.low, self.high
        if self.kind == "lognormal":
            spread = float(np.exp(min(LOGNORMAL_Z * self.sigma, 700.0)))
            return self.median / spread, self.median * spread
        return self.mode, self.mode

    def range_problems(self, name: str) -> list[str]:
        if name not in RANGES:
            return []  # a drawn quantity: its own published range bounds it
        low, high = RANGES[name]
        got_low, got_high = self.support()
        if low < got_low and got_high <= high:
            return []
        return [f"{self.kind} draws reach {got_low:.4g}–{got_high:.4g}; {name} must stay above {low:g} and at most {high:g}"]

    def _frozen(self):
        if self.kind == "triangular":
            return stats.triang((self.mode - self.low) / (self.high - self.low), loc=self.low, scale=self.high - self.low)
        if self.kind == "pert":
            width = self.high - self.low
            a = 1 + PERT_LAMBDA * (self.mode - self.low) / width
            b = 1 + PERT_LAMBDA * (self.high - self.mode) / width
            return stats.beta(a, b, loc=self.low, scale=width)
        if self.kind == "uniform":
            return stats.uniform(loc=self.low, scale=self.high - self.low)
        if self.kind == "lognormal" and self.sigma > 0:
            return stats.lognorm(s=self.sigma, scale=self.median)
        return None

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.kind == "triangular":
            return rng.triangular(self.low, self.mode, self.high, n)
        if self.kind == "pert":
            width = self.high - self.low
            a = 1 + PERT_LAMBDA * (self.mode - self.low) / width
            b = 1 + PERT_LAMBDA * (self.high - self.mode) / width
            return self.low + width * rng.beta(a, b, n)
        if self.kind == "uniform":
            return rng.uniform(self.low, self.high, n)
        if self.kind == "fixed":
            return np.full(n, self.mode)
        return self.median * np.exp(self.sigma * rng.standard_normal(n))

    def central(self) -> float:
        if self.kind == "uniform":
            return (self.low + self.high) / 2.0
        return self.median if self.kind == "lognormal" else self.mode

    def quantile(self, q: float) -> float:
        frozen = self._frozen()
        return self.central() if frozen is None else float(frozen.ppf(q))

    def to_dict(self) -> dict:
        if self.kind == "fixed":
            return {"distribution": self.kind, "value": self.mode}
        if self.kind == "lognormal":
            return {"distribution": self.kind, "median": self.median, "sigma": self.sigma}
        if self.kind == "uniform":
            return {"distribution": self.kind, "low": self.low, "high": self.high}
        return {"distribution": self.kind, "low": self.low, "mode": self.mode, "high": self.high}


def default_spec(traffic_growth: float, quantity_ranges: dict[str, tuple[float, float]] | None = None) -> dict[str, Distribution]:
    """Default uncertainty (trekant's illustrative assumption, stated in docs/infrastructure.md);
    a quantity published as a range is drawn uniformly over it (that range is sourced, not assumed)."""
    spec = {
        "construction_overrun": Distribution("triangular", 0.9, 1.0, 1.5),
        "traffic_growth": Distribution("pert", traffic_growth - 0.01, traffic_growth, traffic_growth + 0.01),
        "value_of_time": Distribution("triangular", 0.8, 1.0, 1.2),
        "co2_price": Distribution("triangular", 0.5, 1.0, 2.0),
    }
    for name, (low, high) in sorted((quantity_ranges or {}).items()):
        spec[QUANTITY_PREFIX + name] = Distribution("uniform", low, (low + high) / 2.0, high)
    return spec



@dataclass(frozen=True)
class TornadoBar:
    input: str
    low_value: float
    high_value: float
    npv_low_dkk: float
    npv_high_dkk: float

    @property
    def swing_dkk(self) -> float:
        return abs(self.npv_high_dkk - self.npv_low_dkk)


@dataclass(frozen=True)
class RiskResult:
    project: str
    params: str
    draws: int
    seed: int
    optimism_bias: float
    central_npv_dkk: float
    mean_npv_dkk: float
    p10_npv_dkk: float
    p50_npv_dkk: float
    p90_npv_dkk: float
    prob_npv_positive: float
    spec: dict[str, Distribution]
    tornado: tuple[TornadoBar, ...]
    illustrative_inputs: tuple[str, ...] = field(default=())
    cba_npv_dkk: float | None = None  # the deterministic CBA (budget with its reserve)
    prob_cost_above_budget: float | None = None  # share of draws whose cost exceeds the budget with reserve
    costs: dict = field(default_factory=dict)  # cost basis and reserve, as in the CBA
    histogram: dict = field(default_factory=dict)  # {"edges_dkk": [...], "counts": [...]} of the NPV draws

    def to_dict(self) -> dict:
        return {
            "project": self.project, "params": self.params, "draws": self.draws, "seed": self.seed,
            "optimism_bias": self.optimism_bias, "central_npv_dkk": self.central_npv_dkk,
            "cba_npv_dkk": self.cba_npv_dkk, "prob_cost_above_budget": self.prob_cost_above_budget,
            "costs": dict(self.costs), "histogram": dict(self.histogram),
            "mean_npv_dkk": self.mean_npv_dkk, "p10_npv_dkk": self.p10_npv_dkk, "p50_npv_dkk": self.p50_npv_dkk,
            "p90_npv_dkk": self.p90_npv_dkk, "prob_npv_positive": self.prob_npv_positive,
            "distributions": {k: v.to_dict() for k, v in self.spec.items()},
            "tornado": [{"input": b.input, "low_value": b.low_value, "high_value": b.high_value,
                         "npv_low_dkk": b.npv_low_dkk, "npv_high_dkk": b.npv_high_dkk, "swing_dkk": b.swing_dkk}
                        for b in self.tornado],
            "illustrative": bool(self.illustrative_inputs), "illustrative_inputs": list(self.illustrative_inputs),
        }


def sample_inputs(spec: dict[str, Distribution], draws: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """One array of `draws` values per input, in a fixed order (INPUTS, then the drawn quantities by
    name) so a seed always gives the same draws, and adding an input never reshuffles earlier ones."""
    order = [name for name in INPUTS if name in spec] + sorted(n for n in spec if n.startswith(QUANTITY_PREFIX))
    return {name: spec[name].sample(rng, draws) for name in order}


def _npv(flows: Flows, point: dict[str, np.ndarray | float], optimism_bias: float) -> np.ndarray:
    """NPV of draws given as {input: values}; the overrun applies to the base estimate."""
    quantities = {n[len(QUANTITY_PREFIX):]: v for n, v in point.items() if n.startswith(QUANTITY_PREFIX)}
    overrun = np.asarray(point["construction_overrun"], dtype=float) * (1.0 + optimism_bias) * flows.overrun_on_budget
    return npv_draws(flows, overrun, point["traffic_growth"], point["value_of_time"], point.get("co2_price", 1.0), quantities)


def simulate(flows: Flows, spec: dict[str, Distribution], draws: int, seed: int, optimism_bias: float = 0.0) -> np.ndarray:
    """NPV of every draw (DKK), computed in chunks to bound memory."""
    return simulate_with_inputs(flows, spec, draws, seed, optimism_bias)[0]


def simulate_with_inputs(flows: Flows, spec: dict[str, Distribution], draws: int, seed: int,
                         optimism_bias: float = 0.0) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    rng = np.random.default_rng(seed)
    values = sample_inputs(spec, draws, rng)
    out = np.empty(draws)
    for start in range(0, draws, CHUNK_DRAWS):
        part = slice(start, min(start + CHUNK_DRAWS, draws))
        out[part] = _npv(flows, {k: v[part] for k, v in values.items()}, optimism_bias)
    return out, values


def central_point(spec: dict[str, Distribution]) -> dict[str, float]:
    return {name: dist.central() for name, dist in spec.items()}


def tornado(flows: Flows, spec: dict[str, Distribution], optimism_bias: float = 0.0,
            low_q: float = 0.10, high_q: float = 0.90) -> tuple[TornadoBar, ...]:
    """NPV with one input at its P10 and then its P90, the others at their central values; widest first."""
    central = central_point(spec)
    bars = []
    for name, dist in spec.items():
        low, high = dist.quantile(low_q), dist.quantile(high_q)
        npvs = [float(_npv(flows, central | {name: value}, optimism_bias)[0]) for value in (low, high)]
        bars.append(TornadoBar(name, low, high, npvs[0], npvs[1]))
    return tuple(sorted(bars, key=lambda b: b.swing_dkk, reverse=True))


def histogram(npv: np.ndarray, bins: int = HISTOGRAM_BINS) -> dict:
    """Counts of the NPV draws in equal-width bins (for a chart; plain lists)."""
    counts, edges = np.histogram(npv, bins=bins)
    return {"edges_dkk": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def run_risk(flows: Flows, spec: dict[str, Distribution], draws: int, seed: int, optimism_bias: float = 0.0,
             illustrative_inputs: tuple[str, ...] = (), cba_npv_dkk: float | None = None,
             costs: dict | None = None) -> RiskResult:
    npv, values = simulate_with_inputs(flows, spec, draws, seed, optimism_bias)
    p10, p50, p90 = np.percentile(npv, [10, 50, 90])
    central_npv = float(_npv(flows, central_point(spec), optimism_bias)[0])
    # the budget holds base × (1 + reserve) = base ÷ overrun_on_budget; a draw costs base × overrun × (1 + bias).
    # Without a known reserve there is no budget-with-reserve to exceed: None.
    above = None
    if (costs or {}).get("reserve_share") is not None:
        above = float((values["construction_overrun"] * (1.0 + optimism_bias) > 1.0 / flows.overrun_on_budget + 1e-12).mean())
    return RiskResult(
        project=flows.project, params=flows.params, draws=draws, seed=seed, optimism_bias=optimism_bias,
        central_npv_dkk=central_npv, mean_npv_dkk=float(npv.mean()), p10_npv_dkk=float(p10), p50_npv_dkk=float(p50),
        p90_npv_dkk=float(p90), prob_npv_positive=float((npv > 0).mean()), spec=spec,
        tornado=tornado(flows, spec, optimism_bias), illustrative_inputs=illustrative_inputs,
        cba_npv_dkk=cba_npv_dkk, prob_cost_above_budget=above, costs=dict(costs or {}), histogram=histogram(npv),
    )

