"""Sign-in, sessions, CSRF, API tokens, throttling and security headers, on both store backends (issue 11)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from trekant.accounts import service
from trekant.web import auth
from trekant.web.app import create_app

from .signin import PASSWORDS, SETUP, app, page_csrf, sign_in, signed_in, whoami  # noqa: F401 (fixture)


def _anonymous(app) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def test_sign_in_sets_a_strict_session_cookie_and_sign_out_ends_the_session(app):
    client = _anonymous(app)
    response = sign_in(client, "reader")
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert "trekant_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP here; see the HTTPS test
    assert whoami(client) == "reader"
    stolen = client.cookies.get(auth.SESSION_COOKIE)
    token = page_csrf(client.get("/").text)
    assert client.post("/sign-out", data=dict(csrf_token=token), follow_redirects=False).status_code == 303
    assert whoami(client) == "anonymous"
    replay = _anonymous(app)  # the old cookie is worthless: the session is gone from the store
    replay.cookies.set(auth.SESSION_COOKIE, stolen)
    assert whoami(replay) == "anonymous"


def test_signing_in_again_ends_the_earlier_session(app):
    client, _ = signed_in(app, "reader")
    earlier = client.cookies.get(auth.SESSION_COOKIE)
    assert sign_in(client, "analyst").status_code == 303 and whoami(client) == "analyst"
    replay = _anonymous(app)
    replay.cookies.set(auth.SESSION_COOKIE, earlier)
    assert whoami(replay) == "anonymous"


def test_wrong_password_unknown_name_and_disabled_account_get_the_same_answer(app, store_env):
    service.set_disabled(store_env, SETUP, "analyst", True, where="test")
    answers = [sign_in(_anonymous(app), name, password) for name, password in
               [("reader", "cedar lamp river 9999"), ("nobody", "cedar lamp river 9999"),
                ("analyst", PASSWORDS["analyst"])]]
    assert [a.status_code for a in answers] == [401, 401, 401]
    messages = {re.search(r'<p class="error" role="alert">([^<]*)</p>', a.text).group(1) for a in answers}
    assert messages == {"Forkert brugernavn eller adgangskode."}


def test_the_cookie_is_secure_over_https_also_behind_a_proxy(app):
    client = TestClient(app, base_url="https://testserver", raise_server_exceptions=False)
    assert "Secure" in sign_in(client, "reader").headers["set-cookie"]
    # `trekant serve` runs uvicorn with proxy_headers: X-Forwarded-Proto from a trusted proxy (127.0.0.1)
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    proxied = TestClient(ProxyHeadersMiddleware(app, trusted_hosts="127.0.0.1"), client=("127.0.0.1", 40000),
                         headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.9"})
    token = page_csrf(proxied.get("/sign-in").text)
    # the pre-sign-in cookie came back Secure, which httpx keeps off this plain-HTTP test connection
    response = proxied.post("/sign-in", data=dict(name="reader", password=PASSWORDS["reader"], csrf_token=token),
                            headers={"Cookie": f"{auth.PRESESSION_COOKIE}={token}"}, follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_a_form_post_without_the_csrf_token_is_refused(app):
    client, token = signed_in(app, "reader")
    assert client.post("/sign-out", follow_redirects=False).status_code == 403
    assert client.post("/sign-out", data=dict(csrf_token="forged"), follow_redirects=False).status_code == 403
    assert whoami(client) == "reader"  # the session survived both
    assert client.post("/sign-out", headers={"X-CSRF-Token": token}, follow_redirects=False).status_code == 303
    assert whoami(client) == "anonymous"


def test_a_token_from_another_session_is_refused(app):
    mine, _ = signed_in(app, "reader")
    _, theirs = signed_in(app, "analyst")
    assert mine.post("/sign-out", data=dict(csrf_token=theirs), follow_redirects=False).status_code == 403
    assert whoami(mine) == "reader"


def test_the_sign_in_form_needs_its_own_token(app):
    client = _anonymous(app)
    client.get("/sign-in")
    response = client.post("/sign-in", data=dict(name="reader", password=PASSWORDS["reader"]),
                           follow_redirects=False)
    assert response.status_code == 403 and auth.SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_the_local_administrator_needs_a_csrf_token_too(store_env):
    app = create_app(store_env, local_admin=True)
    client = TestClient(app, client=("127.0.0.1", 50000), raise_server_exceptions=False)
    assert whoami(client) == "administrator"
    assert client.post("/sign-out", follow_redirects=False).status_code == 403  # a page on another site cannot
    token = page_csrf(client.get("/").text)
    assert client.post("/sign-out", data=dict(csrf_token=token), follow_redirects=False).status_code == 303


def test_session_idle_and_absolute_timeouts(app):
    clock = app.state.clock
    client, _ = signed_in(app, "reader")
    clock.advance(minutes=29)
    assert whoami(client) == "reader"  # used: the idle clock starts again
    clock.advance(minutes=29)
    assert whoami(client) == "reader"
    clock.advance(minutes=30)
    assert whoami(client) == "anonymous"  # 30 minutes idle
    busy, _ = signed_in(app, "reader")
    for _ in range(35):  # 35 × 20 min = 11 h 40 min, always within the idle timeout
        clock.advance(minutes=20)
        assert whoami(busy) == "reader"
    clock.advance(minutes=20)  # 12 hours after sign-in
    assert whoami(busy) == "anonymous"


def test_a_disabled_account_loses_its_session_and_tokens(app, store_env):
    client, _ = signed_in(app, "vejle")
    secret, _info = service.issue_token(store_env, SETUP, "vejle", None, where="test")
    bearer = {"Authorization": f"Bearer {secret}"}
    assert whoami(_anonymous(app), headers=bearer) == "editor"
    service.set_disabled(store_env, SETUP, "vejle", True, where="test")
    assert whoami(client) == "anonymous"
    assert _anonymous(app).get("/api/whoami", headers=bearer).status_code == 401
    assert sign_in(_anonymous(app), "vejle").status_code == 401
    service.set_disabled(store_env, SETUP, "vejle", False, where="test")
    assert whoami(_anonymous(app), headers=bearer) == "editor"


def test_revoked_and_expired_tokens_are_refused(app, store_env):
    clock = app.state.clock
    secret, info = service.issue_token(store_env, SETUP, "analyst", None, where="test")
    short, _ = service.issue_token(store_env, SETUP, "analyst", 1, where="test", now=clock())
    client = _anonymous(app)
    for token in (secret, short):
        body = client.get("/api/whoami", headers={"Authorization": f"Bearer {token}"}).json()
        assert (body["role"], body["via"]) == ("analyst", "token")
    service.revoke_token(store_env, SETUP, "analyst", info.id, where="test")
    refused = client.get("/api/whoami", headers={"Authorization": f"Bearer {secret}"})
    assert refused.status_code == 401 and refused.json()["issues"][0]["code"] == "signinrequired"
    assert refused.headers["www-authenticate"] == 'Bearer realm="trekant"'
    clock.advance(days=1)
    assert client.get("/api/whoami", headers={"Authorization": f"Bearer {short}"}).status_code == 401
    assert client.get("/api/whoami", headers={"Authorization": "Basic YWRtaW46eA=="}).status_code == 401


def test_a_tampered_or_invented_cookie_is_anonymous_and_cleared(app):
    client, _ = signed_in(app, "admin")
    real = client.cookies.get(auth.SESSION_COOKIE)
    for forged in (real[:-1] + ("A" if real[-1] != "A" else "B"), "x" * 43, ""):
        other = _anonymous(app)
        other.cookies.set(auth.SESSION_COOKIE, forged)
        response = other.get("/api/whoami")
        assert response.json()["role"] == "anonymous"
        if forged:
            assert 'trekant_session=""' in response.headers["set-cookie"]


def _limit(app, failures: int) -> None:
    app.state.settings = app.state.settings.model_copy(update=dict(login_max_failures=failures))


def test_login_throttling_per_account(app):
    clock = app.state.clock
    _limit(app, 3)  # TREKANT_LOGIN_MAX_FAILURES (5 by default) is 3 here
    client = _anonymous(app)
    for _ in range(3):
        assert sign_in(client, "reader", "cedar lamp river 0000").status_code == 401
    blocked = sign_in(client, "reader")  # even the right password, while locked
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) == 15 * 60
    assert sign_in(_anonymous(app), "analyst").status_code == 303  # another account is not locked
    clock.advance(minutes=15)
    assert sign_in(client, "reader").status_code == 303


def test_login_throttling_per_address(app):
    _limit(app, 2)
    client = _anonymous(app)  # every request comes from "testclient"
    for i in range(8):  # four times the per-account limit, over names that do not exist
        assert sign_in(client, f"guess{i}", "cedar lamp river 0000").status_code == 401
    assert sign_in(client, "admin").status_code == 429
    elsewhere = TestClient(app, client=("192.0.2.50", 1234), raise_server_exceptions=False)
    assert sign_in(elsewhere, "admin").status_code == 303


def test_security_headers_and_a_fresh_csp_nonce(app):
    client = _anonymous(app)
    first, second = client.get("/"), client.get("/")
    csp = first.headers["content-security-policy"]
    assert "script-src 'self' 'nonce-" in csp and "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp
    assert csp != second.headers["content-security-policy"]
    assert first.headers["x-content-type-options"] == "nosniff"
    assert first.headers["referrer-policy"] == "same-origin"
    signed, _ = signed_in(app, "reader")
    assert signed.get("/").headers["cache-control"] == "no-store"


def test_no_stack_trace_reaches_the_client(app):
    def boom():
        raise RuntimeError("secret internals at /srv/trekant/db.py line 12")

    app.add_api_route("/api/boom", boom)
    response = _anonymous(app).get("/api/boom")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert response.json()["issues"][0]["code"] == "internal"


HOSTILE = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "=HYPERLINK(\"http://evil\",\"x\")",
           "'; DROP TABLE account; --"]


def test_hostile_text_is_stored_as_data_and_shown_escaped(app, store_env):
    for text in HOSTILE:  # each attempt lands in the audit log with the name as typed
        assert sign_in(_anonymous(app), text, "cedar lamp river 0000").status_code == 401
    admin, _ = signed_in(app, "admin")
    page = admin.get("/admin/audit", params=dict(entity="account")).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    stored = {e["entity_id"] for e in admin.get("/api/audit", params=dict(entity="account")).json()["entries"]}
    assert set(HOSTILE) <= stored  # kept exactly, as data
    rows = list(csv.DictReader(io.StringIO(admin.get("/admin/audit.csv").content.decode("utf-8-sig"))))
    cells = {r["entity_id"] for r in rows}
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in cells and "=HYPERLINK(\"http://evil\",\"x\")" not in cells
    assert service.list_users(store_env, SETUP)  # the account table is still there


def test_the_audit_log_says_who_what_and_from_where(app, store_env):
    admin, _ = signed_in(app, "admin")
    entries = admin.get("/api/audit", params=dict(actor="admin")).json()["entries"]
    started = next(e for e in entries if e["action"] == "session.start")
    assert started["where"] == "testclient" and started["entity"] == "web_session"
    service.set_role(store_env, SETUP, "vejle", "editor", ["0630", "0621"], where="cli")
    changed = admin.get("/api/audit", params=dict(entity="account", actor="test-setup")).json()["entries"][0]
    assert changed["action"] == "account.set_role" and changed["where"] == "cli"
    assert changed["detail"] == dict(old=dict(role="editor", municipalities=["0630"]),
                                     new=dict(role="editor", municipalities=["0621", "0630"]))
    assert admin.get("/api/audit", params=dict(since="not a date")).status_code == 422
