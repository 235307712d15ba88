"""The overview in Chromium: the map draws (pixels, not only the DOM), layers switch, the language
switches with one click and stays; every page works 360 px wide and from the keyboard, with labelled
controls and text that meets WCAG 2.1 AA contrast."""

from __future__ import annotations

from e2e.conftest import drawn_share, wait_for_map

# Every HTML page (the e2e server runs with --local-admin, so the administrator's audit page too).
PAGES = ("/", "/plan", "/energy", "/economy", "/infra", "/partnerships", "/admin/audit")

UNNAMED_CONTROLS = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
                 && !e.textContent.trim())
    .map(e => e.outerHTML.slice(0, 120))"""

# WCAG 2.1 contrast (1.4.3): 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold), text against
# the background it is drawn on (semi-transparent backgrounds composited over their parents'). Text
# inside charts and maps is Plotly's drawing and left out; so are hidden elements.
LOW_CONTRAST = """() => {
  const parse = (s) => { const m = /rgba?\\(([^)]+)\\)/.exec(s); if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return p.length === 3 ? [...p, 1] : p; };
  const over = (top, bottom) => top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3]));
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((under, layer) => over(layer, under), [255, 255, 255]);
  };
  const low = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest("svg, .map, .chart, script, style, option, [hidden]")) continue;
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || !el.getClientRects().length) continue;
    const bg = background(el), fg = over(parse(style.color), bg);
    const [a, b] = [luminance(fg), luminance(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = (parseInt(style.fontWeight, 10) || 400) >= 700;
    const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    if (ratio < needed) low.push(`${el.tagName.toLowerCase()}.${el.className} ${ratio.toFixed(2)} < ${needed}: ${el.textContent.trim().slice(0, 40)}`);
  }
  return low;
}"""


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
        for path in PAGES:
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


def test_every_page_has_named_controls_and_readable_contrast(page):
    """After each page's scripts have filled it in (tables, forms and parts fetched after load)."""
    unnamed, low = {}, {}
    for path in PAGES:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        unnamed[path] = page.evaluate(UNNAMED_CONTROLS)
        low[path] = page.evaluate(LOW_CONTRAST)
    assert all(not v for v in unnamed.values()), unnamed
    assert all(not v for v in low.values()), low
