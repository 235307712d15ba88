"""Web fixtures: the app over a test store, in-process (httpx TestClient)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from trekant.web.app import create_app


@pytest.fixture
def client(store_env) -> TestClient:
    """An anonymous client of the app over the default-region store, on both backends."""
    with TestClient(create_app(store_env), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def admin_client(store_env) -> TestClient:
    """A client of an app started with --local-admin (TestClient's address counts as this machine).

    Like the pages' scripts, it sends the CSRF token of its first page as X-CSRF-Token with every
    request: the local administrator's writes need it too (docs/security.md).
    """
    with TestClient(create_app(store_env, local_admin=True), raise_server_exceptions=False,
                    client=("127.0.0.1", 50000)) as c:
        page = c.get("/sign-in").text
        c.headers["X-CSRF-Token"] = page.split('<meta name="csrf-token" content="', 1)[1].split('"', 1)[0]
        yield c


@pytest.fixture
def sqlite_client(sqlite_env) -> TestClient:
    """An anonymous client over a GeoPackage store only (bad-input tests that need no second backend)."""
    with TestClient(create_app(sqlite_env), raise_server_exceptions=False) as c:
        yield c
