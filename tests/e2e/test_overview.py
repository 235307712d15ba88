"""The overview in Chromium: the map draws (pixels, not only the DOM), layers switch, the language
switches with one click and stays, the page works 360 px wide and from the keyboard."""

from __future__ import annotations

from e2e.conftest import drawn_share, wait_for_map


def test_the_map_is_drawn_with_the_layers(page):
    page.goto("/")
    wait_for_map(page)
    share, colours = drawn_share(page)
    assert share > 0.05, f"only {share:.1%} of the map canvas is drawn"
    assert colours > 20
    metas = page.evaluate("() => document.getElementById('map').data.map(t => t.meta)")
    assert set(metas) == {"frames", "conflicts", "designations", "projects"}
    page.uncheck("input[data-layer='frames']")
    page.wait_for_function("() => document.getElementById('map').data.find(t => t.meta === 'frames').visible === 'legendonly'")
    assert drawn_share(page)[0] < share  # the frames left the picture
    page.check("input[data-layer='frames']")
    page.wait_for_function("() => document.getElementById('map').data.find(t => t.meta === 'frames').visible === true")


def test_key_figures_and_kpi_board_arrive(page):
    page.goto("/")
    page.wait_for_selector("#kpi-part[data-loaded='1'] table")
    page.wait_for_selector("#key-figures[data-loaded='1'] .card")
    assert page.locator("#kpi-part .status").count() >= 5
    assert "438.147" in page.locator("#figure-population").inner_text()  # FOLK1AM 2026M02, Danish notation
    assert page.locator("#kpi-part .demo").count() >= 1  # demo figures say so


def test_one_click_switches_to_english_and_it_stays(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "da"
    page.click("#switch-language")
    page.wait_for_selector("html[lang='en']")
    assert page.locator("h2#figures-title").inner_text() == "Key figures"
    page.click("header nav a[href='/plan']")
    page.wait_for_selector("html[lang='en']")
    assert page.locator("h1").inner_text() == "Joint plan"
    page.wait_for_selector("#kpi-part", state="detached")  # another page now
    page.goto("/")
    page.wait_for_selector("#kpi-part[data-loaded='1'] table")
    assert "On track" in page.locator("#kpi-part").inner_text() or "At risk" in page.locator("#kpi-part").inner_text()


def test_a_phone_360_px_wide(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=server, is_mobile=True)
    page = context.new_page()
    try:
        for path in ("/", "/plan", "/energy", "/economy", "/infra"):
            page.goto(path)
            overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{path} scrolls sideways by {overflow} px at 360 px"
        page.goto("/")
        wait_for_map(page)
        assert drawn_share(page)[0] > 0.05
    finally:
        context.close()


def test_keyboard_reaches_the_content_and_every_control_has_a_name(page):
    page.goto("/plan")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    unnamed = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, button')]
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
        .map(e => e.outerHTML)""")
    assert unnamed == []
