"""Monte Carlo risk and one-at-a-time sensitivity (tornado) for the CBA, vectorised over draws.

Three uncertain inputs, each with a triangular, PERT or lognormal distribution:
- construction_overrun: multiplier on construction cost (1.0 = the budget);
- traffic_growth: the yearly traffic growth rate (absolute, e.g. 0.01);
- value_of_time: multiplier on every travel-time benefit (1.0 = the parameter set's values).
An optimism-bias uplift multiplies construction cost in every draw on top of the overrun.
The NPV of all draws comes from cba.npv_draws: one (draws × years) growth matrix and a few
dot products, the same algebra as the deterministic CBA.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from trekant.infrastructure.cba import Flows, npv_draws

INPUTS = ("construction_overrun", "traffic_growth", "value_of_time")
CHUNK_DRAWS = 250_000  # bounds memory: a chunk's growth matrix is CHUNK × years floats
MAX_DRAWS = 5_000_000
PERT_LAMBDA = 4.0
# Where each input's draws may lie. A multiplier (overrun, values of time) is positive and under
# 10; a yearly growth rate stays within ±50 %. A distribution reaching outside is a typing error
# (e.g. 160 for 1.6), and an unbounded one would overflow the NPV.
RANGES = {"construction_overrun": (0.0, 10.0), "traffic_growth": (-0.5, 0.5), "value_of_time": (0.0, 10.0)}
LOGNORMAL_Z = 3.09  # the lognormal's P0.1–P99.9 is checked against RANGES


@dataclass(frozen=True)
class Distribution:
    """triangular/pert: low, mode, high. lognormal: median and sigma of the log. fixed: mode."""

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
        if self.kind == "lognormal":
            return [] if self.median > 0 and self.sigma >= 0 else ["lognormal needs median > 0 and sigma >= 0"]
        if self.kind == "fixed":
            return []
        return [f"unknown distribution {self.kind!r} (use triangular, pert, lognormal or fixed)"]

    def support(self) -> tuple[float, float]:
        """The range the draws fall in (P0.1–P99.9 for the unbounded lognormal)."""
        if self.kind in ("triangular", "pert"):
            return self.low, self.high
        if self.kind == "lognormal":
            spread = float(np.exp(min(LOGNORMAL_Z * self.sigma, 700.0)))
            return self.median / spread, self.median * spread
        return self.mode, self.mode

    def range_problems(self, name: str) -> list[str]:
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
        if self.kind == "fixed":
            return np.full(n, self.mode)
        return self.median * np.exp(self.sigma * rng.standard_normal(n))

    def central(self) -> float:
        return self.median if self.kind == "lognormal" else self.mode

    def quantile(self, q: float) -> float:
        frozen = self._frozen()
        return self.central() if frozen is None else float(frozen.ppf(q))

    def to_dict(self) -> dict:
        if self.kind == "fixed":
            return {"distribution": self.kind, "value": self.mode}
        if self.kind == "lognormal":
            return {"distribution": self.kind, "median": self.median, "sigma": self.sigma}
        return {"distribution": self.kind, "low": self.low, "mode": self.mode, "high": self.high}


def default_spec(traffic_growth: float) -> dict[str, Distribution]:
    """Default uncertainty (trekant's illustrative assumption, stated in docs/infrastructure.md)."""
    return {
        "construction_overrun": Distribution("triangular", 0.9, 1.0, 1.5),
        "traffic_growth": Distribution("pert", traffic_growth - 0.01, traffic_growth, traffic_growth + 0.01),
        "value_of_time": Distribution("triangular", 0.8, 1.0, 1.2),
    }


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
    histogram: dict = field(default_factory=dict)  # edges_dkk (bins + 1) and counts (bins) of the drawn NPVs

    def to_dict(self) -> dict:
        return {
            "project": self.project, "params": self.params, "draws": self.draws, "seed": self.seed,
            "optimism_bias": self.optimism_bias, "central_npv_dkk": self.central_npv_dkk,
            "mean_npv_dkk": self.mean_npv_dkk, "p10_npv_dkk": self.p10_npv_dkk, "p50_npv_dkk": self.p50_npv_dkk,
            "p90_npv_dkk": self.p90_npv_dkk, "prob_npv_positive": self.prob_npv_positive,
            "distributions": {k: v.to_dict() for k, v in self.spec.items()},
            "tornado": [{"input": b.input, "low_value": b.low_value, "high_value": b.high_value,
                         "npv_low_dkk": b.npv_low_dkk, "npv_high_dkk": b.npv_high_dkk, "swing_dkk": b.swing_dkk}
                        for b in self.tornado],
            "illustrative": bool(self.illustrative_inputs), "illustrative_inputs": list(self.illustrative_inputs),
            "histogram": self.histogram,
        }


def sample_inputs(spec: dict[str, Distribution], draws: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """One array of `draws` values per input, in a fixed order so a seed always gives the same draws."""
    return {name: spec[name].sample(rng, draws) for name in INPUTS}


def simulate(flows: Flows, spec: dict[str, Distribution], draws: int, seed: int, optimism_bias: float = 0.0) -> np.ndarray:
    """NPV of every draw (DKK), computed in chunks to bound memory."""
    rng = np.random.default_rng(seed)
    values = sample_inputs(spec, draws, rng)
    uplift = 1.0 + optimism_bias
    out = np.empty(draws)
    for start in range(0, draws, CHUNK_DRAWS):
        part = slice(start, min(start + CHUNK_DRAWS, draws))
        out[part] = npv_draws(flows, values["construction_overrun"][part] * uplift,
                              values["traffic_growth"][part], values["value_of_time"][part])
    return out


def tornado(flows: Flows, spec: dict[str, Distribution], optimism_bias: float = 0.0,
            low_q: float = 0.10, high_q: float = 0.90) -> tuple[TornadoBar, ...]:
    """NPV with one input at its P10 and then its P90, the others at their central values; widest first."""
    central = {name: spec[name].central() for name in INPUTS}
    bars = []
    for name in INPUTS:
        low, high = spec[name].quantile(low_q), spec[name].quantile(high_q)
        npvs = []
        for value in (low, high):
            point = central | {name: value}
            npvs.append(float(npv_draws(flows, point["construction_overrun"] * (1 + optimism_bias),
                                        point["traffic_growth"], point["value_of_time"])[0]))
        bars.append(TornadoBar(name, low, high, npvs[0], npvs[1]))
    return tuple(sorted(bars, key=lambda b: b.swing_dkk, reverse=True))


def run_risk(flows: Flows, spec: dict[str, Distribution], draws: int, seed: int, optimism_bias: float = 0.0,
             illustrative_inputs: tuple[str, ...] = ()) -> RiskResult:
    npv = simulate(flows, spec, draws, seed, optimism_bias)
    p10, p50, p90 = np.percentile(npv, [10, 50, 90])
    central = {name: spec[name].central() for name in INPUTS}
    central_npv = float(npv_draws(flows, central["construction_overrun"] * (1 + optimism_bias),
                                  central["traffic_growth"], central["value_of_time"])[0])
    return RiskResult(
        project=flows.project, params=flows.params, draws=draws, seed=seed, optimism_bias=optimism_bias,
        central_npv_dkk=central_npv, mean_npv_dkk=float(npv.mean()), p10_npv_dkk=float(p10), p50_npv_dkk=float(p50),
        p90_npv_dkk=float(p90), prob_npv_positive=float((npv > 0).mean()), spec=spec,
        tornado=tornado(flows, spec, optimism_bias), illustrative_inputs=illustrative_inputs,
        histogram=histogram(npv),
    )


HISTOGRAM_BINS = 40


def histogram(npv: np.ndarray, bins: int = HISTOGRAM_BINS) -> dict:
    """The distribution of the drawn NPVs in equal-width bins (numpy.histogram), for a chart."""
    counts, edges = np.histogram(npv, bins=min(bins, max(1, len(npv))))
    return {"edges_dkk": [float(e) for e in edges], "counts": [int(c) for c in counts]}
