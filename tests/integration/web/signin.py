"""Accounts for the web tests: one of each role (two editors), signed in through the real sign-in form."""

from __future__ import annotations

import functools
import re

import pytest
from datetime import datetime, timedelta, timezone

from fastapi.testclient import TestClient

from trekant.accounts import passwords, repo, tokens
from trekant.accounts.model import Principal
from trekant.store.store import writing
from trekant.web import auth
from trekant.web.app import create_app

VEJLE, KOLDING = "0630", "0621"
SETUP = Principal("test-setup", "administrator", via="cli")

# name → (role, municipalities); the administrator first (a store's first account must be one)
ACCOUNTS = {
    "admin": ("administrator", []),
    "vejle": ("editor", [VEJLE]),
    "kolding": ("editor", [KOLDING]),
    "analyst": ("analyst", []),
    "reader": ("reader", []),
}
PASSWORDS = {name: f"cedar lamp river {i}907" for i, name in enumerate(ACCOUNTS)}
META = re.compile(r'<meta name="csrf-token" content="([^"]*)">')


@functools.cache
def _hashes() -> dict[str, str]:
    """argon2 costs most of a second here: hash each test password once per test run."""
    return {name: passwords.hash_password(password) for name, password in PASSWORDS.items()}


def make_accounts(settings) -> None:
    """The accounts, written as `trekant users add` writes them (tests/integration/test_users_cli.py)."""
    now = datetime.now(timezone.utc)
    with writing(settings) as conn:
        for name, (role, codes) in ACCOUNTS.items():
            repo.insert(conn, name, role, _hashes()[name], codes, now)


def page_csrf(html: str) -> str:
    return META.search(html).group(1)


def sign_in(client: TestClient, name: str, password: str | None = None):
    """Sign in through the form (with its pre-sign-in CSRF token); the response, not followed."""
    token = page_csrf(client.get("/sign-in").text)
    return client.post("/sign-in", data=dict(name=name, password=password or PASSWORDS[name], csrf_token=token),
                       follow_redirects=False)


def signed_in(app, name: str, **kwargs) -> tuple[TestClient, str]:
    """A client with a session of `name` and the session's CSRF token (from a page's meta tag)."""
    client = TestClient(app, raise_server_exceptions=False, **kwargs)
    assert sign_in(client, name).status_code == 303
    return client, page_csrf(client.get("/").text)


def whoami(client: TestClient, **kwargs) -> str:
    return client.get("/api/whoami", **kwargs).json()["role"]


class Clock:
    """The app's clock, moved by hand: timeouts are tested without sleeping."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def session_for(app, name: str) -> tuple[TestClient, str]:
    """A client holding a fresh session of `name` and its CSRF token, without the (slow) password check.

    The session row is what a sign-in writes (sign-in itself is tested in test_auth.py); the cookie then
    travels the same path as any browser's.
    """
    secret, csrf = tokens.new_secret(), tokens.new_secret()
    with writing(app.state.settings) as conn:
        account, _hash = repo.find(conn, name)
        repo.insert_session(conn, tokens.digest(secret), account.id, csrf, app.state.clock(), "test")
    client = TestClient(app, raise_server_exceptions=False)
    client.cookies.set(auth.SESSION_COOKIE, secret)
    return client, csrf


@pytest.fixture
def app(store_env):
    """The app over a store with ACCOUNTS, on a hand-moved clock (import this fixture into a test module)."""
    make_accounts(store_env)
    app = create_app(store_env)
    app.state.clock = Clock()
    yield app
    if app.state.store is not None:
        app.state.store.dispose()
