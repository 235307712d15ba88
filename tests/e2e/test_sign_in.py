"""Real Chromium: sign in and out through the pages, and a Plotly/MapLibre map still draws under the
Content Security Policy (issue 11). Skipped with the reason when Chromium is missing, unless
TREKANT_REQUIRE_BROWSER=1 (set by .ci/run).
"""

from __future__ import annotations

import io
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from fastapi.staticfiles import StaticFiles
from PIL import Image

from trekant.web.app import create_app

from browser_support import browser_or_skip, free_port
from integration.web.signin import PASSWORDS, make_accounts


@pytest.fixture
def server(sqlite_env, tmp_path):
    """The app over a store with accounts, served by uvicorn on a free loopback port."""
    import uvicorn

    browser_or_skip()
    make_accounts(sqlite_env)
    app = create_app(sqlite_env)
    map_dir = tmp_path / "e2e"  # a test page drawing a map the way the pages do: script files, no inline code
    map_dir.mkdir()
    shutil.copy(Path(__file__).parent / "csp_map.html", map_dir / "map.html")
    shutil.copy(Path(__file__).parent / "csp_map.js", map_dir / "map.js")
    app.mount("/e2e", StaticFiles(directory=map_dir), name="e2e")
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(server, browser):
    """A fresh context of the process's one Chromium (tests/conftest.py): a second sync_playwright()
    beside it fails ("Sync API inside the asyncio loop")."""
    context = browser.new_context()
    page = context.new_page()
    page.violations = []
    page.on("console", lambda m: page.violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


def test_sign_in_and_sign_out_in_chromium(server, page):
    page.goto(f"{server}/")
    assert page.locator("a.sign-in").is_visible()
    page.click("a.sign-in")
    page.fill("#name", "reader")
    page.fill("#password", "cedar lamp river 0000")
    page.click("form.sign-in button[type=submit]")
    assert "Forkert brugernavn eller adgangskode" in page.locator("p.error").inner_text()
    page.fill("#name", "reader")
    page.fill("#password", PASSWORDS["reader"])
    page.click("form.sign-in button[type=submit]")
    page.wait_for_url(f"{server}/")
    assert page.locator("#who-name").inner_text() == "reader"
    cookie = next(c for c in page.context.cookies() if c["name"] == "trekant_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("trekant_session") == -1  # scripts cannot read it
    page.click("form.sign-out button[type=submit]")
    page.wait_for_url(f"{server}/")
    assert page.locator("a.sign-in").is_visible()
    assert not any(c["name"] == "trekant_session" for c in page.context.cookies())
    assert page.violations == []


def test_a_map_draws_under_the_content_security_policy(server, page):
    response = page.goto(f"{server}/e2e/map.html")
    assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]
    page.wait_for_function("() => window.mapDrawn === true", timeout=60_000)
    page.wait_for_timeout(1500)  # MapLibre paints the GeoJSON layer on the next frames
    # the polygon layer is filled red (#ff0000): the map's screenshot must hold red pixels
    shot = Image.open(io.BytesIO(page.locator("#map").screenshot())).convert("RGB")
    pixels = np.asarray(shot).reshape(-1, 3)
    red = int(((pixels[:, 0] > 200) & (pixels[:, 1] < 60) & (pixels[:, 2] < 60)).sum())
    assert page.violations == []
    assert red > 1000, "the map drew no red polygon"
