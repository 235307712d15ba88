"""The partnerships page in real headless Chromium: the charts and the network are drawn, one marker
per organisation. The browser is the process's one Chromium (the `browser` fixture, tests/conftest.py)."""

from __future__ import annotations

import json
import urllib.request

import pytest

from integration.web.live_server import serving, store_env_vars


@pytest.mark.slow
def test_network_and_charts_are_drawn(sqlite_env, browser):
    with serving(store_env_vars(sqlite_env)) as url:
        with urllib.request.urlopen(f"{url}/api/partnerships/network") as response:
            organisations = json.load(response)["organisations"]
        context = browser.new_context(viewport={"width": 360, "height": 800})  # a phone's width
        try:
            page = context.new_page()
            page.set_default_timeout(120_000)  # a shared 2-core machine under load can be slow
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{url}/partnerships")
            page.wait_for_selector("#chart-network .scatterlayer .trace")
            for chart in ("chart-funding-theme", "chart-funding-municipality", "chart-coverage"):
                page.wait_for_selector(f"#{chart} .main-svg")
            markers = page.eval_on_selector_all("#chart-network .scatterlayer .trace:last-child .point",
                                                "nodes => nodes.length")
            bars = page.eval_on_selector_all("#chart-funding-theme .bars .point", "nodes => nodes.length")
            heading = page.inner_text("h1")
            overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        finally:
            context.close()
    assert errors == []
    assert markers == organisations
    assert bars == 6  # one bar per theme
    assert heading == "Partnerskaber under strategiens paraply"
    assert overflow <= 1, f"the page scrolls sideways by {overflow} px at 360 px"
