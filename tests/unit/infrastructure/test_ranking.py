"""Rankings against hand computations on a three-project case.

    criterion   x1 (benefit)  x2 (benefit, 1–5)  x3 (cost)
    A           1             5                  100
    B           2             3                  50
    C           4             1                  0
    weight      0.5           0.3                0.2
"""

import math

import numpy as np
import pytest

from trekant.infrastructure.ranking import Criterion, rank, scores

KEYS = ["A", "B", "C"]
MATRIX = np.array([[1, 5, 100], [2, 3, 50], [4, 1, 0]], dtype=float)
CRITERIA = (Criterion("x1", 0.5), Criterion("x2", 0.3), Criterion("x3", 0.2, benefit=False))


def test_weighted_sum_matches_the_hand_computation():
    # min-max: x1 → (v−1)/3, x2 → (v−1)/4, x3 (cost) → (100−v)/100
    a = 0.5 * 0 + 0.3 * 1 + 0.2 * 0
    b = 0.5 * (1 / 3) + 0.3 * 0.5 + 0.2 * 0.5
    c = 0.5 * 1 + 0.3 * 0 + 0.2 * 1
    result = rank(KEYS, MATRIX, CRITERIA, "weighted-sum", draws=0)
    assert [(r.key, r.rank) for r in result.ranking] == [("C", 1), ("B", 2), ("A", 3)]
    assert {r.key: r.score for r in result.ranking} == pytest.approx({"A": a, "B": b, "C": c})


def test_topsis_matches_the_hand_computation():
    # weighted normalised rows: A (0, .3, 0), B (1/6, .15, .1), C (.5, 0, .2); ideal (.5, .3, .2), anti-ideal 0
    def closeness(row):
        ideal = np.array([0.5, 0.3, 0.2])
        d_plus, d_minus = math.dist(row, ideal), math.dist(row, [0, 0, 0])
        return d_minus / (d_plus + d_minus)

    expected = [closeness([0, 0.3, 0]), closeness([1 / 6, 0.15, 0.1]), closeness([0.5, 0, 0.2])]
    weights, types = np.array([0.5, 0.3, 0.2]), np.array([1, 1, -1])
    assert scores(MATRIX, weights, types, "topsis") == pytest.approx(expected)


def test_promethee_usual_net_flows_by_hand():
    # each pair: the winner on x1 and x3 collects 0.7, the winner on x2 0.3 → φ = mean over the others
    weights, types = np.array([0.5, 0.3, 0.2]), np.array([1, 1, -1])
    assert scores(MATRIX, weights, types, "promethee") == pytest.approx([-0.4, 0.0, 0.4])


def test_weights_are_normalised():
    doubled = tuple(Criterion(c.name, c.weight * 2, c.benefit) for c in CRITERIA)
    one = rank(KEYS, MATRIX, CRITERIA, "weighted-sum", draws=0)
    two = rank(KEYS, MATRIX, doubled, "weighted-sum", draws=0)
    assert [r.score for r in one.ranking] == pytest.approx([r.score for r in two.ranking])
    assert sum(c.weight for c in two.criteria) == pytest.approx(1.0)


def test_without_perturbation_every_rank_is_kept():
    result = rank(KEYS, MATRIX, CRITERIA, "topsis", draws=50, perturbation=0.0, top_k=2)
    assert all(r.keeps_rank_share == 1.0 for r in result.ranking)
    assert {r.key: r.top_k_share for r in result.ranking} == {"C": 1.0, "B": 1.0, "A": 0.0}


def test_a_tie_flips_in_half_the_draws():
    """A = (1, 0), B = (0, 1), equal weights: A leads exactly when its perturbed weight is larger."""
    matrix = np.array([[1.0, 0.0], [0.0, 1.0]])
    criteria = (Criterion("x1", 0.5), Criterion("x2", 0.5))
    result = rank(["A", "B"], matrix, criteria, "weighted-sum", draws=4000, perturbation=0.3, top_k=1, seed=2)
    a = next(r for r in result.ranking if r.key == "A")
    assert a.rank == 1  # the tie is broken by key
    assert a.keeps_rank_share == pytest.approx(0.5, abs=0.03)
    assert a.top_k_share == a.keeps_rank_share


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown method"):
        rank(KEYS, MATRIX, CRITERIA, "electre", draws=0)
