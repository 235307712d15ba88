"""The energy and the growth pages in Chromium: every chart draws, demo figures say so."""

from __future__ import annotations


def test_energy_charts(page):
    page.goto("/energy")
    for chart in ("#emissions", "#pathway", "#macc", "#hourly", "#duration", "#sweep"):
        page.wait_for_selector(f"{chart} .main-svg")
    assert page.locator("#emissions-demo .demo").count() == 1
    page.wait_for_selector("#scenario-results table")
    page.fill("#scenario-week", "30")
    page.get_by_role("button", name="Beregn").first.click()
    page.wait_for_function("() => document.getElementById('scenario-results').dataset.scenario.endsWith(':30')")
    page.fill("#sweep-values", "0,50,100")
    page.locator("#sweep-form button").click()
    page.wait_for_function("() => document.getElementById('sweep').dataset.variants === '3'")


def test_growth_charts(page):
    page.goto("/economy")
    for chart in ("#series", "#growth", "#claim", "#claim-windows", "#lq", "#shift"):
        page.wait_for_selector(f"{chart} .main-svg")
    assert int(page.locator("#claim").get_attribute("data-scanned")) > 100  # every window was scanned
    assert page.locator("#lq-demo .demo").count() == 1
    assert page.locator("#growth-statement").inner_text()
