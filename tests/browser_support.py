"""Debian's Chromium driven by Playwright, shared by every browser test of a pytest process.

One Playwright and one Chromium per process (the `browser` fixture in tests/conftest.py): a second
`sync_playwright()` while the first is alive fails ("Playwright Sync API inside the asyncio loop"),
so no test may start its own; each test takes a fresh context (no cookies) of this browser instead.
Under pytest-xdist every worker process has its own.

Without /usr/bin/chromium (or without playwright) the tests are skipped with the reason, unless
TREKANT_REQUIRE_BROWSER=1 (set by .ci/run), which turns the skip into a failure. WebGL (MapLibre's
map traces need it) is checked at start; where the GPU is missing, Chromium's software renderer is
enabled. Never `playwright install`: it downloads a browser (RECIPES.md).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SOFTWARE_GL = "--enable-unsafe-swiftshader"


def browser_or_skip() -> Path:
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: no browser for the browser tests (Debian: apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[test]')"
    if reason:
        if os.environ.get("TREKANT_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (TREKANT_REQUIRE_BROWSER=1 forbids skipping)")
        pytest.skip(reason)
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(playwright):
    """Chromium with WebGL: the hardware path first, else the software renderer."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    if not _has_webgl(chromium):
        chromium.close()
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS + [SOFTWARE_GL])
        assert _has_webgl(chromium), "no WebGL in Chromium, even with its software renderer"
    return chromium


def _has_webgl(chromium) -> bool:
    page = chromium.new_page()
    try:
        return page.evaluate("() => !!document.createElement('canvas').getContext('webgl')")
    finally:
        page.close()
