"""Joint multi-criteria ranking of the portfolio with pymcdm, and its stability under weight changes.

Alternatives are projects; criteria are CBA results (NPV, B/C, NPV per public krone, …) and the
non-monetised scores 1–5 (strategic fit, regional growth, climate, cohesion). Methods:
- weighted-sum: pymcdm WSM on min-max normalised columns, score = Σ w_j (x_ij − min_j)/(max_j − min_j)
  (benefit criteria; cost criteria use (max_j − x_ij)/(max_j − min_j));
- topsis: pymcdm TOPSIS (min-max normalisation), closeness to the ideal solution;
- promethee: pymcdm PROMETHEE II with the 'usual' preference function, net outranking flow.
Stability: the weights are multiplied by independent uniform factors in [1 − δ, 1 + δ] and
renormalised; per draw the ranking is recomputed and we count how often each project keeps its
rank and how often it stays in the top k.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from pymcdm.methods import PROMETHEE_II, TOPSIS, WSM
from pymcdm.normalizations import minmax_normalization

METHODS = ("weighted-sum", "topsis", "promethee")


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: float
    benefit: bool = True  # False: lower is better (a cost criterion)


@dataclass(frozen=True)
class RankedAlternative:
    key: str
    score: float
    rank: int
    keeps_rank_share: float
    top_k_share: float
    mean_rank: float


@dataclass(frozen=True)
class RankResult:
    method: str
    criteria: tuple[Criterion, ...]
    ranking: tuple[RankedAlternative, ...]
    draws: int
    perturbation: float
    top_k: int
    seed: int


def _method(name: str):
    if name == "weighted-sum":
        return WSM(normalization_function=minmax_normalization)
    if name == "topsis":
        return TOPSIS(normalization_function=minmax_normalization)
    if name == "promethee":
        return PROMETHEE_II("usual")  # a new object per call: pymcdm keeps per-criterion state
    raise ValueError(f"unknown method {name!r}; use {', '.join(METHODS)}")


def scores(matrix: np.ndarray, weights: np.ndarray, types: np.ndarray, method: str) -> np.ndarray:
    """The method's preference value per alternative (higher is better for all three methods)."""
    matrix = np.asarray(matrix, dtype=float)
    if (np.ptp(matrix, axis=0) == 0).all() or matrix.shape[0] < 2:
        return np.zeros(matrix.shape[0])  # nothing separates the alternatives
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pymcdm's notes on dominated alternatives
        return np.asarray(_method(method)(matrix, weights, types), dtype=float)


def ranks_of(values: np.ndarray, keys: list[str]) -> np.ndarray:
    """1-based ranks, best first; ties broken by key so every run gives the same order."""
    order = sorted(range(len(values)), key=lambda i: (-values[i], keys[i]))
    ranks = np.empty(len(values), dtype=int)
    ranks[order] = np.arange(1, len(values) + 1)
    return ranks


def perturbed_weights(weights: np.ndarray, draws: int, perturbation: float, rng: np.random.Generator) -> np.ndarray:
    factors = rng.uniform(1.0 - perturbation, 1.0 + perturbation, size=(draws, len(weights)))
    w = weights[None, :] * factors
    return w / w.sum(axis=1, keepdims=True)


def rank(keys: list[str], matrix: np.ndarray, criteria: tuple[Criterion, ...], method: str,
         draws: int = 1000, perturbation: float = 0.2, top_k: int = 3, seed: int = 1) -> RankResult:
    """Rank the alternatives (rows of matrix, columns in the order of criteria) and test stability."""
    weights = np.array([c.weight for c in criteria], dtype=float)
    weights = weights / weights.sum()
    types = np.array([1 if c.benefit else -1 for c in criteria])
    base_scores = scores(matrix, weights, types, method)
    base_ranks = ranks_of(base_scores, keys)
    rng = np.random.default_rng(seed)
    drawn = np.array([ranks_of(scores(matrix, w, types, method), keys)
                      for w in perturbed_weights(weights, draws, perturbation, rng)]) if draws else np.empty((0, len(keys)))
    k = min(top_k, len(keys))
    ranked = [
        RankedAlternative(
            key=keys[i], score=float(base_scores[i]), rank=int(base_ranks[i]),
            keeps_rank_share=float((drawn[:, i] == base_ranks[i]).mean()) if draws else 1.0,
            top_k_share=float((drawn[:, i] <= k).mean()) if draws else float(base_ranks[i] <= k),
            mean_rank=float(drawn[:, i].mean()) if draws else float(base_ranks[i]),
        )
        for i in range(len(keys))
    ]
    ranked.sort(key=lambda r: r.rank)
    return RankResult(method, tuple(Criterion(c.name, float(w), c.benefit) for c, w in zip(criteria, weights)),
                      tuple(ranked), draws, perturbation, k, seed)
