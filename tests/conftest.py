"""Shared fixtures: an initialised store on each backend, built once per session and copied per test.

SQLite: the template GeoPackage file is copied into the test's tmp folder.
PostGIS: the template database is cloned with CREATE DATABASE … TEMPLATE (fast, isolated).
PostGIS tests need TREKANT_TEST_POSTGIS_URL; without it they are skipped with the reason, unless
TREKANT_REQUIRE_POSTGIS=1 (set by .ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from trekant.bootstrap import init as init_store
from trekant.settings import Settings

POSTGIS_ENV = "TREKANT_TEST_POSTGIS_URL"
# One template per test session (pid), so parallel sessions on one server do not collide.
TEMPLATE_DB = f"trekant_tpl_{os.getpid()}"


def postgis_url_or_skip() -> str:
    url = os.environ.get(POSTGIS_ENV)
    if not url:
        reason = f"{POSTGIS_ENV} is not set: no PostgreSQL/PostGIS server to test against"
        if os.environ.get("TREKANT_REQUIRE_POSTGIS") == "1":
            pytest.fail(reason + " (TREKANT_REQUIRE_POSTGIS=1 forbids skipping)")
        pytest.skip(reason)
    return url


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin_execute(url: str, *statements: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A store of the default region, built once."""
    folder = tmp_path_factory.mktemp("template")
    init_store(Settings(data_dir=folder, database_url=None))
    return folder / "trekant.gpkg"


@pytest.fixture(scope="session")
def postgis_template() -> str:
    """A PostGIS database holding the default region, used as a template for per-test copies."""
    url = postgis_url_or_skip()
    _admin_execute(url, f"DROP DATABASE IF EXISTS {TEMPLATE_DB}", f"CREATE DATABASE {TEMPLATE_DB}")
    template_url = _with_database(url, TEMPLATE_DB)
    init_store(Settings(database_url=template_url))
    yield url
    _admin_execute(url, f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)")


def _sqlite_env(monkeypatch, tmp_path: Path, template: Path) -> Settings:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(template, folder / "trekant.gpkg")
    monkeypatch.setenv("TREKANT_DATA_DIR", str(folder))
    monkeypatch.delenv("TREKANT_DATABASE_URL", raising=False)
    return Settings()


def _postgis_env(monkeypatch, base_url: str, request) -> Settings:
    name = f"trekant_t_{uuid.uuid4().hex[:10]}"
    _admin_execute(base_url, f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}")
    request.addfinalizer(lambda: _admin_execute(base_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    url = _with_database(base_url, name)
    monkeypatch.setenv("TREKANT_DATABASE_URL", url)
    return Settings()


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def store_env(request, monkeypatch, tmp_path) -> Settings:
    """An initialised default-region store on each backend, private to the test; returns Settings."""
    if request.param == "sqlite":
        return _sqlite_env(monkeypatch, tmp_path, request.getfixturevalue("sqlite_template"))
    base = request.getfixturevalue("postgis_template")
    return _postgis_env(monkeypatch, base, request)


@pytest.fixture
def sqlite_env(monkeypatch, tmp_path, sqlite_template) -> Settings:
    """An initialised default-region GeoPackage store only (for GeoPackage-specific tests)."""
    return _sqlite_env(monkeypatch, tmp_path, sqlite_template)


@pytest.fixture
def empty_env(monkeypatch, tmp_path) -> Settings:
    """Settings pointing at an empty data folder (no store yet)."""
    folder = tmp_path / "empty"
    monkeypatch.setenv("TREKANT_DATA_DIR", str(folder))
    monkeypatch.delenv("TREKANT_DATABASE_URL", raising=False)
    return Settings()



@pytest.fixture(scope="session")
def browser():
    """The process's one Playwright-driven Chromium (tests/browser_support.py); skipped with the reason
    when there is none, unless TREKANT_REQUIRE_BROWSER=1."""
    from browser_support import browser_or_skip, launch

    browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
