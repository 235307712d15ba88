"""Sign-in for the web app: session cookies, API tokens, CSRF tokens and the clock they all read.

- A browser signs in at /sign-in and holds an opaque session cookie (HttpOnly, SameSite=Lax,
  Secure when the request came over HTTPS, also behind a proxy that sends X-Forwarded-Proto);
  the session lives in the store, so every worker knows it, and sign-out deletes it.
- A script sends `Authorization: Bearer TOKEN`; no cookie, so no CSRF token is needed.
- Every write (POST, PUT, PATCH, DELETE) of a cookie session or of the local administrator must carry
  the session's CSRF token, as the form field `csrf_token` or the header `X-CSRF-Token`. Before
  sign-in the token is a random value in its own cookie (double submit), so the sign-in form is
  protected too.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone

from fastapi import FastAPI, Request, Response

from trekant.accounts import service, tokens
from trekant.accounts.model import Principal
from trekant.errors import Forbidden, SignInRequired
from trekant.store.store import Store
from trekant.web.deps import current_principal

SESSION_COOKIE = "trekant_session"
PRESESSION_COOKIE = "trekant_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def install(app: FastAPI) -> None:
    """Plug sign-in into the app: the identify hook, one store per process, and a clock tests can set."""
    app.state.identify = identify
    app.state.clock = lambda: datetime.now(timezone.utc)
    app.state.store = None


def store(request: Request) -> Store:
    """One engine per worker process (a session lookup on every request must not build an engine)."""
    app = request.app
    if app.state.store is None:
        app.state.store = Store.from_settings(app.state.settings).require()
    return app.state.store


def now(request: Request) -> datetime:
    return request.app.state.clock()


def policy(request: Request) -> service.Policy:
    return service.Policy.from_settings(request.app.state.settings)


def identify(request: Request) -> Principal | None:
    """The principal of an API token or a session cookie; None leaves the request anonymous.

    A wrong, expired or revoked token is refused (401): a script must learn that its token is bad. A
    session cookie that matches no live session is ignored (and cleared on the response).
    """
    header = request.headers.get("authorization")
    if header:
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise SignInRequired("the Authorization header must be 'Bearer TOKEN'")
        with store(request).begin() as conn:
            principal = service.token_principal(conn, secret.strip(), now(request))
        if principal is None:
            raise SignInRequired("the API token is unknown, expired or revoked, or its account is disabled")
        return principal
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    with store(request).begin() as conn:
        found = service.session_principal(conn, policy(request), cookie, now(request))
    if found is None:
        request.state.clear_session_cookie = True
        return None
    principal, record = found
    request.state.session = record
    return principal


def session_csrf(request: Request) -> str | None:
    record = getattr(request.state, "session", None)
    return record.csrf_token if record is not None else None


def csrf_token(request: Request) -> str:
    """The CSRF token forms and scripts of this page must send back (the session's, or a pre-sign-in one)."""
    current_principal(request)  # identifies the session, if any
    token = session_csrf(request)
    if token:
        return token
    token = request.cookies.get(PRESESSION_COOKIE) or getattr(request.state, "new_presession", None)
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.new_presession = token  # set as a cookie by the security middleware
    return token


async def supplied_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    if request.headers.get("content-type", "").startswith(FORM_TYPES):
        form = await request.form()  # Starlette keeps it: the route reads the same form
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


async def csrf_protect(request: Request) -> None:
    """App-wide dependency: a cookie-authenticated write needs the right CSRF token (403 otherwise).

    Tokens (Authorization: Bearer) need none; an anonymous request carries no authority to abuse and
    meets 401 where it writes (the sign-in form checks its own pre-sign-in token, see require_presession_csrf).
    """
    if request.method in SAFE_METHODS:
        return
    principal = current_principal(request)
    if principal.via == "session":
        expected = session_csrf(request)
    elif principal.via == "local-admin":
        expected = request.cookies.get(PRESESSION_COOKIE)
    else:
        return
    if not tokens.same(expected, await supplied_csrf(request)):
        raise Forbidden("the CSRF token is missing or does not belong to this session; reload the page")


async def require_presession_csrf(request: Request) -> None:
    """The sign-in form: the token its page carried must come back — the pre-sign-in cookie's, or the
    session's when someone signed in signs in again (as another account)."""
    current_principal(request)
    expected = session_csrf(request) or request.cookies.get(PRESESSION_COOKIE)
    if not tokens.same(expected, await supplied_csrf(request)):
        raise Forbidden("the CSRF token is missing or wrong; reload the sign-in page")


def is_https(request: Request) -> bool:
    """HTTPS as the client sees it (uvicorn's proxy_headers applies X-Forwarded-Proto from trusted proxies)."""
    return request.url.scheme == "https"


def set_session_cookie(request: Request, response: Response, secret: str) -> None:
    request.state.clear_session_cookie = False
    request.state.new_presession = None
    response.set_cookie(SESSION_COOKIE, secret, httponly=True, samesite="lax", secure=is_https(request), path="/")
    response.delete_cookie(PRESESSION_COOKIE, path="/")


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=is_https(request))


def set_presession_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(PRESESSION_COOKIE, token, httponly=True, samesite="lax", secure=is_https(request), path="/")
