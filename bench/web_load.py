"""Web benchmark: OGC API items (100 features in a bbox) and the point query under 50 concurrent
clients on loopback, side by side with pygeoapi (same GeoPackage) and tipg (same PostGIS table),
the same worker count and the same load; plus the same queries in-process without HTTP.

Setup (done by this script, idempotent; nothing of it is a dependency of trekant):
  * a GeoPackage store (`trekant init` without demo) with about --frames synthetic adopted plan
    frames over Denmark (bench/plan_check.py's grid), and a scratch PostGIS database with the same file;
  * pygeoapi + gunicorn in their own venv under Debian's /usr/bin/python3 (its sqlite3 may load
    SpatiaLite, which pygeoapi's GeoPackage provider needs: `apt-get install libsqlite3-mod-spatialite`
    is run when the module is missing), serving a copy of the store's plan_frame table;
  * tipg + uvicorn in a separate venv, serving the PostGIS database's public.plan_frame.
  Venvs live in --peers-dir (default ~/.cache/trekant-bench-peers).

Load: a bounded asyncio HTTP/1.1 keep-alive generator (no extra package): --clients connections,
  (1) saturation: each client sends its next request as soon as the answer is in → throughput;
  (2) paced: each client sends one request per second (a person clicking) → latency under 50 users.
  Each phase runs --seconds after a short warm-up; any non-200 answer or socket error is an error.

Point query: /api/plan/at?x=&y= when the app has it, else the plan service's `at()` behind a
minimal route this script adds (/bench/plan/at); the output says which.

    python bench/web_load.py --postgis postgresql+psycopg://root:trekant@127.0.0.1:5432/trekant_test
    (or TREKANT_TEST_POSTGIS_URL; --workers 2 --clients 50 --seconds 15 --frames 20000)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyogrio
from sqlalchemy.engine import make_url

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import plan_check  # noqa: E402  (the national grid of synthetic frames)

from trekant.features import crs, service as features  # noqa: E402
from trekant.features.query import ItemQuery  # noqa: E402
from trekant.plan import reports, service as plan_service  # noqa: E402
from trekant.settings import Settings  # noqa: E402

BBOX = "9.35,55.45,9.65,55.62"  # lon/lat around Kolding: a few hundred synthetic frames
POINT = (530_000.0, 6_150_000.0)  # EPSG:25832, in Kolding
SPATIALITE = Path("/usr/lib/x86_64-linux-gnu/mod_spatialite.so")
SYSTEM_PYTHON = "/usr/bin/python3"


def bench_app():
    """The trekant app plus /bench/plan/at: the plan service's point query behind a minimal route,
    for when the app's own /api/plan/at is not there (uvicorn --factory web_load:bench_app)."""
    from fastapi import Depends

    from trekant.web.app import create_app_from_env
    from trekant.web.deps import get_settings

    app = create_app_from_env()

    @app.get("/bench/plan/at")
    def plan_at(x: float, y: float, settings: Settings = Depends(get_settings)):
        return reports.at(settings, x, y)

    return app


# --- load generator ------------------------------------------------------------------------------

async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            parts.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(p[:-2] for p in parts)
    else:
        body = await reader.read()
    return status, body, headers.get("connection", "").lower() == "close"


async def _client(port: int, path: str, until: float, pace_s: float | None, latencies: list, errors: list,
                  start_at: float) -> None:
    reader = writer = None
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\r\n".encode()
    next_at = start_at
    while True:
        now = time.perf_counter()
        if pace_s is not None and next_at > now:
            await asyncio.sleep(next_at - now)
        if time.perf_counter() >= until:
            break
        next_at += pace_s or 0.0
        began = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request)
            status, _, close = await _read_response(reader)
            if status != 200:
                errors.append(status)
            else:
                latencies.append(time.perf_counter() - began)
            if close:
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _load(port: int, path: str, clients: int, seconds: float, pace_s: float | None) -> dict:
    start = time.perf_counter()
    latencies: list[float] = []
    errors: list = []
    # clients start spread over one pace interval, as people do
    offsets = np.linspace(0, pace_s or 0.0, clients, endpoint=False)
    await asyncio.gather(*[_client(port, path, start + seconds, pace_s, latencies, errors, start + o) for o in offsets])
    elapsed = time.perf_counter() - start
    ms = np.array(latencies) * 1000 if latencies else np.array([np.nan])
    return dict(requests=len(latencies), errors=len(errors), error_kinds=sorted({str(e) for e in errors})[:3],
                rps=len(latencies) / elapsed, p50_ms=float(np.percentile(ms, 50)), p95_ms=float(np.percentile(ms, 95)),
                p99_ms=float(np.percentile(ms, 99)))


def _cpu_seconds(group: int) -> float:
    """User + system CPU time of every process in a process group (a server and its workers)."""
    total = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getpgid(int(entry)) != group:
                    continue
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
            except (OSError, ValueError):
                continue
    return total / os.sysconf("SC_CLK_TCK")


def measure(server: tuple[int, int], path: str, clients: int, seconds: float) -> dict:
    """Warm-up, then the saturated and the paced phase; with the server's CPU time per request in
    the saturated phase, which the other work on a shared machine does not change much."""
    port, group = server
    asyncio.run(_load(port, path, min(clients, 8), 2.0, None))  # warm-up: pools, caches, imports
    before = _cpu_seconds(group)
    saturated = asyncio.run(_load(port, path, clients, seconds, None))
    saturated["cpu_ms_per_request"] = 1000 * (_cpu_seconds(group) - before) / max(saturated["requests"], 1)
    paced = asyncio.run(_load(port, path, clients, seconds, 1.0))
    return dict(saturated=saturated, paced=paced)


# --- servers -------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(command: list[str], env: dict, port: int, probe: str, log: Path, cwd: Path | None = None):
    with open(log, "wb") as out:
        process = subprocess.Popen(command, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
                                   cwd=cwd, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited; see {log}:\n{log.read_text()[-2000:]}")
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=5) as r:
                        if r.status == 200:
                            break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"{command} did not answer {probe}; see {log}") from None
                    time.sleep(0.3)
            yield port, process.pid  # start_new_session: the pid is the process group of its workers
        finally:
            os.killpg(process.pid, signal.SIGTERM)  # the server's own process group (its workers)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def fetch_json(port: int, path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
        return json.load(r)


def trekant_server(env: dict, workers: int, log: Path):
    """(port, process group) of trekant's app under uvicorn with N workers."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--app-dir", str(BENCH), "--factory", "web_load:bench_app",
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    return server(command, {**env, "TREKANT_WEB_LOCAL_ADMIN": "0"}, port, "/ogc/conformance", log)


# --- peers (installed here, never trekant dependencies) ----------------------------------------

def ensure_venv(folder: Path, python: str, packages: list[str], probe: str) -> Path:
    """A venv with these packages (created once; pip from the package registry)."""
    exe = folder / "bin" / "python"
    if exe.exists() and subprocess.run([str(exe), "-c", f"import {probe}"], capture_output=True).returncode == 0:
        return folder
    print(f"setup: installing {' '.join(packages)} into {folder}", flush=True)
    subprocess.run([python, "-m", "venv", str(folder)], check=True)
    subprocess.run([str(exe), "-m", "pip", "install", "-q", *packages], check=True)
    return folder


def ensure_spatialite() -> None:
    if not SPATIALITE.exists():
        print("setup: apt-get install libsqlite3-mod-spatialite (pygeoapi's GeoPackage provider loads it)", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "libsqlite3-mod-spatialite"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


PYGEOAPI_CONFIG = """\
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: http://127.0.0.1:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  language: en-US
  limits: {{default_items: 100, max_items: 1000}}
  map: {{url: 'http://127.0.0.1/none/{{z}}/{{x}}/{{y}}.png', attribution: none}}
logging: {{level: ERROR}}
metadata:
  identification: {{title: peer, description: peer, keywords: [plan], keywords_type: theme, terms_of_service: none, url: http://127.0.0.1}}
  license: {{name: CC-BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}}
  provider: {{name: bench, url: http://127.0.0.1}}
  contact: {{name: bench, position: x, address: x, city: x, stateorprovince: x, postalcode: x, country: x, phone: x, fax: x, email: x, url: x, hours: x, instructions: x, role: pointOfContact}}
resources:
  plan_frame:
    type: collection
    title: plan frames
    description: plan frames
    keywords: [plan]
    extents:
      spatial: {{bbox: [8, 54.5, 15.5, 58], crs: http://www.opengis.net/def/crs/OGC/1.3/CRS84}}
    providers:
      - type: feature
        name: SQLiteGPKG
        data: {gpkg}
        id_field: fid
        table: plan_frame
        storage_crs: http://www.opengis.net/def/crs/EPSG/0/25832
"""


def pygeoapi_server(venv: Path, gpkg: Path, workers: int, folder: Path):
    port = free_port()
    config, openapi = folder / "pygeoapi.yml", folder / "pygeoapi-openapi.yml"
    config.write_text(PYGEOAPI_CONFIG.format(port=port, gpkg=gpkg), encoding="utf-8")
    env = {"PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
    subprocess.run([str(venv / "bin" / "pygeoapi"), "openapi", "generate", str(config), "--output-file", str(openapi)],
                   check=True, env={**os.environ, **env}, capture_output=True)
    command = [str(venv / "bin" / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}", "pygeoapi.flask_app:APP"]
    return server(command, env, port, "/conformance?f=json", folder / "pygeoapi.log")


def tipg_server(venv: Path, url: str, workers: int, folder: Path):
    port = free_port()
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    command = [str(venv / "bin" / "uvicorn"), "tipg.main:app", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(workers), "--log-level", "warning"]
    return server(command, {"DATABASE_URL": plain, "TIPG_DB_SCHEMAS": '["public"]'}, port,
                  "/collections/public.plan_frame", folder / "tipg.log")


# --- in-process -----------------------------------------------------------------------------------

def in_process(call, repeat: int) -> dict:
    call()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return dict(mean_ms=float(np.mean(times)), p95_ms=float(np.percentile(times, 95)))


# --- the run ---------------------------------------------------------------------------------------

def run(args) -> int:
    peers = Path(args.peers_dir).expanduser()
    ensure_spatialite()
    pygeoapi_venv = ensure_venv(peers / "pygeoapi", SYSTEM_PYTHON, ["pygeoapi", "gunicorn"], "pygeoapi")
    tipg_venv = ensure_venv(peers / "tipg", sys.executable, ["tipg", "uvicorn"], "tipg")
    results: dict[str, dict] = {}
    items_path = f"/ogc/collections/plan_frames/items?bbox={BBOX}&limit=100"
    with tempfile.TemporaryDirectory(prefix="trekant-bench-web-") as tmp:
        folder = Path(tmp)
        print("setup: GeoPackage store with synthetic frames over Denmark", flush=True)
        gpkg_settings = plan_check.fresh_sqlite(folder / "store")
        frames = plan_check.grid_frames(plan_check.municipality_geoms(gpkg_settings), args.frames)
        source = folder / "frames.gpkg"
        pyogrio.write_dataframe(frames, source, layer="kommuneplanrammer", driver="GPKG")
        plan_service.import_file(gpkg_settings, source)
        peer_gpkg = folder / "peer.gpkg"
        shutil.copy(gpkg_settings.store_path, peer_gpkg)
        print(f"setup: {len(frames):,} frames; PostGIS scratch database with the same file", flush=True)
        with plan_check.fresh_postgis(args.postgis) as pg_settings:
            plan_service.import_file(pg_settings, source)
            plan_check.analyze(pg_settings)
            targets = {"GeoPackage": {"TREKANT_DATA_DIR": str(gpkg_settings.data_dir), "TREKANT_DATABASE_URL": ""},
                       "PostGIS": {"TREKANT_DATABASE_URL": pg_settings.database_url}}
            point_path = None
            for backend, env in targets.items():
                with trekant_server(env, args.workers, folder / f"trekant-{backend}.log") as served:
                    port = served[0]
                    page = fetch_json(port, items_path)
                    assert page["numberReturned"] == 100, page["numberReturned"]
                    print(f"trekant/{backend}: bbox matches {page['numberMatched']} frames, pages of 100", flush=True)
                    if point_path is None:
                        point_path = _point_path(port)
                    results[f"trekant OGC items, {backend}"] = measure(served, items_path, args.clients, args.seconds)
                    results[f"trekant point query, {backend}"] = measure(served, point_path, args.clients, args.seconds)
            with pygeoapi_server(pygeoapi_venv, peer_gpkg, args.workers, folder) as served:
                path = f"/collections/plan_frame/items?bbox={BBOX}&limit=100&f=json"
                assert len(fetch_json(served[0], path)["features"]) == 100
                results["pygeoapi OGC items, GeoPackage"] = measure(served, path, args.clients, args.seconds)
            with tipg_server(tipg_venv, pg_settings.database_url, args.workers, folder) as served:
                path = f"/collections/public.plan_frame/items?bbox={BBOX}&limit=100"
                assert len(fetch_json(served[0], path)["features"]) == 100
                results["tipg OGC items, PostGIS"] = measure(served, path, args.clients, args.seconds)
            inproc = _in_process(gpkg_settings, pg_settings)
    _report(results, inproc, args, point_path)
    errors = sum(r[phase]["errors"] for name, r in results.items() if name.startswith("trekant")
                 for phase in ("saturated", "paced"))
    return 0 if errors == 0 else 1  # the peers' errors are reported, not ours to fail on


def _point_path(port: int) -> str:
    x, y = POINT
    try:
        fetch_json(port, f"/api/plan/at?x={x}&y={y}")
        return f"/api/plan/at?x={x}&y={y}"
    except OSError:
        return f"/bench/plan/at?x={x}&y={y}"


def _in_process(gpkg_settings: Settings, pg_settings: Settings) -> dict:
    area, bounds = crs.bbox_area([float(v) for v in BBOX.split(",")], crs.BY_URI[crs.CRS84])
    out = {}
    for backend, settings in (("GeoPackage", gpkg_settings), ("PostGIS", pg_settings)):
        shared = settings.model_copy(update={"shared_engine": True})
        out[f"OGC items query (service), {backend}"] = in_process(
            lambda: features.items(shared, "plan_frames", ItemQuery(area=area, bounds=bounds, limit=100), True), 50)
        out[f"point query (plan service at()), {backend}"] = in_process(lambda: reports.at(shared, *POINT), 50)
    return out


def _report(results: dict, inproc: dict, args, point_path: str) -> None:
    print(f"\n{args.workers} workers each, {args.clients} clients, {args.seconds:.0f} s per phase, loopback, "
          f"{os.cpu_count()} CPU cores shared with the load generator")
    print(f"point query route: {point_path.split('?')[0]}")
    head = (f"{'':42} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'CPU ms/req':>10} | "
            f"{'paced p50':>9} {'p95 ms':>8} {'errors':>6}")
    print(head)
    for name, r in results.items():
        s, p = r["saturated"], r["paced"]
        print(f"{name:42} {s['rps']:8.1f} {s['p50_ms']:8.1f} {s['p95_ms']:8.1f} {s['errors']:6d} "
              f"{s['cpu_ms_per_request']:10.2f} | {p['p50_ms']:9.1f} {p['p95_ms']:8.1f} {p['errors']:6d}")
    print("\nin-process, no HTTP (one caller):")
    for name, r in inproc.items():
        print(f"  {name:48} mean {r['mean_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms")
    ours_gpkg = results["trekant OGC items, GeoPackage"]["saturated"]
    ours_pg = results["trekant OGC items, PostGIS"]["saturated"]
    pygeoapi = results["pygeoapi OGC items, GeoPackage"]["saturated"]
    tipg = results["tipg OGC items, PostGIS"]["saturated"]
    print(f"\nthroughput trekant / pygeoapi (GeoPackage): {ours_gpkg['rps'] / pygeoapi['rps']:.2f}×  (goal ≥ 2)")
    print(f"p95 trekant / tipg (PostGIS, saturated):     {ours_pg['p95_ms'] / tipg['p95_ms']:.2f}×  (goal ≤ 1)")
    print(f"server CPU per request trekant / tipg:       {ours_pg['cpu_ms_per_request'] / tipg['cpu_ms_per_request']:.2f}×")
    paced_ratio = results["trekant OGC items, PostGIS"]["paced"]["p95_ms"] / results["tipg OGC items, PostGIS"]["paced"]["p95_ms"]
    print(f"p95 trekant / tipg (PostGIS, paced):         {paced_ratio:.2f}×  (goal ≤ 1)")
    for backend in ("GeoPackage", "PostGIS"):
        point = results[f"trekant point query, {backend}"]
        print(f"point query p95, {backend}: paced {point['paced']['p95_ms']:.1f} ms, saturated "
              f"{point['saturated']['p95_ms']:.1f} ms  (goal < 50 ms)")
    if args.json:
        Path(args.json).write_text(json.dumps(dict(results=results, in_process=inproc), indent=1), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgis", default=os.environ.get("TREKANT_TEST_POSTGIS_URL"),
                        help="PostgreSQL/PostGIS URL of a server where a scratch database may be created")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of every server")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each measured phase")
    parser.add_argument("--frames", type=int, default=20_000, help="about how many synthetic frames")
    parser.add_argument("--peers-dir", default="~/.cache/trekant-bench-peers", help="where the peers' venvs live")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if not args.postgis:
        print("give --postgis URL (or set TREKANT_TEST_POSTGIS_URL): tipg and the PostGIS runs need it", file=sys.stderr)
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
