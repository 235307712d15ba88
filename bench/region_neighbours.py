"""Benchmark: land-border neighbours of all 98 municipalities, Shapely (in process) vs PostGIS.

The same rule both ways: outlines within 50 m of each other along at least 500 m of boundary.
Run:  .venv/bin/python bench/region_neighbours.py [--url postgresql+psycopg://…]
      (or TREKANT_TEST_POSTGIS_URL in the environment; without it only Shapely is timed)
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from trekant.bootstrap import init
from trekant.region import repo
from trekant.region.geometry import MIN_SHARED_BORDER_M, NEIGHBOUR_GAP_M, neighbours
from trekant.settings import Settings
from trekant.store.store import Store

POSTGIS_SQL = text(
    """
    SELECT a.code, b.code FROM municipality a JOIN municipality b
      ON a.code < b.code AND ST_DWithin(a.geom, b.geom, :gap)
     WHERE ST_Length(ST_Intersection(ST_Boundary(a.geom), ST_Buffer(b.geom, :gap))) >= :shared
    """
)


def best_of(runs: int, work) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - start)
    return min(timings), result


def pairs_of(adjacency: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {(a, b) for a, ns in adjacency.items() for b in ns if a < b}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("TREKANT_TEST_POSTGIS_URL"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        init(Settings(data_dir=Path(folder), database_url=None))
        print(f"trekant init (GeoPackage, all default data): {time.perf_counter() - start:.2f} s")
        store = Store(f"sqlite:///{folder}/trekant.gpkg")
        with store.connect() as conn:
            geoms = {m.code: m.geom for m in repo.read_all_municipalities(conn)}
        store.dispose()
    shapely_s, adjacency = best_of(args.runs, lambda: neighbours(geoms))
    print(f"Shapely STRtree, {len(geoms)} municipalities: {shapely_s * 1000:.1f} ms, {len(pairs_of(adjacency))} pairs")
    if not args.url:
        print("no PostGIS URL: peer not run")
        return
    pg = Store(args.url)
    init(Settings(database_url=args.url), force=True)
    params = dict(gap=NEIGHBOUR_GAP_M, shared=MIN_SHARED_BORDER_M)
    with pg.connect() as conn:
        postgis_s, rows = best_of(args.runs, lambda: conn.execute(POSTGIS_SQL, params).all())
    pg.dispose()
    same = set(map(tuple, rows)) == pairs_of(adjacency)
    print(f"PostGIS ST_DWithin join:                 {postgis_s * 1000:.1f} ms, {len(rows)} pairs (same pairs: {same})")
    print(f"ratio PostGIS / Shapely: {postgis_s / shapely_s:.2f}x")


if __name__ == "__main__":
    main()
