"""Neighbours and areas, on hand-built squares where the answer is known by construction."""

from shapely.geometry import box

from trekant.region.geometry import area_km2, neighbours


def test_area_of_a_10_km_square_is_100_km2():
    assert area_km2(box(0, 0, 10_000, 10_000)) == 100.0


def test_neighbours_touch_along_a_border_but_not_across_water():
    geoms = {
        "A": box(0, 0, 10_000, 10_000),
        "B": box(10_020, 0, 20_000, 10_000),  # 20 m gap: generalisation noise, still a neighbour
        "C": box(0, 10_700, 10_000, 20_000),  # 700 m of water from A: no land border
        "D": box(20_000, 10_000, 30_000, 20_000),  # touches B only at a corner: no shared border
    }
    assert neighbours(geoms) == {"A": ["B"], "B": ["A"], "C": [], "D": []}
