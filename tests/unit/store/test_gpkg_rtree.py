"""The bulk-loaded R-tree is an R-tree SQLite accepts (rtreecheck) and answers box queries exactly
as a brute-force comparison of the float64 boxes does (away from float32 rounding at the edges)."""

import numpy as np
import pytest
from sqlalchemy import create_engine

from trekant.store import gpkg_rtree


@pytest.mark.parametrize("count", [0, 1, 51, 52, 2_700, 30_000])
def test_bulk_load_gives_a_valid_tree_that_answers_like_brute_force(tmp_path, count):
    rng = np.random.default_rng(count)
    x, y = rng.uniform(440_000, 890_000, count), rng.uniform(6.04e6, 6.40e6, count)
    width, height = rng.uniform(1, 900, count), rng.uniform(1, 900, count)
    engine = create_engine(f"sqlite:///{tmp_path / 't.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
        conn.exec_driver_sql("INSERT INTO r VALUES (999999, 0, 1, 0, 1)")  # a bulk load replaces what was there
        gpkg_rtree.bulk_load(conn, "r", np.arange(1, count + 1), x, x + width, y, y + height)
        assert conn.exec_driver_sql("SELECT rtreecheck('r')").scalar() == "ok"
        assert conn.exec_driver_sql("SELECT count(*) FROM r").scalar() == count
        box = (600_000.5, 700_000.5, 6.2e6 + 0.5, 6.3e6 + 0.5)
        found = {r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM r WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?", box)}
        expected = set(np.flatnonzero((x + width >= box[0]) & (x <= box[1]) & (y + height >= box[2]) & (y <= box[3])) + 1)
        assert found == expected
        # the module keeps working on the loaded tree: an insert and a delete leave it valid
        conn.exec_driver_sql("INSERT INTO r VALUES (?, 1, 2, 3, 4)", (count + 10,))
        conn.exec_driver_sql("DELETE FROM r WHERE id = 1")
        assert conn.exec_driver_sql("SELECT rtreecheck('r')").scalar() == "ok"
    engine.dispose()


def test_bounds_are_rounded_outward_to_float32():
    values = np.array([0.1, 6_175_000.3, -2.5])
    down, up = gpkg_rtree._outward(values, True), gpkg_rtree._outward(values, False)
    assert (down.astype(float) <= values).all() and (up.astype(float) >= values).all()
    assert down.dtype == np.float32 and (up.astype(float) - down.astype(float) <= 1.0).all()  # float32 near 6e6: 0.5 m steps
