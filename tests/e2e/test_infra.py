"""The infrastructure page in Chromium: move a ranking weight and the order changes, without a reload."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

from e2e.conftest import wait_for_map


def order(page) -> list[str]:
    return page.locator("#ranking li").evaluate_all("items => items.map(i => i.dataset.key)")


def test_moving_a_weight_moves_the_ranking_without_a_reload(page, server):
    page.goto("/infra")
    wait_for_map(page)
    page.evaluate("() => { window.notReloaded = true; }")
    before = order(page)
    # the keyboard, as a person without a mouse would: every weight to 0 but regional growth to 100
    for criterion in ("npv_per_public_dkk", "bc_ratio", "strategic_fit", "cohesion"):
        page.locator(f"#weights input[data-criterion='{criterion}']").press("Home")
    page.locator("#weights input[data-criterion='regional_growth']").press("End")
    page.wait_for_function("() => (document.getElementById('ranking').dataset.weights || '').includes('regional_growth:100')"
                           " && (document.getElementById('ranking').dataset.weights || '').includes('cohesion:0')"
                           " && !document.getElementById('ranking').hasAttribute('aria-busy')")
    after = order(page)
    assert sorted(after) == sorted(before) and after != before
    assert page.evaluate("() => window.notReloaded") is True
    weights = page.locator("#ranking").get_attribute("data-weights")
    with urllib.request.urlopen(f"{server}/api/infra/rank?weights={urllib.parse.quote(weights)}") as answer:
        assert after == [r["key"] for r in json.load(answer)["ranking"]]
    assert page.locator("output#weight-regional_growth").inner_text() == "100"


def test_a_projects_cba_and_risk_are_drawn(page):
    page.goto("/infra")
    page.wait_for_selector("#cba-result")
    assert page.locator("#cba-result table tbody tr").count() >= 8
    page.wait_for_selector("#histogram .main-svg")
    page.wait_for_selector("#tornado .main-svg")
    assert page.locator("#risk-demo .demo").count() == 1  # illustrative inputs are said so
    page.select_option("#cba-params", "fm2017")
    page.wait_for_function("() => document.querySelector('#cba-result h3').textContent.includes('fm2017')")
