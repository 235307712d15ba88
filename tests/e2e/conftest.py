"""End-to-end fixtures: one real `trekant serve --init --local-admin` on a free port over a fresh
store, and a fresh context of the process's one Chromium (the `browser` fixture, tests/conftest.py
and tests/browser_support.py: skipped with the reason when Chromium is missing, unless
TREKANT_REQUIRE_BROWSER=1)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from browser_support import browser_or_skip, free_port

SERVER_START_S = 180  # `--init` builds the store first (about half a minute on a busy machine)


SERVER_LOG: list[Path] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed end-to-end test shows the end of the server's log beside its own error."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and SERVER_LOG and SERVER_LOG[0].exists():
        tail = SERVER_LOG[0].read_text(errors="replace").splitlines()[-40:]
        report.sections.append(("trekant serve log (last 40 lines)", "\n".join(tail)))


@pytest.fixture(scope="session")
def server():
    """The README's way: `trekant serve --init` on an empty data folder; yields the base URL.

    The folder is our own (tempfile), not pytest's tmp_path: pytest keeps only the last three
    session folders of a user, so a long browser session beside other test runs of the same user
    would lose its store (SQLite: "disk I/O error") when they start."""
    browser_or_skip()
    folder = Path(tempfile.mkdtemp(prefix="trekant-e2e-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TREKANT_")}
    env.update(TREKANT_DATA_DIR=str(folder), TREKANT_LANGUAGE="da")
    trekant = shutil.which("trekant", path=str(Path(sys.executable).parent)) or "trekant"
    log = (folder / "serve.log").open("w")
    SERVER_LOG[:] = [folder / "serve.log"]
    process = subprocess.Popen([trekant, "serve", "--init", "--local-admin", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_S
    while True:
        try:
            with urllib.request.urlopen(base + "/api/region", timeout=5) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"trekant serve did not start: {(folder / 'serve.log').read_text()}")
        time.sleep(0.5)
    yield base
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def page(browser, server):
    """A fresh browser context (no cookies) that fails the test on any request leaving 127.0.0.1
    and on any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(server) and not request.url.startswith(("data:", "blob:")) else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(120_000)  # a shared 2-core machine under load can be slow; nothing waits on a clock
    yield page
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert errors == [], f"script errors: {errors}"


def wait_for_map(page, selector: str = "#map") -> None:
    """Wait until the map is done: drawn ("1"), or failed ("failed", with the reason in its place)."""
    page.wait_for_selector(f"{selector}[data-drawn]")
    state = page.locator(selector).get_attribute("data-drawn")
    assert state == "1", f"the map was not drawn: {page.locator(selector).inner_text()}"


def drawn_share(page, selector: str = "#map") -> tuple[float, int]:
    """Share of the map canvas's pixels that are not white, and how many colours it shows
    (read back from a screenshot of the WebGL canvas: what a person sees)."""
    import numpy as np
    from PIL import Image

    canvas = page.locator(f"{selector} canvas.maplibregl-canvas").first
    pixels = np.asarray(Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")).reshape(-1, 3)
    coloured = int((pixels.min(axis=1) < 235).sum())
    return coloured / len(pixels), len(np.unique(pixels, axis=0))
