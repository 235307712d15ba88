"""Benchmark of the plan register at national scale: import + validation, and the environmental check.

Generates about 100,000 synthetic plan frames over Denmark's 98 municipalities (a square grid
clipped to each municipality, uses and environmental classes drawn with a fixed seed), writes
them to a GeoPackage as a municipality would deliver them, then times:

  1. the peer of the import: GDAL (pyogrio, Arrow) reading that file and writing it as a new GeoPackage
  2. `trekant plan import` of that file into a fresh GeoPackage store (read, coerce, validate,
     versions, write with its R-tree and audit)
  3. the cross-border environmental-distance check with Shapely's STRtree (dwithin, per-frame distance)
  4. the same check as one PostGIS query (ST_DWithin self-join on the GiST index of plan_frame),
     on the same file imported into a fresh PostGIS store,

and prints the times (wall clock, and the CPU time of this process: on a machine shared with other
work the CPU time is the steadier figure), the ratios, and whether both checks found the same pairs.

    python bench/plan_check.py --postgis postgresql+psycopg://root:trekant@127.0.0.1:5432/trekant_test
    (or TREKANT_TEST_POSTGIS_URL in the environment; --frames N for a smaller run)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from shapely.geometry import MultiPolygon
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from trekant.bootstrap import init
from trekant.errors import InputError
from trekant.plan import checks, repo, service
from trekant.plan.codes import load_code_lists
from trekant.plan.model import DEFAULT_SENSITIVE_USES, LIVE_STATUSES
from trekant.region import repo as region_repo
from trekant.settings import Settings
from trekant.store.store import Store

SEED = 20261128
# General uses and their shares of the frames; classes (maxmiljo) per use.
USES = {11: 0.30, 21: 0.05, 31: 0.10, 41: 0.03, 51: 0.08, 61: 0.02, 71: 0.04, 81: 0.03, 91: 0.35}
CLASSES = {21: (2, 3), 31: (3, 7), 41: (1, 2), 81: (4, 6)}
GAP_M = 40.0  # frames are grid squares shrunk by this much, so neighbours do not touch
SENSITIVE_SQL = ",".join(str(u) for u in DEFAULT_SENSITIVE_USES)


@contextmanager
def timed(label: str, results: dict, cpu: dict | None = None):
    start, start_cpu = time.perf_counter(), time.process_time()
    yield
    results[label] = time.perf_counter() - start
    used = time.process_time() - start_cpu
    if cpu is not None:
        cpu[label] = used
    print(f"  {label:<56} {results[label]:8.2f} s  (CPU {used:6.2f} s)", flush=True)


def gdal_copy(source: Path, target: Path, arrow: bool) -> int:
    """The peer of an import: GDAL reads the file and writes it as a new GeoPackage (pyogrio's plain
    interface, or Arrow both ways: the faster of GDAL's two)."""
    frames = pyogrio.read_dataframe(source, use_arrow=arrow)
    pyogrio.write_dataframe(frames, target, layer="copy", driver="GPKG", use_arrow=arrow)
    return len(frames)


def rtree_ok(settings: Settings) -> str:
    store = Store.from_settings(settings)
    with store.connect() as conn:
        answer = conn.exec_driver_sql("SELECT rtreecheck('rtree_plan_frame_geom')").scalar()
    store.dispose()
    return answer


def municipality_geoms(settings: Settings) -> dict:
    store = Store.from_settings(settings)
    with store.connect() as conn:
        geoms = {m.code: m.geom for m in region_repo.read_all_municipalities(conn)}
    store.dispose()
    return geoms


def grid_frames(borders: dict, target: int) -> gpd.GeoDataFrame:
    """Grid squares over every municipality, about `target` of them (one correction of the cell size)."""
    cell = float(np.sqrt(sum(g.area for g in borders.values()) / target))
    geoms, codes = grid(borders, cell)
    if abs(len(geoms) / target - 1) > 0.05:
        geoms, codes = grid(borders, cell * float(np.sqrt(len(geoms) / target)))
    return attributes(geoms, codes)


def grid(borders: dict, cell: float) -> tuple[np.ndarray, list[str]]:
    parts, codes = [], []
    for code, geom in sorted(borders.items()):
        xmin, ymin, xmax, ymax = geom.bounds
        xs, ys = np.meshgrid(np.arange(xmin, xmax, cell), np.arange(ymin, ymax, cell))
        squares = shapely.box(xs.ravel() + GAP_M / 2, ys.ravel() + GAP_M / 2, xs.ravel() + cell - GAP_M / 2, ys.ravel() + cell - GAP_M / 2)
        shapely.prepare(geom)
        inside = squares[shapely.contains(geom, squares)]
        edge = squares[shapely.intersects(geom, squares) & ~shapely.contains(geom, squares)]
        clipped = [without_slivers(g) for g in shapely.intersection(edge, geom)]
        clipped = np.array([g for g in clipped if g is not None and g.area > 1000], dtype=object)
        kept = np.concatenate([shapely.multipolygons(inside[:, None]) if len(inside) else inside, clipped])
        parts.append(kept)
        codes += [code] * len(kept)
    return np.concatenate(parts), codes


def without_slivers(geom):
    """A MultiPolygon without the slivers clipping leaves (Plandata refuses parts under 1 m²), or None."""
    parts = [p for p in shapely.get_parts(geom) if p.area >= 100.0]
    return MultiPolygon(parts) if parts else None


def attributes(geoms: np.ndarray, codes: list[str]) -> gpd.GeoDataFrame:
    """Uses and classes drawn with a fixed seed; Plandata's types (komnr integer, anvgen float)."""
    rng = np.random.default_rng(SEED)
    n = len(geoms)
    anvgen = rng.choice(list(USES), size=n, p=list(USES.values()))
    maxmiljo = np.full(n, np.nan)
    for use, (low, high) in CLASSES.items():
        rows = anvgen == use
        maxmiljo[rows] = rng.integers(low, high + 1, size=rows.sum())
    return gpd.GeoDataFrame({
        "planid": [f"B-{i:06d}" for i in range(n)],
        "komnr": [int(c) for c in codes],  # as Plandata serves it: an integer
        "plannr": [f"{i % 97}.{chr(65 + i % 26)}.{i % 13}" for i in range(n)],
        "plannavn": [f"Syntetisk ramme {i}" for i in range(n)],
        "anvgen": anvgen.astype(float),  # as Plandata serves it: 11.0
        "maxmiljo": maxmiljo,
        "bebygpct": np.where(anvgen == 11, 30.0, np.nan),
        "planstatus": "V",
        "datovedt": 20210101 + (np.arange(n) % 28),
    }, geometry=geoms, crs="EPSG:25832")


def fresh_sqlite(folder: Path) -> Settings:
    settings = Settings(data_dir=folder, database_url=None)
    init(settings, with_demo=False)
    return settings


@contextmanager
def fresh_postgis(base_url: str):
    name = f"trekant_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)
    try:
        settings = Settings(database_url=url)
        init(settings, with_demo=False)
        yield settings
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


POSTGIS_CHECK = f"""
SELECT s.planid AS source, t.planid AS sensitive, ST_Distance(s.geom, t.geom) AS distance_m
FROM plan_frame s
JOIN plan_frame t ON ST_DWithin(s.geom, t.geom, (ARRAY[0,20,50,100,150,300,500])[s.maxmiljo])
WHERE s.is_current AND t.is_current AND s.status IN :live AND t.status IN :live
  AND s.maxmiljo >= 2 AND t.anvgen IN ({SENSITIVE_SQL}) AND s.komnr <> t.komnr
  AND ST_Distance(s.geom, t.geom) < (ARRAY[0,20,50,100,150,300,500])[s.maxmiljo] - 0.001
"""


def postgis_check(settings: Settings) -> set[tuple[str, str]]:
    from sqlalchemy import bindparam

    store = Store.from_settings(settings)
    query = text(POSTGIS_CHECK).bindparams(bindparam("live", expanding=True))
    with store.connect() as conn:
        pairs = {(r.source, r.sensitive) for r in conn.execute(query, {"live": list(LIVE_STATUSES)})}
    store.dispose()
    return pairs


def analyze(settings: Settings) -> None:
    store = Store.from_settings(settings)
    with store.begin() as conn:
        conn.execute(text("ANALYZE plan_frame"))
    store.dispose()


def shapely_check(settings: Settings, results: dict) -> set[tuple[str, str]]:
    store = Store.from_settings(settings)
    codes = load_code_lists()
    with timed("read current frames from the GeoPackage store", results), store.connect() as conn:
        frames = repo.read_check_frames(conn, LIVE_STATUSES, codes.source_classes(), DEFAULT_SENSITIVE_USES)
    store.dispose()
    print(f"  ({len(frames):,} frames can take part in a conflict: a class with a distance, or a sensitive use)")
    with timed("environmental check, Shapely STRtree (in memory)", results):
        conflicts = checks.environmental_conflicts(frames, codes.distance_m)
    return {(c.source_planid, c.sensitive_planid) for c in conflicts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=100_000, help="about how many frames to generate")
    parser.add_argument("--postgis", default=os.environ.get("TREKANT_TEST_POSTGIS_URL"),
                        help="PostgreSQL/PostGIS URL of a server where a scratch database may be created")
    args = parser.parse_args()
    if not args.postgis:
        print("give --postgis URL (or set TREKANT_TEST_POSTGIS_URL): the PostGIS peer is part of the benchmark", file=sys.stderr)
        return 2
    results: dict[str, float] = {}
    print(f"load average at the start: {os.getloadavg()[0]:.1f} (over 2 means others are using the cores too)")
    with tempfile.TemporaryDirectory(prefix="trekant-bench-plan-") as folder:
        folder = Path(folder)
        print("preparing: GeoPackage store, national grid of frames", flush=True)
        sqlite_settings = fresh_sqlite(folder / "store")
        frames = grid_frames(municipality_geoms(sqlite_settings), args.frames)
        source = folder / "national_frames.gpkg"
        pyogrio.write_dataframe(frames, source, layer="kommuneplanrammer", driver="GPKG")
        print(f"{len(frames):,} frames in {frames['komnr'].nunique()} municipalities, "
              f"{shapely.get_num_coordinates(frames.geometry.to_numpy()).sum():,} vertices", flush=True)

        cpu: dict[str, float] = {}
        with timed("GDAL: read the file, write it as a new GeoPackage", results, cpu):
            assert gdal_copy(source, folder / "gdal_copy.gpkg", arrow=False) == len(frames)
        with timed("GDAL through Arrow: the same", results, cpu):
            assert gdal_copy(source, folder / "gdal_copy_arrow.gpkg", arrow=True) == len(frames)
        with timed("import + validation into GeoPackage store", results, cpu):
            try:
                imported = service.import_file(sqlite_settings, source)
            except InputError as exc:
                print("\n".join(exc.lines()[:10]), file=sys.stderr)
                raise
        assert imported.imported == len(frames)
        print(f"  (R-tree of the store after the import: rtreecheck says {rtree_ok(sqlite_settings)!r})")
        with timed("  of which read + coerce + validate", results):
            with Store.from_settings(sqlite_settings).connect() as conn:
                borders = service.boundaries(conn)
            prepared = service.prepare_file(source, borders)
        assert prepared.ok
        ours = shapely_check(sqlite_settings, results)

        print("preparing: PostGIS store with the same file", flush=True)
        with fresh_postgis(args.postgis) as pg_settings:
            with timed("import + validation into PostGIS store", results):
                service.import_file(pg_settings, source)
            analyze(pg_settings)
            with timed("environmental check, PostGIS ST_DWithin join (GiST)", results):
                theirs = postgis_check(pg_settings)

    check_s = results["environmental check, Shapely STRtree (in memory)"]
    read_check_s = check_s + results["read current frames from the GeoPackage store"]
    postgis_s = results["environmental check, PostGIS ST_DWithin join (GiST)"]
    print(f"\nconflicts found: Shapely {len(ours):,}, PostGIS {len(theirs):,}, identical pairs: {ours == theirs}")
    ours_import = "import + validation into GeoPackage store"
    for peer in ("GDAL: read the file, write it as a new GeoPackage", "GDAL through Arrow: the same"):
        print(f"ratio import / {peer.split(':')[0]} read + write: wall clock {results[ours_import] / results[peer]:6.2f}×, "
              f"CPU time {cpu[ours_import] / cpu[peer]:6.2f}×  (target ≤ 3×)")
    print(f"ratio PostGIS / Shapely check (in memory):        {postgis_s / check_s:6.2f}×")
    print(f"ratio PostGIS / Shapely check (read from store + check): {postgis_s / read_check_s:6.2f}×  (target ≥ 2×)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0 if ours == theirs else 1


if __name__ == "__main__":
    sys.exit(main())
