"""The register mirror's explicit repairs at their limits: make_valid only within 0.1 % of the area,
parts under 1 m² dropped, a feature skipped only when nothing is left.

The twisted square (side L, its last vertex (d, -d) past the first corner): its ring crosses itself
once near (0, 0). By the shoelace formula the ring's signed area is L² - dL/2; the crossing cuts off a
triangle (0, 0), (Ld/(L+d), 0), (d, -d) of area ½·Ld/(L+d)·d that the signed area counts negatively,
so make_valid's polygons have area L² - dL/2 + Ld²/(L+d): a change of d² / ((L+d)(L - d/2)).
"""

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Polygon, box

from trekant.plan import repair


def _twisted(side_m: float, d_m: float) -> Polygon:
    return Polygon([(0, 0), (side_m, 0), (side_m, side_m), (0, side_m), (d_m, -d_m)])


@pytest.mark.parametrize("d_m, before_m2, after_m2, repaired", [
    (3.0, 9850.0, 9850.0 + 100 * 9 / 103, True),  # change 0.0887 %: repaired
    (3.5, 9825.0, 9825.0 + 100 * 12.25 / 103.5, False),  # change 0.1205 %: more than 0.1 %, skipped
])
def test_make_valid_only_within_a_tenth_of_a_percent(d_m, before_m2, after_m2, repaired):
    geom = _twisted(100.0, d_m)
    assert not geom.is_valid and geom.area == pytest.approx(before_m2)
    out = repair.repair(np.array([MultiPolygon([geom])], dtype=object))
    if repaired:
        assert [(row, code) for row, code, _ in out.done] == [(0, "invalid-geometry")] and out.skip == []
        assert out.geoms[0].is_valid and out.geoms[0].area == pytest.approx(after_m2)
    else:
        ((row, code, message),) = out.skip
        assert (row, code) == (0, "invalid-geometry") and "more than 0.1%" in message and out.done == []


def test_parts_under_a_square_metre_are_dropped_and_only_an_empty_feature_is_skipped():
    keep = box(0, 0, 100, 100)
    sliver, speck = box(200, 0, 200.5, 1.0), box(300, 0, 300.9, 1.0)  # 0.5 m² and 0.9 m²
    just_enough = box(400, 0, 401, 1)  # exactly 1 m²: kept
    out = repair.repair(np.array([MultiPolygon([keep, sliver, speck, just_enough]), MultiPolygon([sliver, speck])],
                                 dtype=object))
    ((row, code, message),) = out.done
    assert (row, code) == (0, "too-small") and "2 part(s)" in message and "1.400 m²" in message
    assert out.geoms[0].area == pytest.approx(10_000.0 + 1.0)
    ((row, code, _),) = out.skip
    assert (row, code) == (1, "too-small")
