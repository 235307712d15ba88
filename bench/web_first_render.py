"""Benchmark: the overview page's first render in Chromium, against a static page drawing the same map.

Run: .venv/bin/python bench/web_first_render.py [--runs 7]
Needs Debian's /usr/bin/chromium (Playwright drives it; never `playwright install`).

What is measured: `trekant serve` on a free loopback port over a fresh default store (built in a
temporary folder); each run opens http://127.0.0.1:PORT/ in a new browser context (empty cache,
as a first visit) and takes the time from the start of navigation until the map canvas has drawn
(the page marks `trekant:map-drawn` when MapLibre has rendered the layers). Beside it, per run:
time to first byte, DOMContentLoaded (Plotly.js parsed), map data fetched, Plotly.newPlot done.

The peer, in the same run and browser: a static page (served by Python's http.server) that loads
the same plotly.min.js and draws the same layers from JSON files saved beforehand — the floor for
drawing this map in this Chromium with no server work at all. The ratio ours / static is the
cost of the web application on top of the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LAYERS = {"outlines": "/api/region/outlines", "frames": "/api/plan/frames", "conflicts": "/api/plan/conflicts",
          "designations": "/api/plan/designations", "projects": "/api/infra/map"}
TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : null; };
  return {ttfb: nav.responseStart, dom: nav.domContentLoadedEventEnd, data: mark('trekant:data'),
          plotted: mark('trekant:plotted'), drawn: mark('trekant:map-drawn')};
}"""
STATIC_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>static peer</title>
<link rel="stylesheet" href="site.css"></head><body><div id="map" class="map"></div>
<script type="application/json" id="labels">{}</script>
<script src="plotly.min.js" defer></script><script src="trekant.js" defer></script><script src="peer.js" defer></script>
</body></html>"""
STATIC_SCRIPT = """(async () => {
  const get = (name) => fetch(name + ".json").then((r) => r.json());
  const [outlines, frames, conflicts, zones, projects] = await Promise.all(
    ["outlines", "frames", "conflicts", "designations", "projects"].map(get));
  performance.mark("trekant:data");
  const div = document.getElementById("map");
  await T.drawMap(div, [...T.designationTraces(zones), ...T.frameTraces(frames), T.projectTrace(projects),
    T.conflictTrace(conflicts)], T.baseLayout(outlines, div));
})();"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout_s: float = 240) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"no answer from {url}")


def start(command: list[str], env: dict, cwd: str | None = None) -> subprocess.Popen:
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def static_peer(folder: Path, base: str) -> None:
    """The same map as a static site: Plotly.js, our page script library and the layers as JSON files."""
    from importlib import resources

    static = Path(str(resources.files("trekant.web") / "static"))
    shutil.copy(Path(str(resources.files("plotly") / "package_data" / "plotly.min.js")), folder / "plotly.min.js")
    for name in ("trekant.js", "site.css"):
        shutil.copy(static / name, folder / name)
    for name, path in LAYERS.items():
        with urllib.request.urlopen(base + path) as answer:
            (folder / f"{name}.json").write_bytes(answer.read())
    (folder / "index.html").write_text(STATIC_PAGE, encoding="utf-8")
    (folder / "peer.js").write_text(STATIC_SCRIPT, encoding="utf-8")


def measure(browser, url: str, runs: int) -> list[dict]:
    results = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("#map[data-drawn='1']", timeout=60_000)
        results.append(page.evaluate(TIMINGS))
        context.close()
    return results


def median(results: list[dict], key: str) -> float | None:
    values = [r[key] for r in results if r.get(key) is not None]
    return statistics.median(values) if values else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        data, site = Path(scratch) / "data", Path(scratch) / "site"
        site.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith("TREKANT_")} | {"TREKANT_DATA_DIR": str(data)}
        port, peer_port = free_port(), free_port()
        trekant = shutil.which("trekant", path=str(Path(sys.executable).parent)) or "trekant"
        server = start([trekant, "serve", "--init", "--port", str(port)], env)
        peer = None
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/api/region")
            static_peer(site, base)
            peer = start([sys.executable, "-m", "http.server", str(peer_port), "--bind", "127.0.0.1"], env, cwd=str(site))
            wait_for(f"http://127.0.0.1:{peer_port}/index.html")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                measure(browser, base + "/", 1)  # warm the server's caches and the OS, not the browser's
                ours = measure(browser, base + "/", runs)
                floor = measure(browser, f"http://127.0.0.1:{peer_port}/index.html", runs)
                browser.close()
        finally:
            for process in (server, peer):
                if process is not None:
                    process.terminate()
                    process.wait(timeout=15)
    load = os.getloadavg()[0]
    print(f"overview first render in Chromium, {runs} runs each, median ms (load average {load:.1f} on {os.cpu_count()} cores)")
    print(f"{'':28}{'first byte':>11}{'DOM ready':>11}{'map data':>11}{'plotted':>11}{'map drawn':>11}")
    for name, results in (("trekant serve /", ours), ("static page, same map", floor)):
        cells = "".join(f"{median(results, key) or 0:11.0f}" for key in ("ttfb", "dom", "data", "plotted", "drawn"))
        print(f"{name:28}{cells}")
    ratio = median(ours, "drawn") / median(floor, "drawn")
    print(f"map drawn: trekant {median(ours, 'drawn') / 1000:.2f} s, static floor {median(floor, 'drawn') / 1000:.2f} s, "
          f"ratio {ratio:.2f}; target < 1.5 s on loopback")
    print(json.dumps({"ours": ours, "static": floor}))


if __name__ == "__main__":
    main()
