"""The partnerships page in real headless Chromium: the charts and the network are drawn, one marker per organisation."""

from __future__ import annotations

import json
import urllib.request

import pytest

from integration.web.live_server import serving, store_env_vars

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.mark.slow
def test_network_and_charts_are_drawn(sqlite_env):
    playwright = pytest.importorskip("playwright.sync_api")
    with serving(store_env_vars(sqlite_env)) as url:
        with urllib.request.urlopen(f"{url}/api/partnerships/network") as response:
            organisations = json.load(response)["organisations"]
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                page = browser.new_page(viewport={"width": 360, "height": 800})  # a phone's width
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.goto(f"{url}/partnerships")
                page.wait_for_selector("#chart-network .scatterlayer .trace", timeout=20_000)
                for chart in ("chart-funding-theme", "chart-funding-municipality", "chart-coverage"):
                    page.wait_for_selector(f"#{chart} .main-svg", timeout=20_000)
                markers = page.eval_on_selector_all("#chart-network .scatterlayer .trace:last-child .point",
                                                    "nodes => nodes.length")
                bars = page.eval_on_selector_all("#chart-funding-theme .bars .point", "nodes => nodes.length")
                heading = page.inner_text("h1")
            finally:
                browser.close()
    assert errors == []
    assert markers == organisations
    assert bars == 6  # one bar per theme
    assert heading == "Partnerskaber under strategiens paraply"
